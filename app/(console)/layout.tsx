import Link from "next/link";
import type { ReactNode } from "react";
import { hasPermission, hasRole } from "@/lib/auth";
import { requireSession } from "@/app/_auth/require-session";
import { SignOutButton } from "./sign-out-button";
import styles from "./console.module.css";

const NAV = [
  { href: "/", label: "Dashboard" },
  { href: "/findings", label: "Findings" },
  { href: "/access", label: "Access" },
  { href: "/drift", label: "Drift" },
  { href: "/reviews", label: "Reviews" },
  { href: "/snapshots", label: "Snapshots" },
  { href: "/accounts", label: "Accounts" },
  { href: "/identity-center/users", label: "IdC users" },
  { href: "/identity-center/groups", label: "IdC groups" },
  { href: "/permission-sets", label: "Permission sets" },
  { href: "/iam/roles", label: "IAM roles" },
  { href: "/iam/users", label: "IAM users" },
  { href: "/events", label: "Events" },
];

export const dynamic = "force-dynamic";

/**
 * The signed-in shell. It checks the session for the nav it draws, but every page and action
 * still checks for itself (requireSession / requireRole): layouts do not re-run on client
 * navigation, so they are not an authorization boundary.
 */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requireSession();
  return (
    <div className={styles.shell}>
      <header className={styles.topbar}>
        <Link href="/" className={styles.brand}>
          Vigil
        </Link>
        <nav className={styles.nav} aria-label="Main">
          {NAV.map((item) => (
            <Link key={item.href} href={item.href}>
              {item.label}
            </Link>
          ))}
          {hasPermission(user, "checkout:read") ? <Link href="/breakglass">Break-glass</Link> : null}
          {hasPermission(user, "audit:read") ? <Link href="/audit">Audit</Link> : null}
          {hasRole(user, "admin") ? <Link href="/admin/users">Admin</Link> : null}
        </nav>
        <div className={styles.account}>
          <span data-testid="signed-in-user">{user.displayName}</span>
          <span className="badge" data-testid="signed-in-role">
            {user.role}
          </span>
          <SignOutButton />
        </div>
      </header>
      <main className={styles.content}>{children}</main>
    </div>
  );
}
