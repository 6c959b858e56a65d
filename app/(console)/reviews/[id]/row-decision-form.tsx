"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { IDLE } from "../../_actions/action-state";
import { ActionError } from "../../_components/action-error";
import { decideItemsAction, type ReviewActionState } from "../actions";

export const DECISION_OPTIONS = [
  { value: "keep", label: "keep" },
  { value: "revoke", label: "revoke" },
  { value: "needs-info", label: "needs info" },
] as const;

/** One row's attestation: keep / revoke / needs-info with a comment (revoke and needs-info need one). */
export function RowDecisionForm({ campaignId, itemId, label }: { campaignId: number; itemId: number; label: string }) {
  const [state, action, isPending] = useActionState<ReviewActionState, FormData>(decideItemsAction, IDLE);
  const router = useRouter();
  useEffect(() => {
    if (state.ok) router.refresh();
  }, [state, router]);
  return (
    <form action={action} className="review-decide" aria-label={`Decide ${label}`}>
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="ids" value={itemId} />
      <select name="decision" aria-label="Decision" defaultValue="keep">
        {DECISION_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <input type="text" name="comment" aria-label="Comment" maxLength={2000} placeholder="comment" />
      <button type="submit" className="secondary" disabled={isPending}>
        Save
      </button>
      <ActionError state={state} />
      {state.ok ? <span role="status">{state.skipped?.[0]?.reason ?? "saved"}</span> : null}
    </form>
  );
}
