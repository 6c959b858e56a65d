/** An error answered in the service's own wire format (awsJson `__type` or awsQuery `<ErrorResponse>`). */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    /** Extra modelled members, e.g. `Reason` or `ResourceType`. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = code;
  }

  get faultType(): "Sender" | "Receiver" {
    return this.status >= 500 ? "Receiver" : "Sender";
  }
}

export const queryValidationError = (message: string): AwsError => new AwsError("ValidationError", message, 400);

/** JSON services report input problems as ValidationException (Organizations differs, see there). */
export const jsonValidationError = (message: string): AwsError => new AwsError("ValidationException", message, 400);
