/** Domain errors of lib/snapshot; `code` lets route wrappers map them without string matching. */
export class SnapshotError extends Error {
  constructor(
    readonly code: "SNAPSHOT_NOT_FOUND" | "SNAPSHOT_NOT_READABLE" | "SNAPSHOT_IN_PROGRESS",
    message: string,
  ) {
    super(message);
    this.name = "SnapshotError";
  }
}

export const snapshotNotFound = (id: number) => new SnapshotError("SNAPSHOT_NOT_FOUND", `snapshot ${id} does not exist`);

export const snapshotNotReadable = (id: number, status: string) =>
  new SnapshotError("SNAPSHOT_NOT_READABLE", `snapshot ${id} is ${status}; only COMPLETE or PARTIAL snapshots can be read`);

export const snapshotInProgress = () =>
  new SnapshotError("SNAPSHOT_IN_PROGRESS", "another snapshot is being taken; try again when it has finished");
