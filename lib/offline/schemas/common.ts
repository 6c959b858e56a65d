import { z } from "zod";
import { toIsoDateTime } from "../../aws";

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
