import type { ActionState } from "./actions";

/** A failed action's reason, with the request id to quote when asking an admin to look it up. */
export function ActionError({ state, block = false }: { state: ActionState; block?: boolean }) {
  if (!state.error) return null;
  const text = state.requestId ? `${state.error} (request id ${state.requestId})` : state.error;
  return block ? (
    <p className="error" role="alert">
      {text}
    </p>
  ) : (
    <span className="error" role="alert">
      {text}
    </span>
  );
}
