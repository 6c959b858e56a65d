"use server";

import type { ActionState } from "../_actions/action-state";
import { serveAction } from "../_actions/serve-action";
import { suppressSelectedFindings, unsuppressSelectedFindings, type FindingActionResult } from "./finding-actions";
import { joinSelectedIds } from "./join-selected-ids";

// A "use server" file may export only async functions; the definitions live in finding-actions.ts.

export type FindingActionState = ActionState<FindingActionResult>;

export async function suppressFindingsAction(_previous: FindingActionState, form: FormData): Promise<FindingActionState> {
  return serveAction(suppressSelectedFindings, joinSelectedIds(form));
}

export async function unsuppressFindingsAction(_previous: FindingActionState, form: FormData): Promise<FindingActionState> {
  return serveAction(unsuppressSelectedFindings, joinSelectedIds(form));
}
