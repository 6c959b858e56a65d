"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { IDLE } from "../_actions/action-state";
import { ActionError } from "../_components/action-error";
import { startCampaignAction, type ReviewActionState } from "./actions";

/** Starts this week's campaign from the latest complete snapshot (or names the one that already exists). */
export function StartCampaignForm() {
  const [state, action, isPending] = useActionState<ReviewActionState, FormData>(startCampaignAction, IDLE);
  const router = useRouter();
  useEffect(() => {
    if (state.ok) router.refresh();
  }, [state, router]);
  return (
    <form action={action} className="inv-toolbar" aria-label="Start this week's campaign">
      <button type="submit" disabled={isPending}>
        Start this week&apos;s campaign
      </button>
      <ActionError state={state} />
      {state.ok ? (
        <span role="status">
          {state.message} {state.campaignId ? <Link href={`/reviews/${state.campaignId}`}>Open it</Link> : null}
        </span>
      ) : null}
    </form>
  );
}
