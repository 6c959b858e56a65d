"use client";

import { useActionState } from "react";
import type { RoleName } from "@/lib/auth";
import { changeRoleAction, resetTotpAction, unlockAction, type ActionState } from "./actions";
import { ActionError } from "./action-error";
import { SecretsOnce } from "./secrets-once";

function Feedback({ state }: { state: ActionState }) {
  return (
    <>
      <ActionError state={state} />
      {state.message ? <span>{state.message}</span> : null}
      {state.secrets ? <SecretsOnce secrets={state.secrets} /> : null}
    </>
  );
}

export function RoleForm({ userId, role, roles }: { userId: string; role: RoleName; roles: readonly RoleName[] }) {
  const [state, action, isPending] = useActionState<ActionState, FormData>(changeRoleAction, {});
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
  const [state, action, isPending] = useActionState<ActionState, FormData>(resetTotpAction, {});
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
  const [state, action, isPending] = useActionState<ActionState, FormData>(unlockAction, {});
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
