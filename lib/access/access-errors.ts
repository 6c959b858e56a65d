import { DomainError } from "../errors";

export type AccessErrorCode =
  | "UNKNOWN_PRINCIPAL"
  | "AMBIGUOUS_PRINCIPAL"
  /** `--explain`'s target is not a role of the snapshot */
  | "UNKNOWN_TARGET"
  /** a question the subject's kind cannot answer (an AWS CLI config for an IAM principal or an account) */
  | "UNSUPPORTED_SUBJECT";

/** A principal the snapshot does not know, or a name that fits more than one. */
export class AccessError extends DomainError<AccessErrorCode> {
  constructor(code: AccessErrorCode, message: string) {
    super(code, code === "UNKNOWN_PRINCIPAL" || code === "UNKNOWN_TARGET" ? "NOT_FOUND" : "BAD_REQUEST", message);
    this.name = "AccessError";
  }
}
