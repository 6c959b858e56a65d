"use client";

import { useState, type FormEvent } from "react";
import styles from "./login.module.css";

type Step = "password" | "totp";
type AuthAnswer = { ok: boolean; status: number; body: Record<string, unknown> };

async function post(path: string, body: unknown): Promise<AuthAnswer> {
  const response = await fetch(`/api/auth${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    credentials: "same-origin",
  });
  const text = await response.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    parsed = {};
  }
  return { ok: response.ok, status: response.status, body: parsed };
}

/** Says nothing about the account: unknown usernames are delayed exactly the same way. */
function throttledMessage(body: Record<string, unknown>): string {
  const seconds = typeof body.retryAfter === "number" && body.retryAfter > 0 ? Math.ceil(body.retryAfter) : null;
  const wait = seconds === null ? "a while" : seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return `Too many failed attempts from this address. Wait ${wait} and try again.`;
}

/** One message per failure the user can act on; anything else is generic. */
function describe(answer: AuthAnswer, step: Step): string {
  const code = answer.body.code;
  if (code === "SIGN_IN_THROTTLED") return throttledMessage(answer.body);
  if (answer.status === 429) return "Too many attempts from this address. Wait a minute and try again.";
  if (code === "INVALID_USERNAME_OR_PASSWORD" || code === "USERNAME_TOO_SHORT" || code === "INVALID_USERNAME") {
    return "Wrong username or password.";
  }
  if (code === "INVALID_CODE") return "Wrong code. Check your authenticator's clock and try again.";
  if (code === "TOTP_CODE_REPLAYED")
    return "This code was already used. Wait for the next code from your authenticator and enter that one.";
  if (code === "TOTP_REQUIRED") return "This account has no authenticator enrolled. Ask an administrator to reset its TOTP.";
  if (code === "SSO_UNAVAILABLE") {
    return "The identity provider cannot be reached. Sign in with a local break-glass account below.";
  }
  if (code === "INVALID_TWO_FACTOR_COOKIE" || code === "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE") {
    return "This sign-in attempt expired. Enter your password again.";
  }
  return step === "totp" ? "The code could not be checked. Try again." : "Sign-in failed. Try again.";
}

export function LoginForm(props: { isSsoEnabled: boolean; ssoProviderName: string; initialError: string | null }) {
  const [step, setStep] = useState<Step>("password");
  const [error, setError] = useState<string | null>(props.initialError);
  const [isBusy, setBusy] = useState(false);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch {
      setError("Vigil could not be reached. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  function onPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void run(async () => {
      const answer = await post("/sign-in/username", { username: form.get("username"), password: form.get("password") });
      if (answer.ok && answer.body.twoFactorRedirect) setStep("totp");
      else setError(describe(answer, "password"));
    });
  }

  function onCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void run(async () => {
      const answer = await post("/two-factor/verify-totp", { code: String(form.get("code") ?? "").replace(/\s+/g, "") });
      if (answer.ok) {
        window.location.assign("/");
        return;
      }
      const code = answer.body.code;
      // A throttled code step keeps its challenge: the same code form works once the wait is over.
      if (code === "INVALID_TWO_FACTOR_COOKIE" || code === "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE") {
        setStep("password");
      }
      setError(describe(answer, "totp"));
    });
  }

  function onSso() {
    void run(async () => {
      const answer = await post("/sign-in/social", { provider: "oidc", callbackURL: "/", errorCallbackURL: "/login" });
      if (answer.ok && typeof answer.body.url === "string") window.location.assign(answer.body.url);
      else setError(describe(answer, "password"));
    });
  }

  return (
    <div>
      {error ? (
        <p role="alert" className={styles.error} data-testid="sign-in-error">
          {error}
        </p>
      ) : null}
      {props.isSsoEnabled ? (
        <>
          <button type="button" className={styles.sso} onClick={onSso} disabled={isBusy}>
            Sign in with {props.ssoProviderName}
          </button>
          <hr className={styles.divider} />
        </>
      ) : null}
      <section className={styles.section} aria-labelledby="local-heading">
        <h2 id="local-heading">
          {props.isSsoEnabled ? "IdP unavailable? Sign in with a local break-glass account" : "Sign in with a local account"}
        </h2>
        {step === "password" ? (
          // Distinct keys: without them React reuses the password <input> as the code field and
          // the typed password would reappear there in clear text.
          <form key="password-step" className={styles.section} onSubmit={onPassword}>
            <div className={styles.field}>
              <label htmlFor="username">Username</label>
              <input id="username" name="username" autoComplete="username" required autoFocus={!props.isSsoEnabled} />
            </div>
            <div className={styles.field}>
              <label htmlFor="password">Password</label>
              <input id="password" name="password" type="password" autoComplete="current-password" required />
            </div>
            <button type="submit" disabled={isBusy}>
              Continue
            </button>
          </form>
        ) : (
          <form key="code-step" className={styles.section} onSubmit={onCode}>
            <p className={styles.hint}>Enter the 6-digit code from your authenticator app.</p>
            <div className={styles.field}>
              <label htmlFor="code">Authentication code</label>
              <input id="code" name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]{6,7}" required autoFocus />
            </div>
            <button type="submit" disabled={isBusy}>
              Verify and sign in
            </button>
            <button type="button" className="secondary" onClick={() => setStep("password")} disabled={isBusy}>
              Back
            </button>
          </form>
        )}
      </section>
    </div>
  );
}
