import Link from "next/link";
import type { EntityChange, KindChanges, SnapshotChanges } from "@/lib/inventory";
import { Badge, type Tone } from "../../_components/badges";
import { Mono, Section, TableWrap } from "../../_components/page-header";

const CHANGE_TONE: Record<EntityChange["change"], Tone> = { added: "ok", removed: "danger", changed: "warn" };

/** Where an entity of a kind can be looked at, as of the snapshot that holds it. */
function entityHref(kind: KindChanges["kind"], change: EntityChange, snapshotId: number): string | null {
  const at = `snapshot=${snapshotId}`;
  const key = encodeURIComponent(change.naturalKey);
  switch (kind) {
    case "ACCOUNT":
      return `/accounts/${change.naturalKey}?${at}`;
    case "IAM_ROLE":
      return `/iam/roles/detail?${at}&arn=${key}`;
    case "PERMISSION_SET":
      return `/permission-sets/detail?${at}&arn=${key}`;
    case "IDC_GROUP":
      return `/identity-center/groups/${key}?${at}`;
    default:
      return null;
  }
}

export type ChangesResult = { state: "ok"; changes: SnapshotChanges } | { state: "unavailable"; message: string };

/** What changed since the previous readable snapshot (or `?against=`), per kind, first few items each. */
export function SnapshotChangesSection({ result, fromId, toId }: { result: ChangesResult; fromId: number; toId: number }) {
  const title = `Changes since #${fromId}`;
  if (result.state === "unavailable") {
    return (
      <Section title={title}>
        <p className="error">{result.message}</p>
      </Section>
    );
  }
  const { changes } = result;
  return (
    <Section title={`${title}: ${changes.totals.added} added, ${changes.totals.removed} removed, ${changes.totals.changed} changed`}>
      {changes.kinds.length === 0 ? <p>No differences.</p> : null}
      {changes.kinds.map((kind) => (
        <details key={kind.kind} open={changes.kinds.length <= 3}>
          <summary>
            {kind.kind}: +{kind.added} −{kind.removed} ~{kind.changed}
          </summary>
          <TableWrap>
            <table>
              <tbody>
                {kind.items.map((item) => {
                  // A removed entity only exists in the older snapshot.
                  const href = entityHref(kind.kind, item, item.change === "removed" ? fromId : toId);
                  return (
                    <tr key={`${item.change}|${item.naturalKey}`}>
                      <td>
                        <Badge tone={CHANGE_TONE[item.change]}>{item.change}</Badge>
                      </td>
                      <td>{href ? <Link href={href}>{item.label}</Link> : item.label}</td>
                      <td>
                        <Mono>{item.naturalKey}</Mono>
                      </td>
                      <td>{item.fields.join(", ")}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
          {kind.added + kind.removed + kind.changed > kind.items.length ? (
            <p className="inv-muted">Showing the first {kind.items.length}.</p>
          ) : null}
        </details>
      ))}
    </Section>
  );
}
