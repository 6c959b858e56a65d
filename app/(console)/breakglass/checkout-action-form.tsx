"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, type ReactNode } from "react";
import { IDLE } from "../_actions/action-state";
import { ActionError } from "../_components/action-error";
import type { BreakglassState } from "./actions";

type Action = (previous: BreakglassState, form: FormData) => Promise<BreakglassState>;

/** One checkout transition as a form: hidden checkout id, optional fields, the server's answer, a refresh on success. */
export function CheckoutActionForm({
  action,
  checkoutId,
  label,
  children,
  isSecondary = false,
}: {
  action: Action;
  checkoutId: string;
  label: string;
  children?: ReactNode;
  isSecondary?: boolean;
}) {
  const [state, formAction, isPending] = useActionState<BreakglassState, FormData>(action, IDLE);
  const router = useRouter();
  useEffect(() => {
    if (state.ok) router.refresh();
  }, [state, router]);
  return (
    <form action={formAction} className="bg-action">
      <input type="hidden" name="checkoutId" value={checkoutId} />
      {children}
      <button type="submit" className={isSecondary ? "secondary" : undefined} disabled={isPending}>
        {label}
      </button>
      <ActionError state={state} />
      {state.ok ? <span role="status">{state.message}</span> : null}
    </form>
  );
}
