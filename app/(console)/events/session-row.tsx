import type { SignInSession, TrailEventItem } from "@/lib/cloudtrail";
import { Badge } from "../_components/badges";
import type { Column } from "../_components/data-table";
import { rowCells } from "../_components/data-table-columns";
import { plural } from "../_components/format";
import { LocalTime } from "../_components/local-time";
import { AccountName, eventColumns, eventKey, personOf, PersonLink, type EventContext } from "./event-columns";
import "./events.css";

/**
 * One sign-in's events in one row: who, when and where on a line of its own, then the events behind a
 * <details> (no script). The links stay out of the <summary>: a summary is a button, and a link
 * inside a button is a control nobody can reach reliably (axe nested-interactive).
 */
function SessionRow({ session, context }: { session: SignInSession; context: EventContext }) {
  const person = session.events.map((event) => personOf(event, context)).find((p) => p !== null) ?? null;
  const columns = eventColumns(context, false);
  const names = [...new Set(session.events.map((event) => event.eventName))];
  return (
    <div className="ev-session" role="group" aria-label={`sign-in session of ${person?.name ?? "an unnamed principal"}`}>
      <div className="ev-session-head">
        <Badge tone="neutral">session</Badge>
        <LocalTime iso={session.start} />
        <span>
          {person ? (
            <PersonLink {...person} />
          ) : (
            <strong>{session.events[0]?.sourceSessionName ?? session.events[0]?.actorUserName ?? "unnamed"}</strong>
          )}
        </span>
        <span>
          {session.accountIds.map((accountId, index) => (
            <span key={accountId}>
              {index > 0 ? ", " : null}
              <AccountName accountId={accountId} context={context} />
            </span>
          ))}
        </span>
        {session.failures > 0 ? <Badge tone="danger">{plural(session.failures, "failure")}</Badge> : null}
      </div>
      <details>
        <summary>
          {plural(session.events.length, "event")}: {names.join(", ")}
        </summary>
        <table aria-label="events of this session">
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.key}>{column.header}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {session.events.map((event) => (
              <tr key={eventKey(event)}>
                {rowCells(columns, event).map(({ column }) => (
                  <td key={column.key} className={column.cellClassName}>
                    {column.render(event)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}

export const itemKey = (item: TrailEventItem) => (item.kind === "event" ? eventKey(item.event) : `session|${item.session.key}`);

/** The events table's columns over events and sessions: a session's row spans them all. */
export function itemColumns(context: EventContext): Array<Column<TrailEventItem>> {
  return eventColumns(context).map((column, index) => ({
    key: column.key,
    header: column.header,
    sortable: column.sortable,
    cellClassName: column.cellClassName,
    span: index === 0 ? (item: TrailEventItem) => (item.kind === "session" ? Number.MAX_SAFE_INTEGER : 1) : undefined,
    render: (item: TrailEventItem) =>
      item.kind === "event" ? column.render(item.event) : index === 0 ? <SessionRow session={item.session} context={context} /> : null,
  }));
}
