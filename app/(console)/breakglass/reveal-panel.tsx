"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { IDLE } from "../_actions/action-state";
import { ActionError } from "../_components/action-error";
import { revealAction, type BreakglassState } from "./actions";
import type { BreakglassResult } from "./breakglass-actions";

/** How long the revealed secret stays on screen. */
export const REVEAL_VISIBLE_SECONDS = 60;

type Revealed = NonNullable<BreakglassResult["revealed"]>;

function CopyButton({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="secondary"
      aria-label={`Copy ${label}`}
      onClick={() => {
        void navigator.clipboard
          ?.writeText(value)
          .then(() => setCopied(true))
          .catch(() => setCopied(false));
      }}
    >
      {copied ? "Copied" : "Copy"}
    </button>
  );
}

function SecretRow({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="bg-secret-row">
      <dt>{label}</dt>
      <dd>
        <code data-testid={testId}>{value}</code> <CopyButton value={value} label={label} />
      </dd>
    </div>
  );
}

/**
 * The one reveal. The secret arrives in the server action's response only (never in the page's
 * HTML), lives in this component's state, and is dropped after REVEAL_VISIBLE_SECONDS or on "Hide".
 * A second reveal is refused by the server, and its message is shown.
 */
export function RevealPanel({ checkoutId }: { checkoutId: string }) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [failure, setFailure] = useState<BreakglassState>(IDLE);
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [secondsLeft, setSecondsLeft] = useState(0);
  const [wasHidden, setWasHidden] = useState(false);

  useEffect(() => {
    if (!revealed) return;
    const timer = setInterval(() => setSecondsLeft((left) => left - 1), 1000);
    return () => clearInterval(timer);
  }, [revealed]);
  useEffect(() => {
    if (revealed && secondsLeft <= 0) {
      setRevealed(null);
      setWasHidden(true);
    }
  }, [revealed, secondsLeft]);

  function reveal() {
    const form = new FormData();
    form.set("checkoutId", checkoutId);
    startTransition(async () => {
      const result = await revealAction(IDLE, form);
      if (result.ok && result.revealed) {
        setFailure(IDLE);
        setRevealed(result.revealed);
        setSecondsLeft(REVEAL_VISIBLE_SECONDS);
        router.refresh();
      } else {
        setFailure(result);
      }
    });
  }

  return (
    <div data-testid="reveal-panel">
      {revealed ? (
        <div className="badge warn bg-secret" role="region" aria-label="Revealed secret">
          <strong>
            Shown once for {revealed.iamUserName} in account {revealed.accountId}. Hides in{" "}
            <span data-testid="reveal-hides-in">{secondsLeft}</span> s.
          </strong>
          <dl>
            {revealed.secrets.password !== undefined ? (
              <SecretRow label="Console password" value={revealed.secrets.password} testId="revealed-password" />
            ) : null}
            {revealed.secrets.accessKeyId !== undefined ? (
              <SecretRow label="Access key id" value={revealed.secrets.accessKeyId} testId="revealed-access-key-id" />
            ) : null}
            {revealed.secrets.secretAccessKey !== undefined ? (
              <SecretRow label="Secret access key" value={revealed.secrets.secretAccessKey} testId="revealed-secret-access-key" />
            ) : null}
          </dl>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setRevealed(null);
              setWasHidden(true);
            }}
          >
            Hide now
          </button>
        </div>
      ) : (
        <>
          {wasHidden ? <p data-testid="reveal-hidden">The secret is hidden and cannot be shown again.</p> : null}
          <button type="button" onClick={reveal} disabled={isPending}>
            Reveal secret (once)
          </button>{" "}
          <ActionError state={failure} />
        </>
      )}
    </div>
  );
}
