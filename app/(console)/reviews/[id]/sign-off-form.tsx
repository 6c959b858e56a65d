"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { IDLE } from "../../_actions/action-state";
import { ActionError } from "../../_components/action-error";
import { signOffCampaignAction, type ReviewActionState } from "../actions";

/** The auditor's closing signature; lib/review refuses while rows are pending and records the audit chain's head. */
export function SignOffForm({ campaignId }: { campaignId: number }) {
  const [state, action, isPending] = useActionState<ReviewActionState, FormData>(signOffCampaignAction, IDLE);
  const router = useRouter();
  useEffect(() => {
    if (state.ok) router.refresh();
  }, [state, router]);
  return (
    <form action={action} className="inv-toolbar" aria-label="Sign off the campaign">
      <input type="hidden" name="campaignId" value={campaignId} />
      <label>
        Comment
        <input type="text" name="comment" maxLength={2000} size={50} placeholder="optional" />
      </label>
      <button type="submit" disabled={isPending}>
        Sign off
      </button>
      <ActionError state={state} block />
      {state.ok ? <p role="status">{state.message}</p> : null}
    </form>
  );
}
