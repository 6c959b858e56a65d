import { z } from "zod";
import type { InventoryCoverage } from "../../aws";
import { SNAPSHOT_COVERAGE } from "../../snapshot";
import { accountId } from "./common";

const accountCoverage = SNAPSHOT_COVERAGE.shape.accounts.valueType;

/**
 * The exported snapshot's coverage: what its run read in full, in part, or not at all. The shape
 * a snapshot stores, with account ids held to AWS's format since they come from a file.
 */
export const EXPORT_COVERAGE = SNAPSHOT_COVERAGE.extend({
  accounts: z.record(accountId, accountCoverage.extend({ accountId })),
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
