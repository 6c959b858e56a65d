import Link from "next/link";
import { plural } from "../../../_components/format";
import { accountHref } from "../../../_components/inventory-links";
import { Mono } from "../../../_components/page-header";
import { linkAsOf, type Query } from "../../../_components/url";

export interface ReachedAccount {
  accountId: string;
  accountName: string | null;
  /** the permission sets the paths into the account start with (none for paths through IAM principals only) */
  permissionSets: string[];
  /** paths into the account */
  roleCount: number;
}

/** The accounts a person reaches, by name, with the permission sets that get them there. */
export function ReachedAccounts({ accounts, query }: { accounts: readonly ReachedAccount[]; query: Query }) {
  if (accounts.length === 0) return <p className="inv-muted">Reaches no account.</p>;
  return (
    <>
      <p>
        Reaches <strong>{plural(accounts.length, "account")}</strong>:
      </p>
      <ul aria-label="accounts reached">
        {accounts.map((account) => (
          <li key={account.accountId}>
            <Link href={linkAsOf(accountHref(account.accountId), query)}>{account.accountName ?? account.accountId}</Link>{" "}
            <Mono>{account.accountId}</Mono>
            {account.permissionSets.length ? <span className="inv-muted"> as {account.permissionSets.join(", ")}</span> : null}
            <span className="inv-muted"> · {plural(account.roleCount, "path")}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
