import Link from "next/link";
import "./dashboard.css";

/** Straight to the lists a review starts from, some pre-filtered to the usual suspects. */
const LINKS = [
  { href: "/iam/users", label: "IAM users" },
  { href: "/iam/users?console=yes&mfa=no", label: "IAM users with a console password and no MFA" },
  { href: "/iam/users?activeKeys=yes", label: "IAM users with active access keys" },
  { href: "/iam/roles", label: "IAM roles" },
  { href: "/iam/roles?type=custom", label: "Custom IAM roles (not SSO, not service-linked)" },
] as const;

export function QuickLinksCard() {
  return (
    <section className="dash-card" aria-labelledby="dash-links">
      <header>
        <h2 id="dash-links">Quick links</h2>
      </header>
      <ul className="dash-links">
        {LINKS.map((link) => (
          <li key={link.href}>
            <Link href={link.href}>{link.label}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
