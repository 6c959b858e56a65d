import Link from "next/link";
import type { ReactNode } from "react";
import { hasPermission, hasRole } from "@/lib/auth";
import { MAX_QUERY_LENGTH } from "@/lib/search";
import { requireSession } from "@/app/_auth/require-session";
import { ConsoleNav, type NavItem } from "./console-nav";
import { SearchBox } from "./search/search-box";
import { SignOutButton } from "./sign-out-button";
import styles from "./console.module.css";

const NAV: NavItem[] = [
  { href: "/", label: "Dashboard" },
  { href: "/findings", label: "Findings" },
  { href: "/access", label: "Access" },
  { href: "/drift", label: "Drift" },
  { href: "/changes", label: "Changes" },
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
  const items: NavItem[] = [
    ...NAV,
    ...(hasPermission(user, "checkout:read") ? [{ href: "/breakglass", label: "Break-glass" }] : []),
    ...(hasPermission(user, "audit:read") ? [{ href: "/audit", label: "Audit" }] : []),
    ...(hasRole(user, "admin") ? [{ href: "/admin/users", label: "Admin" }] : []),
  ];
  return (
    <div className={styles.shell}>
      <a href="#main" className={styles.skipLink}>
        Skip to content
      </a>
      <header className={styles.topbar}>
        <Link href="/" className={styles.brand}>
          Vigil
        </Link>
        <ConsoleNav items={items} search={<SearchBox className={styles.search} maxLength={MAX_QUERY_LENGTH} />} />
        <div className={styles.account}>
          <span data-testid="signed-in-user">{user.displayName}</span>
          <span className="badge" data-testid="signed-in-role">
            {user.role}
          </span>
          <SignOutButton />
        </div>
      </header>
      <main id="main" className={styles.content}>
        {children}
      </main>
    </div>
  );
}
