"use client";

import { useState } from "react";

export function SignOutButton() {
  const [isBusy, setBusy] = useState(false);
  async function signOut() {
    setBusy(true);
    // better-auth deletes the session row (revocation, not just a cookie drop).
    await fetch("/api/auth/sign-out", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
      credentials: "same-origin",
    }).catch(() => null);
    window.location.assign("/login");
  }
  return (
    <button type="button" className="secondary" onClick={signOut} disabled={isBusy}>
      Sign out
    </button>
  );
}
