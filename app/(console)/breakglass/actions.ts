"use server";

import { afterCheckoutTransition } from "@/jobs/breakglass-after-transition";
import { getDb } from "@/lib/db";
import type { ActionState } from "../_actions/action-state";
import { serveAction } from "../_actions/serve-action";
import {
  approveBreakglassCheckout,
  cancelBreakglassCheckout,
  declareBreakglassEmergency,
  denyBreakglassCheckout,
  registerBreakglassCredential,
  requestBreakglassCheckout,
  returnBreakglassCheckout,
  revealBreakglassCheckout,
  reviewBreakglassCheckout,
  type BreakglassResult,
} from "./breakglass-actions";

// A "use server" file may export only async functions; the definitions live in breakglass-actions.ts.

export type BreakglassState = ActionState<BreakglassResult>;

/**
 * Once a step committed, its follow-ups start now rather than at the next minute's schedule: a
 * returned credential's rotation, and the notifications it queued (an emergency reaches approvers).
 * afterCheckoutTransition never throws. The browser gets no more than the message it needs.
 */
async function withFollowUps(state: BreakglassState): Promise<BreakglassState> {
  if (!state.ok || !state.followUp) return state;
  const { followUp, ...answer } = state;
  await afterCheckoutTransition(await getDb(), followUp);
  return answer;
}

export async function registerCredentialAction(_previous: BreakglassState, form: FormData): Promise<BreakglassState> {
  return serveAction(registerBreakglassCredential, form);
}

export async function requestCheckoutAction(_previous: BreakglassState, form: FormData): Promise<BreakglassState> {
  return withFollowUps(await serveAction(requestBreakglassCheckout, form));
}

export async function approveCheckoutAction(_previous: BreakglassState, form: FormData): Promise<BreakglassState> {
  return withFollowUps(await serveAction(approveBreakglassCheckout, form));
}

export async function denyCheckoutAction(_previous: BreakglassState, form: FormData): Promise<BreakglassState> {
  return withFollowUps(await serveAction(denyBreakglassCheckout, form));
}

export async function cancelCheckoutAction(_previous: BreakglassState, form: FormData): Promise<BreakglassState> {
  return withFollowUps(await serveAction(cancelBreakglassCheckout, form));
}

export async function emergencyAction(_previous: BreakglassState, form: FormData): Promise<BreakglassState> {
  return withFollowUps(await serveAction(declareBreakglassEmergency, form));
}

export async function revealAction(_previous: BreakglassState, form: FormData): Promise<BreakglassState> {
  return withFollowUps(await serveAction(revealBreakglassCheckout, form));
}

export async function returnCheckoutAction(_previous: BreakglassState, form: FormData): Promise<BreakglassState> {
  return withFollowUps(await serveAction(returnBreakglassCheckout, form));
}

export async function reviewCheckoutAction(_previous: BreakglassState, form: FormData): Promise<BreakglassState> {
  return withFollowUps(await serveAction(reviewBreakglassCheckout, form));
}
