import { z } from "zod";
import { FAULT_CONFIG_SCHEMA } from "../scenario/scenario-spec";

/** Admin inputs, validated identically for the HTTP API and the in-process methods. */
export const TRUST_POLICY_INPUT = z.object({ document: z.union([z.string(), z.record(z.string(), z.unknown())]) });

export const NEW_IAM_USER_INPUT = z.object({
  userName: z.string().regex(/^[\w+=,.@-]{1,64}$/),
  path: z.string().optional(),
  tags: z.record(z.string(), z.string()).optional(),
  consolePassword: z.boolean().optional(),
  mfa: z.boolean().optional(),
  withAccessKey: z.boolean().optional(),
});

export const CLOUDTRAIL_EVENTS_INPUT = z.object({
  region: z.string(),
  events: z.array(z.record(z.string(), z.unknown())).min(1).max(10_000),
});

export const NEW_IDC_USER_INPUT = z.object({
  userName: z.string().min(1),
  givenName: z.string().min(1),
  familyName: z.string().min(1),
  email: z.string().optional(),
  groups: z.array(z.string()).optional(),
});

export const ASSIGNMENT_INPUT = z.object({
  accountId: z.string().regex(/^\d{12}$/),
  permissionSet: z.string().min(1),
  principalType: z.enum(["USER", "GROUP"]),
  principalId: z.string().min(1),
});

export const CREDENTIAL_INPUT = z.object({
  accessKeyId: z.string().min(16),
  accountId: z.string().regex(/^\d{12}$/),
  userName: z.string().optional(),
  roleName: z.string().optional(),
});

export { FAULT_CONFIG_SCHEMA };

export type NewIamUserInput = z.input<typeof NEW_IAM_USER_INPUT>;
export type CloudTrailEventsInput = z.input<typeof CLOUDTRAIL_EVENTS_INPUT>;
export type NewIdcUserInput = z.input<typeof NEW_IDC_USER_INPUT>;
export type AssignmentInput = z.input<typeof ASSIGNMENT_INPUT>;
export type CredentialInput = z.input<typeof CREDENTIAL_INPUT>;

const IAM_NAME = /^[\w+=,.@-]{1,64}$/;

/**
 * Who an admin mutation acts as, for the CloudTrail event it records: an IAM user or a role session
 * of the changed account (the management account for Identity Center and Organizations changes).
 */
export const ADMIN_CALLER_INPUT = z
  .object({
    userName: z.string().regex(IAM_NAME).optional(),
    roleName: z.string().regex(IAM_NAME).optional(),
    sessionName: z
      .string()
      .regex(/^[\w+=,.@-]{2,64}$/)
      .optional(),
    sourceIp: z.union([z.ipv4(), z.ipv6()]).optional(),
    userAgent: z.string().min(1).max(1000).optional(),
  })
  .refine((c) => c.userName === undefined || c.roleName === undefined, "name a userName or a roleName, not both")
  .refine((c) => c.sessionName === undefined || c.roleName !== undefined, "sessionName needs a roleName");

/** Seconds in an ISO-8601 `PT…H…M…S` duration (the only form permission sets use). */
export function durationSeconds(text: string): number | undefined {
  const match = /^PT(?:(\d{1,2})H)?(?:(\d{1,4})M)?(?:(\d{1,6})S)?$/.exec(text);
  if (match === null || text === "PT") return undefined;
  return Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
}

export const GROUP_MEMBERSHIP_INPUT = z.object({
  /** Group display name or id. */
  group: z.string().min(1),
  /** User name or id. */
  user: z.string().min(1),
  caller: ADMIN_CALLER_INPUT.optional(),
});

export const PERMISSION_SET_UPDATE_INPUT = z.object({
  /** ISO-8601 duration between 1 and 12 hours, e.g. `PT8H`, as SSO Admin accepts. */
  sessionDuration: z
    .string()
    .refine((text) => {
      const seconds = durationSeconds(text);
      return seconds !== undefined && seconds >= 3600 && seconds <= 43200;
    }, "sessionDuration must be an ISO-8601 duration from PT1H to PT12H")
    .optional(),
  description: z.string().max(700).optional(),
  relayState: z.string().max(240).optional(),
  caller: ADMIN_CALLER_INPUT.optional(),
});

export const INLINE_POLICY_INPUT = z.object({
  document: z.union([z.string(), z.record(z.string(), z.unknown())]),
  caller: ADMIN_CALLER_INPUT.optional(),
});

export type AdminCallerInput = z.input<typeof ADMIN_CALLER_INPUT>;
export type GroupMembershipInput = z.input<typeof GROUP_MEMBERSHIP_INPUT>;
export type PermissionSetUpdateInput = z.input<typeof PERMISSION_SET_UPDATE_INPUT>;
export type InlinePolicyInput = z.input<typeof INLINE_POLICY_INPUT>;
