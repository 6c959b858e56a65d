import { DomainError } from "../errors";

type DriftErrorCode = "SNAPSHOT_NOT_FOUND" | "SNAPSHOT_NOT_READABLE" | "NOT_ENOUGH_SNAPSHOTS" | "ROLE_NOT_IN_SNAPSHOT" | "NO_TRUST_POLICY";

/** Domain errors of lib/drift; `code` tells them apart, `appCode` maps them to HTTP and CLI exits. */
export class DriftError extends DomainError<DriftErrorCode> {
  override name = "DriftError";
}

export const snapshotNotFound = (id: number) => new DriftError("SNAPSHOT_NOT_FOUND", "NOT_FOUND", `snapshot ${id} does not exist`);

export const snapshotNotReadable = (id: number, status: string) =>
  new DriftError("SNAPSHOT_NOT_READABLE", "CONFLICT", `snapshot ${id} is ${status}; only COMPLETE or PARTIAL snapshots can be compared`);

export const notEnoughSnapshots = (count: number) =>
  new DriftError(
    "NOT_ENOUGH_SNAPSHOTS",
    "NOT_FOUND",
    `drift compares two readable snapshots and there ${count === 1 ? "is only one" : "are none"}; take another snapshot first`,
  );

export const roleNotInSnapshot = (roleArn: string, snapshotId: number) =>
  new DriftError("ROLE_NOT_IN_SNAPSHOT", "NOT_FOUND", `role ${roleArn} has no version in snapshot ${snapshotId}`);

export const noTrustPolicy = (roleArn: string, snapshotId: number) =>
  new DriftError("NO_TRUST_POLICY", "BAD_REQUEST", `role ${roleArn} has no readable trust policy in snapshot ${snapshotId}`);
