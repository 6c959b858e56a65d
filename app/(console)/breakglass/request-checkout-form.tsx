"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { IDLE } from "../_actions/action-state";
import { ActionError } from "../_components/action-error";
import { requestCheckoutAction, type BreakglassState } from "./actions";

export type RequestableCredential = { id: string; label: string; maxCheckoutMinutes: number };

/**
 * A breakglass-operator asks for a credential: reason, incident or ticket reference, duration up to
 * the credential's maximum. With a TOTP code it is an emergency: self-approved at once, every
 * approver notified, a review mandatory.
 */
export function RequestCheckoutForm({ credentials }: { credentials: RequestableCredential[] }) {
  const [state, action, isPending] = useActionState<BreakglassState, FormData>(requestCheckoutAction, IDLE);
  const [credentialId, setCredentialId] = useState(credentials[0]?.id ?? "");
  const [isEmergency, setIsEmergency] = useState(false);
  const max = credentials.find((c) => c.id === credentialId)?.maxCheckoutMinutes ?? 60;
  // The answer outlives the form: once requested, the credential is no longer free and may leave the list.
  const outcome = (
    <>
      <ActionError state={state} />
      {state.ok ? (
        <span role="status">
          {state.message} {state.checkoutId ? <Link href={`/breakglass/checkouts/${state.checkoutId}`}>Open the checkout</Link> : null}
        </span>
      ) : null}
    </>
  );
  if (credentials.length === 0)
    return (
      <div data-testid="request-checkout">
        <p className="inv-muted">No credential is free to check out.</p>
        {outcome}
      </div>
    );
  return (
    <form action={action} className="bg-form" aria-label="Request a checkout" data-testid="request-checkout">
      <label>
        Credential
        <select name="credentialId" value={credentialId} onChange={(event) => setCredentialId(event.target.value)}>
          {credentials.map((credential) => (
            <option key={credential.id} value={credential.id}>
              {credential.label}
            </option>
          ))}
        </select>
      </label>
      <label className="bg-wide">
        Reason
        <textarea name="reason" required maxLength={2000} rows={2} />
      </label>
      <label>
        Incident or ticket reference
        <input name="reference" required maxLength={200} autoComplete="off" />
      </label>
      <label>
        Duration (minutes, at most {max})
        <input name="durationMinutes" type="number" required min={1} max={max} defaultValue={Math.min(30, max)} />
      </label>
      <label className="bg-check">
        <input type="checkbox" checked={isEmergency} onChange={(event) => setIsEmergency(event.target.checked)} /> Emergency: self-approve
        now
      </label>
      {isEmergency ? (
        <label>
          TOTP code (re-enter to self-approve)
          <input name="emergencyTotpCode" required inputMode="numeric" pattern="\d{6}" maxLength={6} autoComplete="one-time-code" />
        </label>
      ) : null}
      <div className="bg-form-end">
        <button type="submit" disabled={isPending}>
          {isEmergency ? "Request and self-approve" : "Request checkout"}
        </button>
        {outcome}
      </div>
    </form>
  );
}
