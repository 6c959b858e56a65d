import { hasPermission, rolesWithPermission } from "@/lib/auth";
import { countOpenFindingsBySeverity, getOpenFindingsTrend, listFindings, RULE_IDS, SEVERITIES, STATUS_FILTERS } from "@/lib/findings";
import { DataTable } from "../_components/data-table";
import { SelectFilter, TextFilter } from "../_components/filter-form";
import { formatDateTime } from "../_components/format";
import { PageHeader, Section } from "../_components/page-header";
import { PageState } from "../_components/page-state";
import { SeverityCounts } from "../_components/severity-counts";
import { hrefWith, type RawSearchParams } from "../_components/url";
import { parsePage } from "../_data/open-inventory-page";
import { requireInventoryReader } from "../_data/require-inventory-reader";
import { BULK_FORM_ID, findingColumns } from "./finding-columns";
import { findingListParams, toListFindingsInput } from "./finding-params";
import { FindingsTrendChart } from "./findings-trend-chart";
import { accountNameMap, loadAccountOptions } from "./load-account-names";
import { tomorrowUtc } from "./suppress-dates";
import { SuppressFindingsForm } from "./suppress-forms";
import { ExportButtons } from "../_components/export-buttons";

export const dynamic = "force-dynamic";

const PATH = "/findings";
/** What the CSV export keeps of the view: the filters and the order, not the page. */
const EXPORT_PARAMS = ["status", "severity", "rule", "accountId", "search", "sort", "dir"] as const;

export default async function FindingsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireInventoryReader();
  const page = await parsePage(findingListParams, searchParams);
  if (page.state === "invalid") return <PageState title="Findings" path={PATH} problem={page} />;
  const { db, params, query } = page;
  const now = new Date();
  const [findings, counts, trend, accounts] = await Promise.all([
    listFindings(db, toListFindingsInput(params), now),
    countOpenFindingsBySeverity(db, now),
    getOpenFindingsTrend(db, 90),
    loadAccountOptions(db),
  ]);
  const canSuppress = hasPermission(user, "findings:suppress");
  const exportQuery = Object.fromEntries(EXPORT_PARAMS.flatMap((name) => (query[name] ? [[name, query[name]]] : [])));
  const lastEvaluation = trend.at(-1);
  return (
    <>
      <PageHeader title="Findings">
        <span className="inv-muted">
          {lastEvaluation
            ? `Last evaluated: snapshot #${lastEvaluation.snapshotId} (data as of ${formatDateTime(lastEvaluation.asOf)})`
            : "No snapshot has been evaluated yet."}
        </span>
      </PageHeader>
      <SeverityCounts counts={counts} />
      <Section title="Open findings over snapshots">
        {trend.length > 0 ? (
          <FindingsTrendChart
            points={trend.map((point) => ({ label: `#${point.snapshotId} ${point.asOf.toISOString().slice(0, 10)}`, ...point.open }))}
          />
        ) : (
          <p className="inv-muted">Findings are evaluated at the end of every snapshot and import; the trend starts with the first.</p>
        )}
      </Section>
      {canSuppress ? (
        <Section title="Suppress the selected findings">
          <SuppressFindingsForm formId={BULK_FORM_ID} minDate={tomorrowUtc(now)} label="Suppress selected" />
        </Section>
      ) : (
        <p className="inv-muted">Suppressing findings needs the role {rolesWithPermission("findings:suppress").join(", ")}.</p>
      )}
      <DataTable
        columns={findingColumns({ selectable: canSuppress, accountNames: accountNameMap(accounts) })}
        page={findings}
        rowKey={(row) => String(row.id)}
        path={PATH}
        query={query}
        exportHref={hrefWith(`${PATH}/export`, exportQuery)}
        empty={params.status === "open" ? "No open findings match these filters." : "Nothing matches these filters."}
        filters={
          <>
            <label>
              Status
              <select name="status" defaultValue={params.status}>
                {STATUS_FILTERS.map((status) => (
                  <option key={status} value={status}>
                    {status === "open" ? "open (incl. reopened)" : status}
                  </option>
                ))}
              </select>
            </label>
            <SelectFilter
              name="severity"
              label="Severity"
              value={params.severity}
              options={SEVERITIES.map((s) => ({ value: s, label: s }))}
            />
            <SelectFilter name="rule" label="Rule" value={params.rule} options={RULE_IDS.map((r) => ({ value: r, label: r }))} />
            <SelectFilter
              name="accountId"
              label="Account"
              value={params.accountId}
              options={accounts.map((a) => ({ value: a.id, label: `${a.name} (${a.id})` }))}
            />
            <TextFilter name="search" label="Search" value={params.search} placeholder="title or resource ARN" />
          </>
        }
      />
      <ExportButtons href={`${PATH}/export`} query={exportQuery} formats={["xlsx"]} />
    </>
  );
}
