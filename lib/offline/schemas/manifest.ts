import { z } from "zod";
import type { InventoryCoverage } from "../../aws";
import { accountId } from "./common";

const status = z.enum(["COLLECTED", "PARTIAL", "FAILED", "SKIPPED"]);

/** The exported snapshot's coverage: what its run read in full, in part, or not at all. */
export const EXPORT_COVERAGE = z.object({
  organization: status,
  accountTags: status,
  identityCenter: z.object({
    instance: status,
    users: status,
    groups: status,
    memberships: status,
    permissionSets: status,
    assignments: status,
  }),
  accounts: z.record(
    accountId,
    z.object({
      accountId,
      iam: status,
      authorizationDetails: status,
      credentialReport: status,
      reason: z.string().nullable(),
    }),
  ),
}) satisfies z.ZodType<InventoryCoverage>;

const common = { snapshotId: z.number().int().positive(), asOf: z.iso.datetime(), exportedAt: z.iso.datetime() };

/**
 * `vigil-export.json`. Format 2 carries the snapshot's coverage, and an import never reads a section
 * as more complete than that; format 1 (no coverage) is still read, its files alone decide.
 */
export const EXPORT_MANIFEST = z.discriminatedUnion("format", [
  z.object({ format: z.literal("vigil-offline/1"), ...common }),
  z.object({ format: z.literal("vigil-offline/2"), ...common, coverage: EXPORT_COVERAGE }),
]);

export type ExportManifest = z.output<typeof EXPORT_MANIFEST>;
