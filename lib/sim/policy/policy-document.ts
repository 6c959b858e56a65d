import { z } from "zod";

/** Loose shape of an IAM policy document: enough to evaluate trust, tolerant of the rest. */
const stringOrList = z.union([z.string(), z.array(z.string())]);

export const POLICY_STATEMENT_SCHEMA = z
  .object({
    Sid: z.string().optional(),
    Effect: z.enum(["Allow", "Deny"]),
    Principal: z.union([z.literal("*"), z.record(z.string(), stringOrList)]).optional(),
    NotPrincipal: z.union([z.literal("*"), z.record(z.string(), stringOrList)]).optional(),
    Action: stringOrList.optional(),
    NotAction: stringOrList.optional(),
    Resource: stringOrList.optional(),
    NotResource: stringOrList.optional(),
    Condition: z.record(z.string(), z.record(z.string(), z.union([stringOrList, z.boolean(), z.number()]))).optional(),
  })
  .loose();

export const POLICY_DOCUMENT_SCHEMA = z
  .object({
    Version: z.string().optional(),
    Id: z.string().optional(),
    Statement: z.union([POLICY_STATEMENT_SCHEMA, z.array(POLICY_STATEMENT_SCHEMA)]),
  })
  .loose();

export type PolicyStatement = z.infer<typeof POLICY_STATEMENT_SCHEMA>;
export type PolicyDocument = z.infer<typeof POLICY_DOCUMENT_SCHEMA>;

export const toList = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

export function statementsOf(doc: PolicyDocument): PolicyStatement[] {
  return Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
}

/** Parses policy JSON text; undefined when it is not a policy document. */
export function parsePolicyDocument(text: string): PolicyDocument | undefined {
  try {
    const parsed = POLICY_DOCUMENT_SCHEMA.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
