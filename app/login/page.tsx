import { redirect } from "next/navigation";
import { getSignInOptions } from "@/lib/auth";
import { getCurrentSession } from "@/app/_auth/require-session";
import { LoginForm } from "./login-form";
import styles from "./login.module.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in · Vigil" };

/** Messages for errors the SSO callback reports; the IdP's own description is never echoed. */
const SSO_ERRORS: Record<string, string> = {
  NO_VIGIL_ROLE: "Your SSO account is in no group that grants access to Vigil. Ask an administrator.",
  LOCAL_ACCOUNT: "This account cannot sign in through SSO.",
  access_denied: "Sign-in was cancelled at the identity provider.",
  account_not_linked: "An account with this email already exists in Vigil and cannot be used through SSO.",
};

function ssoErrorMessage(code: string | undefined): string | null {
  if (!code) return null;
  const safeCode = /^[A-Za-z0-9_.-]{1,60}$/.test(code) ? code : "unknown";
  return SSO_ERRORS[safeCode] ?? `SSO sign-in failed (${safeCode}).`;
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The page never contacts the IdP, so it renders (and local sign-in works) while the IdP is down.
  const [session, options, query] = await Promise.all([getCurrentSession(), getSignInOptions(), searchParams]);
  if (session) redirect("/");
  const error = typeof query.error === "string" ? query.error : undefined;
  return (
    <main className={styles.page}>
      <div className={styles.card}>
        <h1 className={styles.title}>Vigil</h1>
        <p className={styles.subtitle}>AWS access audit and break-glass console</p>
        <LoginForm isSsoEnabled={options.isSsoEnabled} ssoProviderName={options.ssoProviderName} initialError={ssoErrorMessage(error)} />
      </div>
    </main>
  );
}
