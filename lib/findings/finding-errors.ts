import { DomainError } from "../errors";

type FindingErrorCode = "FINDING_NOT_FOUND" | "INVALID_SUPPRESSION";

export class FindingError extends DomainError<FindingErrorCode> {
  override name = "FindingError";
}

export const findingNotFound = (id: number | number[]) =>
  new FindingError(
    "FINDING_NOT_FOUND",
    "NOT_FOUND",
    Array.isArray(id) ? `no finding with id ${id.join(", ")}` : `no finding with id ${id}`,
  );

export const invalidSuppression = (message: string) => new FindingError("INVALID_SUPPRESSION", "BAD_REQUEST", message);
