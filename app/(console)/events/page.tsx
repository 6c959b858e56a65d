import Link from "next/link";
import {
  findEventLinks,
  findTrailEvents,
  getAssumeRoleTimeSeries,
  getVigilIdentity,
  groupSignInSessions,
  INGESTED_EVENT_NAMES,
  type LinkedTrailEvent,
} from "@/lib/cloudtrail";
import type { Db } from "@/lib/db";
import { findAccountOptions, findIdcPeople, getSnapshotView } from "@/lib/inventory";
import { DataTable } from "../_components/data-table";
import { FilterForm, SelectFilter, TextFilter } from "../_components/filter-form";
import { formatDateTime, plural } from "../_components/format";
import { PageHeader, Section } from "../_components/page-header";
import { PageState } from "../_components/page-state";
import { hrefWith, type RawSearchParams } from "../_components/url";
import { parsePage } from "../_data/open-inventory-page";
import { AssumeRoleChart } from "./assume-role-chart";
import { eventListParams, toTimeSeriesInput, toTrailEventsInput } from "./event-params";
import type { EventContext } from "./event-columns";
import "./events.css";
import { itemColumns, itemKey } from "./session-row";

const PATH = "/events";
const RESULTS = [
  { value: "yes", label: "Succeeded" },
  { value: "no", label: "Failed" },
];

/** The people the listed events name, from the snapshot: Federate by Identity Store id, the rest by user name. */
async function loadPeople(
  db: Db,
  snapshotId: number | null,
  events: LinkedTrailEvent[],
): Promise<Pick<EventContext, "peopleById" | "peopleByName">> {
  const people =
    snapshotId === null
      ? []
      : await findIdcPeople(db, snapshotId, {
          userIds: events.flatMap((event) => event.links.identityCenterUserId ?? []),
          userNames: events.flatMap((event) => event.identityCenterUser ?? []),
        });
  return {
    peopleById: new Map(people.map((person) => [person.userId, person])),
    peopleByName: new Map(people.map((person) => [person.userName.toLowerCase(), person])),
  };
}

export default async function EventsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const page = await parsePage(eventListParams, searchParams);
  if (page.state === "invalid") return <PageState title="Events" path={PATH} problem={page} />;
  const { db, params, query } = page;
  const vigil = getVigilIdentity();
  const isVigilShown = params.vigil === "shown";
  const input = toTrailEventsInput(params, vigil);
  const [events, withVigil, newest, view] = await Promise.all([
    findTrailEvents(db, input),
    // The same filters with Vigil's calls, counted only: how many the toggle hides.
    findTrailEvents(db, { ...input, filters: { ...input.filters, excludeVigil: undefined }, page: { page: 1, pageSize: 1 } }),
    findTrailEvents(db, { page: { page: 1, pageSize: 1 } }),
    getSnapshotView(db),
  ]);
  const newestEvent = newest.items[0]?.eventTime ?? null;
  const range = toTimeSeriesInput(params, newestEvent);
  const snapshotId = view.state === "ready" ? view.snapshot.id : null;
  const linked = await findEventLinks(db, events.items);
  const [series, accounts, people] = await Promise.all([
    // The chart counts what the table lists: without Vigil's own calls unless they are shown.
    getAssumeRoleTimeSeries(db, { ...range, excludeVigil: input.filters?.excludeVigil }),
    snapshotId === null ? Promise.resolve([]) : findAccountOptions(db, snapshotId),
    loadPeople(db, snapshotId, linked),
  ]);
  const context: EventContext = { accountNames: new Map(accounts.map((a) => [a.id, a.name])), ...people };
  const items = groupSignInSessions(linked, (userId) => people.peopleById.get(userId)?.userName ?? null);
  const hidden = withVigil.total - events.total;
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
        <label>
          <input type="checkbox" name="vigil" value="shown" defaultChecked={isVigilShown} /> Include Vigil&apos;s own calls
        </label>
      </FilterForm>
      <Section title={`AssumeRole activity per ${range.bucket}, ${formatDateTime(range.from)} – ${formatDateTime(range.to)}`}>
        <AssumeRoleChart points={series} bucket={range.bucket} />
      </Section>
      <p className="ev-toggle inv-muted" role="note" aria-label="Vigil's own calls">
        {isVigilShown ? (
          <>
            Showing Vigil&apos;s own calls (its <code>{vigil.auditRoleName}</code> sessions named <code>{vigil.sessionName}</code>).{" "}
            <Link href={hrefWith(PATH, query, { vigil: undefined, page: undefined })}>Hide them</Link>
          </>
        ) : (
          <>
            {plural(hidden, "call")} by Vigil itself (its <code>{vigil.auditRoleName}</code> sessions named <code>{vigil.sessionName}</code>
            ) hidden.{" "}
            {hidden > 0 ? <Link href={hrefWith(PATH, query, { vigil: "shown", page: undefined })}>Show Vigil&apos;s own calls</Link> : null}
          </>
        )}{" "}
        One sign-in&apos;s events on this page (portal sign-in, SAML role session, the roles it assumed) are grouped into a session row.
      </p>
      {/* The filter form sits above the chart, which it filters too, so it is not the table's own. */}
      <DataTable
        columns={itemColumns(context)}
        page={{
          rows: items,
          total: events.total,
          page: events.page,
          pageSize: events.pageSize,
          sort: { by: params.sort, dir: params.dir },
        }}
        rowKey={itemKey}
        path={PATH}
        query={query}
      />
    </>
  );
}
