import Link from "next/link";
import { classifyAwsPrincipal, describePrincipal, type TrustDirectory, type TrustedPrincipal } from "@/lib/policy";
import { Badge } from "./badges";
import { trustedPrincipalHref } from "./inventory-links";
import { Mono } from "./page-header";
import type { Query } from "./url";

/** The link kept on the snapshot being viewed. */
function onSnapshot(href: string, query: Query): string {
  if (!query.snapshot) return href;
  return `${href}${href.includes("?") ? "&" : "?"}snapshot=${encodeURIComponent(query.snapshot)}`;
}

function inAccount(principal: { accountId: string; accountName: string | null }) {
  return (
    <span className="inv-muted">
      {" "}
      in {principal.accountName ?? "account"} <Mono>{principal.accountId}</Mono>
    </span>
  );
}

/** What the principal is called, in words. */
function Label({ principal }: { principal: TrustedPrincipal }) {
  switch (principal.kind) {
    case "anyone":
      return (
        <>
          anyone <Mono>*</Mono>
        </>
      );
    case "account":
      return (
        <>
          account {principal.accountName ?? ""} <Mono>{principal.accountId}</Mono> (any principal it allows)
        </>
      );
    case "role":
      return (
        <>
          role {principal.name}
          {inAccount(principal)}
        </>
      );
    case "permission-set":
      return (
        <>
          permission set {principal.permissionSetName}
          {inAccount(principal)}
        </>
      );
    case "user":
      return (
        <>
          IAM user {principal.name}
          {inAccount(principal)}
        </>
      );
    case "session":
      return (
        <>
          {principal.permissionSetName ? `permission set ${principal.permissionSetName} session` : "session"} <Mono>{principal.name}</Mono>
          {inAccount(principal)}
        </>
      );
    case "service":
      return (
        <>
          service <Mono>{principal.service}</Mono>
        </>
      );
    case "federated":
      return principal.isIdentityCenter ? (
        <>Identity Center (its SAML provider{principal.account ? inAccount(principal.account) : null})</>
      ) : (
        <>
          {principal.protocol === "saml" ? "SAML" : "OIDC"} provider <Mono>{principal.name}</Mono>
          {principal.account ? inAccount(principal.account) : null}
        </>
      );
    case "web-identity":
      return (
        <>
          web identity provider <Mono>{principal.provider}</Mono>
        </>
      );
    case "deleted":
      return (
        <>
          deleted principal <Mono>{principal.id}</Mono>
        </>
      );
    case "canonical-user":
      return (
        <>
          canonical user <Mono>{principal.id}</Mono>
        </>
      );
    case "unrecognized":
      return (
        <>
          unrecognized {principal.type} principal <Mono>{principal.value}</Mono>
        </>
      );
  }
}

function isOutside(principal: TrustedPrincipal): boolean {
  if (principal.kind === "federated") return principal.account !== null && !principal.account.inOrganization;
  return "inOrganization" in principal && !principal.inOrganization;
}

/**
 * A principal named as a reader would name it, linked to its page when Vigil has one (on the same
 * snapshot), marked when it lives outside the organization, is everyone, or no longer exists.
 */
export function PrincipalName({ principal, query = {} }: { principal: TrustedPrincipal; query?: Query }) {
  const href = trustedPrincipalHref(principal);
  const label = <Label principal={principal} />;
  return (
    <span className="principal-name">
      {href ? <Link href={onSnapshot(href, query)}>{label}</Link> : label}
      {isOutside(principal) ? (
        <>
          {" "}
          <Badge tone="danger" title="this account is not in the organization Vigil inventories">
            outside the organization
          </Badge>
        </>
      ) : null}
      {principal.kind === "anyone" ? (
        <>
          {" "}
          <Badge tone="danger">any AWS principal</Badge>
        </>
      ) : null}
      {principal.kind === "deleted" ? (
        <>
          {" "}
          <Badge tone="warn" title="IAM shows a unique id when the principal it named was deleted">
            deleted
          </Badge>
        </>
      ) : null}
    </span>
  );
}

/** An ARN or account id as found in an event or a finding, resolved against the organization. */
export function PrincipalArn({ reference, directory, query }: { reference: string; directory: TrustDirectory; query?: Query }) {
  const principal = describePrincipal({ type: "AWS", value: reference, aws: classifyAwsPrincipal(reference) }, directory);
  if (principal.kind === "unrecognized") return <Mono>{reference}</Mono>;
  return <PrincipalName principal={principal} query={query} />;
}
