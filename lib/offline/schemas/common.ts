import { z } from "zod";
import { ACCOUNT_ID, ORG_ROOT_ID, ORG_UNIT_ID, PERMISSION_SET_NAME, toIsoDateTime } from "../../aws";

/**
 * A timestamp as the AWS CLI prints it: CLI v2 prints ISO-8601; CLI v1 prints what came over the
 * wire (epoch seconds for JSON services, ISO text for IAM's XML). Parsed to ISO-8601 UTC.
 */
export const cliTimestamp = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const iso = toIsoDateTime(value);
  if (iso === null) {
    ctx.addIssue({ code: "custom", message: `not a timestamp: ${String(value)}` });
    return z.NEVER;
  }
  return iso;
});

/** A policy document: a JSON object (the CLI decodes IAM's), or a string (URL-encoded as the API returns it, or JSON text). */
export const policyDocumentInput = z.union([z.string(), z.record(z.string(), z.unknown())]);

export const tagList = z.array(z.object({ Key: z.string(), Value: z.string().optional() }).loose());

export const optionalString = z.string().nullish();

// Ids and names the layout builds paths from, in AWS's own formats (lib/aws/aws-id-formats.ts).
export const accountId = z.string().regex(ACCOUNT_ID, "must be a 12-digit account id");
export const rootId = z.string().regex(ORG_ROOT_ID, "must be a root id (r- and 4 to 32 lowercase letters or digits)");
export const ouId = z.string().regex(ORG_UNIT_ID, "must be an OU id (ou-<4 to 32>-<8 to 32> lowercase letters or digits)");
export const permissionSetName = z
  .string()
  .regex(PERMISSION_SET_NAME, "must be a permission set name (1 to 32 of letters, digits and _+=,.@-)");
