import { DomainError } from "../errors";

type SnapshotErrorCode = "SNAPSHOT_NOT_FOUND" | "SNAPSHOT_NOT_READABLE" | "SNAPSHOT_IN_PROGRESS";

/** Domain errors of lib/snapshot; `code` lets callers tell them apart, `appCode` maps them to HTTP. */
export class SnapshotError extends DomainError<SnapshotErrorCode> {
  override name = "SnapshotError";
}

export const snapshotNotFound = (id: number) => new SnapshotError("SNAPSHOT_NOT_FOUND", "NOT_FOUND", `snapshot ${id} does not exist`);

export const snapshotNotReadable = (id: number, status: string) =>
  new SnapshotError("SNAPSHOT_NOT_READABLE", "CONFLICT", `snapshot ${id} is ${status}; only COMPLETE or PARTIAL snapshots can be read`);

export const snapshotInProgress = () =>
  new SnapshotError("SNAPSHOT_IN_PROGRESS", "CONFLICT", "another snapshot is being taken; try again when it has finished");
