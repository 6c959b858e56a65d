import Link from "next/link";
import type { AccessRow } from "@/lib/access";
import { Badge } from "../_components/badges";
import type { Column } from "../_components/data-table";
import { Duration } from "../_components/duration";
import { LocalTime } from "../_components/local-time";
import { accountHref, roleHref } from "../_components/inventory-links";
import { Mono } from "../_components/page-header";
import { graphNodeHref } from "./graph-node-href";

function Via({ row }: { row: AccessRow }) {
  return (
    <ol className="access-via" aria-label="chain">
      {row.via.map((hop, index) => {
        const href = graphNodeHref({ ...hop, accountId: null });
        return <li key={`${hop.id}-${index}`}>{href ? <Link href={href}>{hop.label}</Link> : hop.label}</li>;
      })}
    </ol>
  );
}

/** One row per path: who, where, through which chain, with which session, on which conditions, last used when. */
export const ACCESS_PATH_COLUMNS: Array<Column<AccessRow>> = [
  { key: "principal", header: "Principal", render: (row) => <Mono>{row.principal}</Mono> },
  {
    key: "account",
    header: "Account",
    render: (row) => (
      <Link href={accountHref(row.accountId)}>{row.accountName ? `${row.accountName} (${row.accountId})` : row.accountId}</Link>
    ),
  },
  { key: "via", header: "Via", render: (row) => <Via row={row} /> },
  { key: "permissionSet", header: "Permission set", render: (row) => row.permissionSet ?? "—" },
  {
    key: "role",
    header: "Role",
    render: (row) =>
      row.roleArn ? (
        <Link href={roleHref(row.roleArn)}>
          <Mono>{row.roleArn.split("/").at(-1)}</Mono>
        </Link>
      ) : (
        "—"
      ),
  },
  {
    key: "session",
    header: "Effective session",
    render: (row) => (
      <>
        <Duration
          seconds={row.effectiveSessionSeconds}
          cappedBy={row.cappedByChaining ? "AWS caps a role-chained session at one hour whatever the role's maximum" : null}
        />
        {row.cappedByChaining ? (
          <>
            {" "}
            <Badge tone="warn" title="AWS caps a role-chained session at one hour whatever the role's maximum">
              capped by role chaining
            </Badge>
          </>
        ) : null}
      </>
    ),
  },
  {
    key: "conditional",
    header: "Conditional",
    render: (row) =>
      row.conditional ? (
        <>
          <Badge tone="warn">conditional</Badge>
          <ul className="access-conditions">
            {row.conditions.map((c, index) => (
              <li key={index}>
                <Mono>
                  {c.operator} {c.key} {c.values.join(", ")}
                </Mono>{" "}
                <span className="inv-muted">({c.policy})</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        "no"
      ),
  },
  { key: "lastUsedAt", header: "Last used", render: (row) => <LocalTime iso={row.lastUsedAt} /> },
];
