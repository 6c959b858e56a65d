"use server";

import type { ActionState } from "../_actions/action-state";
import { serveAction } from "../_actions/serve-action";
import { joinSelectedIds } from "../findings/join-selected-ids";
import { decideItems, signOffCampaign, startCampaign, type ReviewActionResult } from "./review-actions";

// A "use server" file may export only async functions; the definitions live in review-actions.ts.

export type ReviewActionState = ActionState<ReviewActionResult>;

export async function startCampaignAction(_previous: ReviewActionState, form: FormData): Promise<ReviewActionState> {
  return serveAction(startCampaign, form);
}

export async function decideItemsAction(_previous: ReviewActionState, form: FormData): Promise<ReviewActionState> {
  return serveAction(decideItems, joinSelectedIds(form));
}

export async function signOffCampaignAction(_previous: ReviewActionState, form: FormData): Promise<ReviewActionState> {
  return serveAction(signOffCampaign, form);
}
