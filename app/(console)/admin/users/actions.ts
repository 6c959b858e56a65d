"use server";

import type { ActionState } from "../../_actions/action-state";
import { serveAction } from "../../_actions/serve-action";
import { changeRole, createUser, resetUserTotp, unlockAccount, type UserAdminResult } from "./user-admin-actions";

// A "use server" file may export only async functions; the definitions live in user-admin-actions.ts.

export type UserAdminState = ActionState<UserAdminResult>;

export async function createUserAction(_previous: UserAdminState, form: FormData): Promise<UserAdminState> {
  return serveAction(createUser, form);
}

export async function changeRoleAction(_previous: UserAdminState, form: FormData): Promise<UserAdminState> {
  return serveAction(changeRole, form);
}

export async function resetTotpAction(_previous: UserAdminState, form: FormData): Promise<UserAdminState> {
  return serveAction(resetUserTotp, form);
}

export async function unlockAction(_previous: UserAdminState, form: FormData): Promise<UserAdminState> {
  return serveAction(unlockAccount, form);
}
