"use server";

import type { ActionState } from "../_actions/action-state";
import { serveAction } from "../_actions/serve-action";
import { approveBaseline, type ApproveBaselineResult } from "./drift-actions";

// A "use server" file may export only async functions; the definition lives in drift-actions.ts.

export type ApproveBaselineState = ActionState<ApproveBaselineResult>;

export async function approveBaselineAction(_previous: ApproveBaselineState, form: FormData): Promise<ApproveBaselineState> {
  return serveAction(approveBaseline, form);
}
