import Link from "next/link";
import { Badge } from "../../_components/badges";
import { formatDateTime } from "../../_components/format";
import { eventsHref, inventoryHref } from "../../_components/inventory-links";
import { JsonViewer } from "../../_components/json-viewer";
import { DetailList, Mono, NoRows, TableWrap } from "../../_components/page-header";
import { collectReferences, layoutEvidence, type EvidenceChange, type EvidenceEvent, type EvidencePart } from "./evidence-layout";

function Value({ value }: { value: unknown }) {
  if (value === null || value === undefined || value === "") return <span className="inv-muted">—</span>;
  if (typeof value === "boolean") return <>{value ? "true" : "false"}</>;
  if (typeof value === "string") {
    const href = inventoryHref(value);
    return href ? (
      <Link href={href}>
        <Mono>{value}</Mono>
      </Link>
    ) : (
      <>{value}</>
    );
  }
  if (typeof value === "number") return <>{value}</>;
  return <Mono>{JSON.stringify(value)}</Mono>;
}

function EventTable({ events }: { events: EvidenceEvent[] }) {
  return (
    <TableWrap>
      <table>
        <thead>
          <tr>
            <th>Time</th>
            <th>Event</th>
            <th>Actor</th>
            <th>Source IP</th>
            <th>Account</th>
            <th>Result</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event, index) => (
            <tr key={event.eventId ?? index}>
              <td className="inv-nowrap">
                <Link
                  href={eventsHref({ actor: event.actorArn, accountId: event.accountId, eventName: event.eventName, at: event.eventTime })}
                >
                  {formatDateTime(event.eventTime)}
                </Link>
              </td>
              <td>{event.eventName}</td>
              <td>
                <Value value={event.actorArn} />
              </td>
              <td>
                <Mono>{event.sourceIp ?? "—"}</Mono>
              </td>
              <td>
                <Value value={event.accountId} />
              </td>
              <td>{event.success === false ? <Badge tone="warn">failed</Badge> : event.success ? "succeeded" : "—"}</td>
            </tr>
          ))}
          {events.length === 0 ? <NoRows colSpan={6}>No events.</NoRows> : null}
        </tbody>
      </table>
    </TableWrap>
  );
}

function ChangeTable({ changes }: { changes: EvidenceChange[] }) {
  return (
    <TableWrap>
      <table>
        <thead>
          <tr>
            <th>Where</th>
            <th>Change</th>
            <th>Before</th>
            <th>After</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change, index) => (
            <tr key={`${change.path}-${index}`}>
              <td>
                <Mono>{change.path || "(whole document)"}</Mono>
              </td>
              <td>
                <Badge tone={change.kind === "removed" ? "neutral" : "warn"}>{change.kind}</Badge>
              </td>
              <td>{change.kind === "added" ? "—" : <JsonViewer value={change.before} />}</td>
              <td>{change.kind === "removed" ? "—" : <JsonViewer value={change.after} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function Part({ part }: { part: EvidencePart }) {
  switch (part.kind) {
    case "fields":
      return <DetailList items={part.entries.map(([label, value]) => [label, <Value key={label} value={value} />])} />;
    case "credentialReport":
      return (
        <>
          <h3>{part.label}</h3>
          <DetailList items={part.fields.map(([name, value]) => [name, <Value key={name} value={value} />])} />
        </>
      );
    case "events":
      return (
        <>
          <h3>{part.label}</h3>
          <EventTable events={part.events} />
        </>
      );
    case "changes":
      return (
        <>
          <h3>{part.label}</h3>
          <ChangeTable changes={part.changes} />
        </>
      );
    case "json":
      return (
        <>
          <h3>{part.label}</h3>
          <JsonViewer value={part.value} label={part.label} />
        </>
      );
  }
}

/** A finding's evidence: facts, credential-report fields, events, diffs and documents, and every resource it names, linked. */
export function FindingEvidence({ evidence }: { evidence: Record<string, unknown> }) {
  const parts = layoutEvidence(evidence);
  const references = collectReferences(evidence);
  return (
    <>
      {parts.length === 0 ? <p className="inv-muted">No evidence recorded.</p> : null}
      {parts.map((part, index) => (
        <Part key={index} part={part} />
      ))}
      {references.length > 0 ? (
        <>
          <h3>Resources mentioned</h3>
          <ul aria-label="Resources mentioned">
            {references.map((reference) => (
              <li key={reference.text}>
                <Link href={reference.href}>
                  <Mono>{reference.text}</Mono>
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
