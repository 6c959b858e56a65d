import { DomainError } from "../errors";
import type { CheckoutRefusal } from "./checkout-types";

const APP_CODE = { INVALID: "BAD_REQUEST", FORBIDDEN: "FORBIDDEN", CONFLICT: "CONFLICT", NOT_FOUND: "NOT_FOUND" } as const;

/** A checkout step the rules (or a concurrent change) refused; the message says why, for the user. */
export class CheckoutRefusedError extends DomainError<keyof typeof APP_CODE> {
  constructor(code: keyof typeof APP_CODE, message: string) {
    super(code, APP_CODE[code], message);
    this.name = "CheckoutRefusedError";
  }

  static from(refusal: CheckoutRefusal): CheckoutRefusedError {
    return new CheckoutRefusedError(refusal.code, refusal.message);
  }
}

export const checkoutNotFound = (id: string) => new CheckoutRefusedError("NOT_FOUND", `no checkout ${id.slice(0, 100)}`);
