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
