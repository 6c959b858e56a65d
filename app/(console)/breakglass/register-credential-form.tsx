"use client";

import { useActionState } from "react";
import { IDLE } from "../_actions/action-state";
import { ActionError } from "../_components/action-error";
import { registerCredentialAction, type BreakglassState } from "./actions";

/**
 * An admin registers an IAM user's console password and/or access key. Secrets go into password
 * inputs, which React clears after the submit; the answer names the user, never a secret.
 */
export function RegisterCredentialForm({ defaultMaxMinutes, maxMinutesLimit }: { defaultMaxMinutes: number; maxMinutesLimit: number }) {
  const [state, action, isPending] = useActionState<BreakglassState, FormData>(registerCredentialAction, IDLE);
  return (
    <form action={action} className="bg-form" aria-label="Register a break-glass credential">
      <label>
        Account id
        <input name="accountId" required inputMode="numeric" pattern="\d{12}" maxLength={12} autoComplete="off" />
      </label>
      <label>
        IAM user name
        <input name="iamUserName" required maxLength={64} autoComplete="off" />
      </label>
      <label>
        Console password
        <input name="password" type="password" autoComplete="new-password" maxLength={128} />
      </label>
      <label>
        Access key id
        <input name="accessKeyId" autoComplete="off" maxLength={20} pattern="AKIA[A-Z0-9]{16}" />
      </label>
      <label>
        Secret access key
        <input name="secretAccessKey" type="password" autoComplete="new-password" maxLength={40} />
      </label>
      <label>
        MFA device (where it is kept)
        <input name="mfaNote" maxLength={500} autoComplete="off" />
      </label>
      <label>
        Longest checkout (minutes)
        <input name="maxCheckoutMinutes" type="number" min={5} max={maxMinutesLimit} defaultValue={defaultMaxMinutes} />
      </label>
      <div className="bg-form-end">
        <button type="submit" disabled={isPending}>
          Register credential
        </button>
        <ActionError state={state} />
        {state.ok ? <span role="status">{state.message}</span> : null}
      </div>
    </form>
  );
}
