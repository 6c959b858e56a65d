/** What a failed action returns: the reason, the request id its log line carries, and any bad input fields. */
export type ActionFailure = { ok: false; error: string; requestId: string; fields?: string[] };

export type ActionSuccess<T extends object> = { ok: true } & T;

/** The state `useActionState` holds: nothing yet, the handler's result, or a failure. */
export type ActionState<T extends object = object> = { ok?: undefined } | ActionSuccess<T> | ActionFailure;

export const IDLE: ActionState<never> = {};
