"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { IDLE } from "../../_actions/action-state";
import { ActionError } from "../../_components/action-error";
import { decideItemsAction, type ReviewActionState } from "../actions";
import { DECISION_OPTIONS } from "./row-decision-form";

export const BULK_FORM_ID = "bulk-decide";

/**
 * A decision for many rows: the ticked checkboxes (which name this form with `form=`), or every row
 * matching the page's filter ("select all N"), which lib/review resolves itself, so the rows beyond
 * the visible page are included.
 */
export function BulkDecisionForm({ campaignId, filterJson, matching }: { campaignId: number; filterJson: string; matching: number }) {
  const [state, action, isPending] = useActionState<ReviewActionState, FormData>(decideItemsAction, IDLE);
  const router = useRouter();
  useEffect(() => {
    if (state.ok) router.refresh();
  }, [state, router]);
  return (
    <form id={BULK_FORM_ID} action={action} className="inv-toolbar" aria-label="Decide the selected rows">
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="filter" value={filterJson} />
      <label>
        <input type="checkbox" name="scope" value="filter" /> Select all {matching} matching this filter
      </label>
      <label>
        Decision
        <select name="decision" defaultValue="keep">
          {DECISION_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Comment
        <input type="text" name="comment" maxLength={2000} size={40} placeholder="required for revoke and needs info" />
      </label>
      <button type="submit" disabled={isPending}>
        Submit decision
      </button>
      <ActionError state={state} block />
      {state.ok ? (
        <div role="status">
          <p>{state.message}</p>
          {state.skipped && state.skipped.length > 0 ? (
            <ul aria-label="Skipped rows">
              {state.skipped.slice(0, 50).map((skip) => (
                <li key={skip.itemId}>
                  row {skip.itemId}: {skip.reason}
                </li>
              ))}
              {state.skipped.length > 50 ? <li>… and {state.skipped.length - 50} more</li> : null}
            </ul>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
