import type { CollectionStatus } from "../aws";

/**
 * Whether a section's file is written: always when there is data to carry, and as an empty listing
 * only when the section was read in full. An empty file says "read, there are none"; written for a
 * section that was never read, it would turn into deletions on import.
 */
export function isWritten(status: CollectionStatus, hasData: boolean): boolean {
  return hasData || status === "COLLECTED";
}
