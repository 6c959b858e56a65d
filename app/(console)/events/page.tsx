import { findTrailEvents, getAssumeRoleTimeSeries, INGESTED_EVENT_NAMES } from "@/lib/cloudtrail";
import { findAccountOptions, getSnapshotView } from "@/lib/inventory";
import { DataTable } from "../_components/data-table";
import { FilterForm, SelectFilter, TextFilter } from "../_components/filter-form";
import { formatDateTime } from "../_components/format";
import { PageHeader, Section } from "../_components/page-header";
import { PageState } from "../_components/page-state";
import type { RawSearchParams } from "../_components/url";
import { parsePage } from "../_data/open-inventory-page";
import { AssumeRoleChart } from "./assume-role-chart";
import { eventListParams, toTimeSeriesInput, toTrailEventsInput } from "./event-params";
import { EVENT_COLUMNS, eventRowKey } from "./event-columns";

const PATH = "/events";
const RESULTS = [
  { value: "yes", label: "Succeeded" },
  { value: "no", label: "Failed" },
];

export default async function EventsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const page = await parsePage(eventListParams, searchParams);
  if (page.state === "invalid") return <PageState title="Events" path={PATH} problem={page} />;
  const { db, params, query } = page;
  const [events, newest, view] = await Promise.all([
    findTrailEvents(db, toTrailEventsInput(params)),
    findTrailEvents(db, { page: { page: 1, pageSize: 1 } }),
    getSnapshotView(db),
  ]);
  const newestEvent = newest.items[0]?.eventTime ?? null;
  const range = toTimeSeriesInput(params, newestEvent);
  const [series, accounts] = await Promise.all([
    getAssumeRoleTimeSeries(db, range),
    view.state === "ready" ? findAccountOptions(db, view.snapshot.id) : Promise.resolve([]),
  ]);
  return (
    <>
      <PageHeader title="Events">
        <span className="inv-muted">{newestEvent ? `Newest stored event: ${formatDateTime(newestEvent)}` : null}</span>
      </PageHeader>
      {newestEvent === null ? (
        <div className="inv-notice">
          <strong>No CloudTrail events stored yet.</strong>
          <p>
            The worker (<code>vigil worker</code>) ingests sign-ins and role assumptions from each account&apos;s CloudTrail on a schedule
            (VIGIL_CLOUDTRAIL_CRON); <code>npm run demo</code> loads simulated activity.
          </p>
        </div>
      ) : null}
      <FilterForm path={PATH} query={query}>
        <SelectFilter
          name="eventName"
          label="Event"
          value={params.eventName}
          options={INGESTED_EVENT_NAMES.map((n) => ({ value: n, label: n }))}
        />
        <SelectFilter
          name="accountId"
          label="Account"
          value={params.accountId}
          options={accounts.map((a) => ({ value: a.id, label: `${a.name} (${a.id})` }))}
        />
        <TextFilter name="actor" label="Actor" value={params.actor} placeholder="ARN, user, session" />
        <TextFilter name="targetRole" label="Target role" value={params.targetRole} placeholder="role name or ARN" />
        <SelectFilter name="success" label="Result" value={params.success} options={RESULTS} />
        <label>
          From
          <input type="date" name="from" defaultValue={params.from ?? ""} />
        </label>
        <label>
          To
          <input type="date" name="to" defaultValue={params.to ?? ""} />
        </label>
      </FilterForm>
      <Section title={`AssumeRole activity per ${range.bucket}, ${formatDateTime(range.from)} – ${formatDateTime(range.to)}`}>
        <AssumeRoleChart points={series} bucket={range.bucket} />
      </Section>
      {/* The filter form sits above the chart, which it filters too, so it is not the table's own. */}
      <DataTable
        columns={EVENT_COLUMNS}
        page={{
          rows: events.items,
          total: events.total,
          page: events.page,
          pageSize: events.pageSize,
          sort: { by: params.sort, dir: params.dir },
        }}
        rowKey={eventRowKey}
        path={PATH}
        query={query}
      />
    </>
  );
}
