import Link from "next/link";
import type { LinkedTrailEvent } from "@/lib/cloudtrail";
import type { IdcPerson } from "@/lib/inventory";
import { Badge, FlagBadge } from "../_components/badges";
import type { Column } from "../_components/data-table";
import { accountHref, iamUserHref, idcUserHref, roleHref } from "../_components/inventory-links";
import { LocalTime } from "../_components/local-time";
import { ArnText, NoWrapToken } from "./arn-text";

/** What the rows need besides themselves: names from the snapshot the page reads. */
export interface EventContext {
  accountNames: ReadonlyMap<string, string>;
  /** by Identity Store user id */
  peopleById: ReadonlyMap<string, IdcPerson>;
  /** by lower-cased user name */
  peopleByName: ReadonlyMap<string, IdcPerson>;
}

const ROLE_ARN = /^arn:[\w-]+:iam::\d{12}:role\//;
const USER_ARN = /^arn:[\w-]+:iam::\d{12}:user\//;

/** The Identity Center person an event names: Federate by id, SAML and SSO sessions by user name. */
export function personOf(event: LinkedTrailEvent, context: EventContext): { person: IdcPerson | null; name: string } | null {
  const byId = event.links.identityCenterUserId ? context.peopleById.get(event.links.identityCenterUserId) : undefined;
  if (byId) return { person: byId, name: byId.userName };
  if (event.identityCenterUser) {
    const person = context.peopleByName.get(event.identityCenterUser.toLowerCase()) ?? null;
    return { person, name: event.identityCenterUser };
  }
  if (event.links.identityCenterUserId) return { person: null, name: event.links.identityCenterUserId };
  return null;
}

export function PersonLink({ person, name }: { person: IdcPerson | null; name: string }) {
  if (!person) return <strong title="not in the snapshot's Identity Center users">{name}</strong>;
  const label =
    person.displayName && person.displayName !== person.userName ? `${person.displayName} (${person.userName})` : person.userName;
  return (
    <Link href={idcUserHref(person.userId)}>
      <strong>{label}</strong>
    </Link>
  );
}

export function AccountName({ accountId, context }: { accountId: string; context: EventContext }) {
  const name = context.accountNames.get(accountId);
  return (
    <Link href={accountHref(accountId)} className="ev-nowrap" title={name ? accountId : "not in the snapshot's organization"}>
      {name ? (
        <>
          {name} <small className="ev-token inv-muted">{accountId}</small>
        </>
      ) : (
        <NoWrapToken value={accountId} />
      )}
    </Link>
  );
}

/** A principal's ARN, linked to its page when it is an IAM role or user. */
function PrincipalArn({ arn }: { arn: string }) {
  const href = ROLE_ARN.test(arn) ? roleHref(arn) : USER_ARN.test(arn) ? iamUserHref(arn) : null;
  return href ? (
    <Link href={href}>
      <ArnText value={arn} />
    </Link>
  ) : (
    <ArnText value={arn} />
  );
}

function Actor({ event, context }: { event: LinkedTrailEvent; context: EventContext }) {
  const person = personOf(event, context);
  const arn = event.actorArn ?? event.actorUserName;
  return (
    <>
      {person ? <PersonLink {...person} /> : null}
      {person && arn ? <br /> : null}
      {arn ? <PrincipalArn arn={arn} /> : person ? null : <span className="inv-muted">—</span>}
      {event.actorType ? <small className="inv-muted"> ({event.actorType})</small> : null}
    </>
  );
}

function SourcePrincipal({ event }: { event: LinkedTrailEvent }) {
  if (!event.sourcePrincipalArn) return <span className="inv-muted">—</span>;
  return (
    <>
      <PrincipalArn arn={event.sourcePrincipalArn} />
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

/**
 * MFA means something for a console sign-in of an IAM user or the root user (and for an IAM user's
 * own calls); role sessions and Identity Center never report it, so a "no" there would mislead.
 */
export function isMfaMeaningful(event: LinkedTrailEvent): boolean {
  const isUser = event.actorType === "IAMUser" || event.actorType === "Root";
  return isUser && (event.eventName === "ConsoleLogin" || event.mfaUsed !== null);
}

function Mfa({ event }: { event: LinkedTrailEvent }) {
  if (!isMfaMeaningful(event)) return <span className="inv-muted" title="not reported for this kind of sign-in" />;
  return <FlagBadge value={event.mfaUsed} good={true} />;
}

function Result({ event }: { event: LinkedTrailEvent }) {
  return event.success ? (
    <Badge tone="ok">success</Badge>
  ) : (
    <Badge tone="danger" title={event.errorMessage ?? undefined}>
      {event.errorCode ?? "failed"}
    </Badge>
  );
}

export const eventKey = (event: LinkedTrailEvent) => `${event.eventId}|${event.accountId}`;

/** CloudTrail sign-ins and role assumptions: who, from where, into which role, with or without MFA. */
export function eventColumns(context: EventContext, sortable = true): Array<Column<LinkedTrailEvent>> {
  return [
    {
      key: "eventTime",
      header: "Time",
      sortable,
      render: (event) => (
        <span className="ev-nowrap">
          <LocalTime iso={event.eventTime} />
        </span>
      ),
    },
    {
      key: "eventName",
      header: "Event",
      sortable,
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
      sortable,
      render: (event) => (event.accountId ? <AccountName accountId={event.accountId} context={context} /> : "—"),
    },
    { key: "actorArn", header: "Actor", sortable, render: (event) => <Actor event={event} context={context} /> },
    { key: "sourcePrincipal", header: "Source principal", render: (event) => <SourcePrincipal event={event} /> },
    {
      key: "targetRoleArn",
      header: "Target role",
      sortable,
      render: (event) =>
        event.targetRoleArn ? (
          <PrincipalArn arn={event.targetRoleArn} />
        ) : event.links.federatedAccountId ? (
          <>
            <AccountName accountId={event.links.federatedAccountId} context={context} />
            {event.links.federatedPermissionSet ? (
              <>
                <br />
                <Badge tone="warn">SSO</Badge> {event.links.federatedPermissionSet}
              </>
            ) : null}
          </>
        ) : (
          "—"
        ),
    },
    { key: "mfa", header: "MFA", render: (event) => <Mfa event={event} /> },
    { key: "sourceIp", header: "Source IP", render: (event) => (event.sourceIp ? <NoWrapToken value={event.sourceIp} /> : "—") },
    { key: "result", header: "Result", render: (event) => <Result event={event} /> },
  ];
}
