"use client";

import { useActionState } from "react";
import type { RoleName } from "@/lib/auth";
import { IDLE } from "../../_actions/action-state";
import { ActionError } from "../../_components/action-error";
import { createUserAction, type UserAdminState } from "./actions";
import { SecretsOnce } from "./secrets-once";

export function CreateUserForm({ roles }: { roles: readonly RoleName[] }) {
  const [state, action, isPending] = useActionState<UserAdminState, FormData>(createUserAction, IDLE);
  return (
    <form action={action} style={{ display: "flex", gap: 8, flexWrap: "wrap", alignItems: "end" }}>
      <label>
        Username
        <br />
        <input name="username" aria-label="New user username" required minLength={3} maxLength={30} pattern="[A-Za-z0-9_.]+" />
      </label>
      <label>
        Email (optional)
        <br />
        <input name="email" type="email" aria-label="New user email" />
      </label>
      <label>
        Role
        <br />
        <select name="role" defaultValue="viewer" aria-label="New user role">
          {roles.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={isPending}>
        Create local user
      </button>
      <div style={{ flexBasis: "100%" }}>
        <ActionError state={state} block />
        {state.ok && state.message ? <p>{state.message}</p> : null}
        {state.ok && state.secrets ? <SecretsOnce secrets={state.secrets} /> : null}
      </div>
    </form>
  );
}
