import type { ChangeEvent } from "@/lib/drift";
import { Badge } from "../_components/badges";
import { formatDateTime } from "../_components/format";
import { Mono, TableWrap } from "../_components/page-header";

/** The CloudTrail write events about one entity between the two snapshots. */
export function WhoChanged({ events }: { events: ChangeEvent[] }) {
  if (events.length === 0) return <p className="inv-muted">No CloudTrail write event about it between the two snapshots.</p>;
  return (
    <TableWrap>
      <table>
        <caption>Who changed it</caption>
        <thead>
          <tr>
            <th>When</th>
            <th>Who</th>
            <th>From</th>
            <th>Event</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={`${event.eventId}|${event.accountId}`}>
              <td className="inv-nowrap">{formatDateTime(event.eventTime)}</td>
              <td>
                {event.identityCenterUser ? <strong>{event.identityCenterUser}</strong> : null}{" "}
                <Mono>{event.actorArn ?? event.actorUserName ?? "unknown caller"}</Mono>
              </td>
              <td>
                <Mono>{event.sourceIp ?? "—"}</Mono>
              </td>
              <td>
                {event.eventName}{" "}
                {event.success ? null : (
                  <Badge tone="danger" title="the call was refused">
                    failed {event.errorCode ?? ""}
                  </Badge>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
