import type { ActionState } from "../_actions/action-state";

/** A failed action's reason, with the request id to quote when asking an admin to look it up. */
export function ActionError({ state, block = false }: { state: ActionState; block?: boolean }) {
  if (state.ok !== false) return null;
  const text = `${state.error} (request id ${state.requestId})`;
  return block ? (
    <p className="error" role="alert" style={{ whiteSpace: "pre-line" }}>
      {text}
    </p>
  ) : (
    <span className="error" role="alert" style={{ whiteSpace: "pre-line" }}>
      {text}
    </span>
  );
}
