import { z } from "zod";

/**
 * A timestamp as the AWS CLI prints it: CLI v2 prints ISO-8601; CLI v1 prints what came over the
 * wire (epoch seconds for JSON services, ISO text for IAM's XML). Parsed to ISO-8601 UTC.
 */
export const cliTimestamp = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const ms = typeof value === "number" ? value * 1000 : /^\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : Date.parse(value);
  if (Number.isNaN(ms)) {
    ctx.addIssue({ code: "custom", message: `not a timestamp: ${String(value)}` });
    return z.NEVER;
  }
  return new Date(ms).toISOString();
});

/** A policy document: a JSON object (the CLI decodes IAM's), or a string (URL-encoded as the API returns it, or JSON text). */
export const policyDocumentInput = z.union([z.string(), z.record(z.string(), z.unknown())]);
export type PolicyDocumentInput = z.infer<typeof policyDocumentInput>;

export const tagList = z.array(z.object({ Key: z.string(), Value: z.string().optional() }).loose());

export const optionalString = z.string().nullish();
