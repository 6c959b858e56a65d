"use server";

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

export async function registerCredentialAction(_previous: BreakglassState, form: FormData): Promise<BreakglassState> {
  return serveAction(registerBreakglassCredential, form);
}

export async function requestCheckoutAction(_previous: BreakglassState, form: FormData): Promise<BreakglassState> {
  return serveAction(requestBreakglassCheckout, form);
}

export async function approveCheckoutAction(_previous: BreakglassState, form: FormData): Promise<BreakglassState> {
  return serveAction(approveBreakglassCheckout, form);
}

export async function denyCheckoutAction(_previous: BreakglassState, form: FormData): Promise<BreakglassState> {
  return serveAction(denyBreakglassCheckout, form);
}

export async function cancelCheckoutAction(_previous: BreakglassState, form: FormData): Promise<BreakglassState> {
  return serveAction(cancelBreakglassCheckout, form);
}

export async function emergencyAction(_previous: BreakglassState, form: FormData): Promise<BreakglassState> {
  return serveAction(declareBreakglassEmergency, form);
}

export async function revealAction(_previous: BreakglassState, form: FormData): Promise<BreakglassState> {
  return serveAction(revealBreakglassCheckout, form);
}

export async function returnCheckoutAction(_previous: BreakglassState, form: FormData): Promise<BreakglassState> {
  return serveAction(returnBreakglassCheckout, form);
}

export async function reviewCheckoutAction(_previous: BreakglassState, form: FormData): Promise<BreakglassState> {
  return serveAction(reviewBreakglassCheckout, form);
}
