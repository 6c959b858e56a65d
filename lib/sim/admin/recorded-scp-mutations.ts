import { recordWriteEvent } from "../cloudtrail/record-write-event";
import { attachPolicyShape, detachPolicyShape } from "../cloudtrail/write-event-shapes";
import type { SimState } from "../model/state";
import type { AdminCallerInput } from "./admin-inputs";
import { changeOriginFor } from "./change-origin";
import { attachServiceControlPolicy, detachServiceControlPolicy } from "./scp-mutations";

/** Organizations AttachPolicy as the management account records it (us-east-1). */
export function attachServiceControlPolicyRecorded(
  state: SimState,
  policyId: string,
  targetId: string,
  now: Date,
  caller?: AdminCallerInput,
): void {
  const origin = changeOriginFor(state, state.organization.managementAccountId, caller, now);
  attachServiceControlPolicy(state, policyId, targetId);
  recordWriteEvent(state, origin, attachPolicyShape(policyId, targetId));
}

export function detachServiceControlPolicyRecorded(
  state: SimState,
  policyId: string,
  targetId: string,
  now: Date,
  caller?: AdminCallerInput,
): void {
  const origin = changeOriginFor(state, state.organization.managementAccountId, caller, now);
  detachServiceControlPolicy(state, policyId, targetId);
  recordWriteEvent(state, origin, detachPolicyShape(policyId, targetId));
}
