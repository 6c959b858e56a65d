"use client";

import { useActionState } from "react";
import { IDLE } from "../_actions/action-state";
import { approveBaselineAction, type ApproveBaselineState } from "./actions";

/** "Approve as baseline": the role's trust policy as the newer snapshot saw it becomes the expected one. */
export function ApproveBaselineForm({ roleArn, snapshotId, roleName }: { roleArn: string; snapshotId: number; roleName: string }) {
  const [state, action, isPending] = useActionState<ApproveBaselineState, FormData>(approveBaselineAction, IDLE);
  return (
    <form action={action} style={{ display: "flex", gap: 8, alignItems: "center" }}>
      <input type="hidden" name="roleArn" value={roleArn} />
      <input type="hidden" name="snapshotId" value={snapshotId} />
      <button
        type="submit"
        className="secondary"
        disabled={isPending || state.ok === true}
        aria-label={`Approve the trust policy of ${roleName} as baseline`}
      >
        Approve as baseline
      </button>
      {state.ok === false ? (
        <span className="error" role="alert">
          {state.error} (request id {state.requestId})
        </span>
      ) : null}
      {state.ok ? <span role="status">{state.message}</span> : null}
    </form>
  );
}
