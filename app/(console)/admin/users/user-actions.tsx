"use client";

import { useActionState } from "react";
import type { RoleName } from "@/lib/auth";
import { changeRoleAction, resetTotpAction, unlockAction, type UserAdminState } from "./actions";
import { IDLE } from "../../_actions/action-state";
import { ActionError } from "../../_components/action-error";
import { SecretsOnce } from "./secrets-once";

function Feedback({ state }: { state: UserAdminState }) {
  return (
    <>
      <ActionError state={state} />
      {state.ok && state.message ? <span>{state.message}</span> : null}
      {state.ok && state.secrets ? <SecretsOnce secrets={state.secrets} /> : null}
    </>
  );
}

export function RoleForm({ userId, role, roles }: { userId: string; role: RoleName; roles: readonly RoleName[] }) {
  const [state, action, isPending] = useActionState<UserAdminState, FormData>(changeRoleAction, IDLE);
  return (
    <form action={action} style={{ display: "flex", gap: 4 }}>
      <input type="hidden" name="userId" value={userId} />
      <select name="role" defaultValue={role} aria-label="Role">
        {roles.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
      <button type="submit" className="secondary" disabled={isPending}>
        Set role
      </button>
      <Feedback state={state} />
    </form>
  );
}

export function ResetTotpForm({ userId }: { userId: string }) {
  const [state, action, isPending] = useActionState<UserAdminState, FormData>(resetTotpAction, IDLE);
  return (
    <form action={action}>
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" className="secondary" disabled={isPending}>
        Reset TOTP
      </button>
      <Feedback state={state} />
    </form>
  );
}

export function UnlockForm({ userId }: { userId: string }) {
  const [state, action, isPending] = useActionState<UserAdminState, FormData>(unlockAction, IDLE);
  return (
    <form action={action}>
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" className="secondary" disabled={isPending}>
        Unlock
      </button>
      <Feedback state={state} />
    </form>
  );
}
