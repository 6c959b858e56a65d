"use client";

import { useActionState } from "react";
import { IDLE } from "../_actions/action-state";
import { suppressFindingsAction, unsuppressFindingsAction, type FindingActionState } from "./actions";

function Feedback({ state }: { state: FindingActionState }) {
  if (state.ok === false) {
    return (
      <p className="error" role="alert" style={{ whiteSpace: "pre-line" }}>
        {state.error} (request id {state.requestId})
      </p>
    );
  }
  return state.ok ? <p role="status">{state.message}</p> : null;
}

/**
 * Suppress with a reason until a day (00:00 UTC, tomorrow at the earliest). With `ids` it acts on
 * those findings; without, on the checkboxes elsewhere on the page that name this form (`form=id`).
 */
export function SuppressFindingsForm({ formId, ids, minDate, label }: { formId: string; ids?: number[]; minDate: string; label: string }) {
  const [state, action, isPending] = useActionState<FindingActionState, FormData>(suppressFindingsAction, IDLE);
  return (
    <form id={formId} action={action} className="inv-toolbar" aria-label={label}>
      {ids?.map((id) => (
        <input key={id} type="hidden" name="ids" value={id} />
      ))}
      <label>
        Reason
        <input type="text" name="reason" required maxLength={2000} size={40} placeholder="why this risk is accepted" />
      </label>
      <label>
        Until (UTC)
        <input type="date" name="until" required min={minDate} />
      </label>
      <button type="submit" disabled={isPending}>
        {label}
      </button>
      <Feedback state={state} />
    </form>
  );
}

export function UnsuppressFindingForm({ id }: { id: number }) {
  const [state, action, isPending] = useActionState<FindingActionState, FormData>(unsuppressFindingsAction, IDLE);
  return (
    <form action={action} className="inv-toolbar" aria-label="Lift suppression">
      <input type="hidden" name="ids" value={id} />
      <label>
        Reason (optional)
        <input type="text" name="reason" maxLength={2000} size={40} />
      </label>
      <button type="submit" className="secondary" disabled={isPending}>
        Lift suppression
      </button>
      <Feedback state={state} />
    </form>
  );
}
