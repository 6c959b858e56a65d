import Link from "next/link";
import type { TrailEventRow } from "@/lib/cloudtrail";
import { Badge, FlagBadge } from "../_components/badges";
import type { Column } from "../_components/data-table";
import { formatDateTime } from "../_components/format";
import { Mono } from "../_components/page-header";

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

export const eventRowKey = (event: TrailEventRow) => `${event.eventId}|${event.accountId}`;

/** CloudTrail sign-ins and role assumptions: who, from where, into which role, with or without MFA. */
export const EVENT_COLUMNS: Array<Column<TrailEventRow>> = [
  { key: "eventTime", header: "Time", sortable: true, cellClassName: "inv-nowrap", render: (event) => formatDateTime(event.eventTime) },
  {
    key: "eventName",
    header: "Event",
    sortable: true,
    render: (event) => (
      <>
        {event.eventName}
        <br />
        <small className="inv-muted">{event.awsRegion ?? ""}</small>
      </>
    ),
  },
  {
    key: "accountId",
    header: "Account",
    sortable: true,
    render: (event) =>
      event.accountId ? (
        <Link href={`/accounts/${event.accountId}`} className="inv-nowrap">
          {event.accountId}
        </Link>
      ) : (
        "—"
      ),
  },
  { key: "actorArn", header: "Actor", sortable: true, render: (event) => <Actor event={event} /> },
  { key: "sourcePrincipal", header: "Source principal", render: (event) => <SourcePrincipal event={event} /> },
  {
    key: "targetRoleArn",
    header: "Target role",
    sortable: true,
    render: (event) =>
      event.targetRoleArn ? (
        <Link href={`/iam/roles/detail?arn=${encodeURIComponent(event.targetRoleArn)}`}>
          <Mono>{event.targetRoleArn}</Mono>
        </Link>
      ) : (
        "—"
      ),
  },
  { key: "mfa", header: "MFA", render: (event) => <FlagBadge value={event.mfaUsed} good={true} /> },
  { key: "sourceIp", header: "Source IP", render: (event) => <Mono>{event.sourceIp ?? "—"}</Mono> },
  {
    key: "result",
    header: "Result",
    render: (event) =>
      event.success ? (
        <Badge tone="ok">success</Badge>
      ) : (
        <Badge tone="danger" title={event.errorMessage ?? undefined}>
          {event.errorCode ?? "failed"}
        </Badge>
      ),
  },
];
