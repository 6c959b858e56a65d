import type { AuditRow } from "@/lib/audit";
import type { Column } from "../_components/data-table";
import { formatDateTime } from "../_components/format";
import { Mono } from "../_components/page-header";

const ACTOR_KIND: Record<AuditRow["actorType"], string> = {
  USER: "",
  ANONYMOUS: "not signed in",
  SYSTEM: "",
  CLI: "",
};

function detailText(row: AuditRow): string {
  const text = JSON.stringify(row.detail);
  return text === "{}" ? "" : text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

export const auditColumns: Array<Column<AuditRow>> = [
  { key: "sequence", header: "#", sortable: true, render: (row) => <Mono>{row.sequence.toString()}</Mono> },
  { key: "occurredAt", header: "When (UTC)", render: (row) => formatDateTime(row.occurredAt) },
  {
    key: "actor",
    header: "Actor",
    render: (row) => (
      <>
        {row.actorName}
        {row.actorAuthMethod ? <span className="inv-muted"> ({row.actorAuthMethod.toLowerCase()})</span> : null}
        {ACTOR_KIND[row.actorType] ? <span className="inv-muted"> — {ACTOR_KIND[row.actorType]}</span> : null}
      </>
    ),
  },
  { key: "action", header: "Action", render: (row) => <Mono>{row.action}</Mono> },
  {
    key: "target",
    header: "Target",
    render: (row) =>
      row.targetType ? (
        <>
          <span className="inv-muted">{row.targetType}</span> {row.targetLabel ?? row.targetId}
        </>
      ) : null,
  },
  { key: "detail", header: "Detail", render: (row) => <Mono>{detailText(row)}</Mono> },
  { key: "client", header: "From", render: (row) => (row.clientAddress ? <Mono>{row.clientAddress}</Mono> : null) },
  { key: "hash", header: "Hash", render: (row) => <Mono>{row.hash.slice(0, 12)}</Mono> },
];
