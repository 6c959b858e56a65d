import Link from "next/link";
import type { TrailEventRow } from "@/lib/cloudtrail";
import { Badge, FlagBadge } from "../_components/badges";
import { formatDateTime } from "../_components/format";
import { Mono, NoRows, TableWrap } from "../_components/page-header";
import type { HeaderFn } from "../_components/sortable-header";

function Actor({ event }: { event: TrailEventRow }) {
  return (
    <>
      {event.identityCenterUser ? <strong>{event.identityCenterUser}</strong> : null}
      {event.identityCenterUser ? <br /> : null}
      <Mono>{event.actorUserName ?? event.actorArn ?? "—"}</Mono>
      {event.actorType ? <small className="inv-muted"> ({event.actorType})</small> : null}
    </>
  );
}

function SourcePrincipal({ event }: { event: TrailEventRow }) {
  if (!event.sourcePrincipalArn) return <span className="inv-muted">—</span>;
  return (
    <>
      <Mono>{event.sourcePrincipalArn}</Mono>
      {event.permissionSetName ? (
        <>
          <br />
          <Badge tone="warn">SSO</Badge> {event.permissionSetName}
        </>
      ) : null}
      {event.sourceSessionName ? <small className="inv-muted"> session {event.sourceSessionName}</small> : null}
    </>
  );
}

/** CloudTrail sign-ins and role assumptions: who, from where, into which role, with or without MFA. */
export function EventsTable({ rows, header }: { rows: TrailEventRow[]; header: HeaderFn }) {
  return (
    <TableWrap>
      <table>
        <thead>
          <tr>
            {header("Time", "eventTime")}
            {header("Event", "eventName")}
            {header("Account", "accountId")}
            {header("Actor", "actorArn")}
            {header("Source principal")}
            {header("Target role", "targetRoleArn")}
            {header("MFA")}
            {header("Source IP")}
            {header("Result")}
          </tr>
        </thead>
        <tbody>
          {rows.map((event) => (
            <tr key={`${event.eventId}|${event.accountId}`}>
              <td className="inv-nowrap">{formatDateTime(event.eventTime)}</td>
              <td>
                {event.eventName}
                <br />
                <small className="inv-muted">{event.awsRegion ?? ""}</small>
              </td>
              <td>
                {event.accountId ? (
                  <Link href={`/accounts/${event.accountId}`} className="inv-nowrap">
                    {event.accountId}
                  </Link>
                ) : (
                  "—"
                )}
              </td>
              <td>
                <Actor event={event} />
              </td>
              <td>
                <SourcePrincipal event={event} />
              </td>
              <td>
                {event.targetRoleArn ? (
                  <Link href={`/iam/roles/detail?arn=${encodeURIComponent(event.targetRoleArn)}`}>
                    <Mono>{event.targetRoleArn}</Mono>
                  </Link>
                ) : (
                  "—"
                )}
              </td>
              <td>
                <FlagBadge value={event.mfaUsed} good={true} />
              </td>
              <td>
                <Mono>{event.sourceIp ?? "—"}</Mono>
              </td>
              <td>
                {event.success ? (
                  <Badge tone="ok">success</Badge>
                ) : (
                  <Badge tone="danger" title={event.errorMessage ?? undefined}>
                    {event.errorCode ?? "failed"}
                  </Badge>
                )}
              </td>
            </tr>
          ))}
          {rows.length === 0 ? <NoRows colSpan={9} /> : null}
        </tbody>
      </table>
    </TableWrap>
  );
}
