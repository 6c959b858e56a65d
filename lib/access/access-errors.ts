import { DomainError } from "../errors";

export type AccessErrorCode = "UNKNOWN_PRINCIPAL" | "AMBIGUOUS_PRINCIPAL";

/** A principal the snapshot does not know, or a name that fits more than one. */
export class AccessError extends DomainError<AccessErrorCode> {
  constructor(code: AccessErrorCode, message: string) {
    super(code, code === "UNKNOWN_PRINCIPAL" ? "NOT_FOUND" : "BAD_REQUEST", message);
    this.name = "AccessError";
  }
}
