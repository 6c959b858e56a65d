import { findAuditActions, findAuditTargetTypes, getAuditHead, listAuditEntries } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { zodIssueLines } from "@/lib/errors";
import { requirePermission } from "@/app/_auth/require-session";
import { DataTable } from "../_components/data-table";
import { SelectFilter, TextFilter } from "../_components/filter-form";
import { PageHeader } from "../_components/page-header";
import { PageState } from "../_components/page-state";
import { flattenSearchParams, hrefWith, type RawSearchParams } from "../_components/url";
import { auditColumns } from "./audit-columns";
import { auditListParams, EXPORT_PARAMS, toListAuditInput } from "./audit-params";

export const dynamic = "force-dynamic";

const PATH = "/audit";

export default async function AuditPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePermission("audit:read");
  const query = flattenSearchParams(await searchParams);
  const parsed = auditListParams.safeParse(query);
  if (!parsed.success)
    return <PageState title="Audit log" path={PATH} problem={{ state: "invalid", messages: zodIssueLines(parsed.error) }} />;
  const params = parsed.data;
  const db = await getDb();
  const [entries, actions, targetTypes, head] = await Promise.all([
    listAuditEntries(db, toListAuditInput(params)),
    findAuditActions(db),
    findAuditTargetTypes(db),
    getAuditHead(db),
  ]);
  const exportQuery = Object.fromEntries(EXPORT_PARAMS.flatMap((name) => (query[name] ? [[name, query[name]]] : [])));
  const families = [...new Set(actions.map((action) => `${action.split(".")[0]}.*`))];
  return (
    <>
      <PageHeader title="Audit log">
        <span className="inv-muted">
          {head ? `Head: entry #${head.sequence} (${head.hash.slice(0, 16)}…). ` : "No entries yet. "}
          Hash-chained and append-only; check it with <code>vigil audit verify</code>.
        </span>
      </PageHeader>
      <p>
        Export the filtered entries: <a href={hrefWith(`${PATH}/export`, { ...exportQuery, format: "csv" })}>CSV</a> ·{" "}
        <a href={hrefWith(`${PATH}/export`, { ...exportQuery, format: "json" })}>JSON</a>{" "}
        <span className="inv-muted">(each export is itself audited)</span>
      </p>
      <DataTable
        columns={auditColumns}
        page={entries}
        rowKey={(row) => row.sequence.toString()}
        path={PATH}
        query={query}
        empty="No audit entries match these filters."
        filters={
          <>
            <TextFilter name="actor" label="Actor" value={params.actor} placeholder="name or user id" />
            <SelectFilter
              name="action"
              label="Action"
              value={params.action}
              options={[...families, ...actions].sort().map((action) => ({ value: action, label: action }))}
            />
            <SelectFilter
              name="targetType"
              label="Target type"
              value={params.targetType}
              options={targetTypes.map((t) => ({ value: t, label: t }))}
            />
            <TextFilter name="target" label="Target" value={params.target} placeholder="id or name" />
            <label>
              From
              <input type="date" name="from" defaultValue={params.from ?? ""} />
            </label>
            <label>
              To
              <input type="date" name="to" defaultValue={params.to ?? ""} />
            </label>
          </>
        }
      />
    </>
  );
}
