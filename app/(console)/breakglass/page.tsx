import Link from "next/link";
import { hasPermission } from "@/lib/auth";
import { findLiveCheckouts, findRecentCheckouts, listRotationProblems, type CheckoutView } from "@/lib/breakglass";
import { getDb } from "@/lib/db";
import { DEFAULT_MAX_CHECKOUT_MINUTES, listCredentials, MAX_CHECKOUT_MINUTES_LIMIT } from "@/lib/vault";
import { requirePermission } from "@/app/_auth/require-session";
import { formatDateTime } from "../_components/format";
import { Mono, NoRows, PageHeader, Section, TableWrap } from "../_components/page-header";
import { approveCheckoutAction, denyCheckoutAction } from "./actions";
import "./breakglass.css";
import { CheckoutActionForm } from "./checkout-action-form";
import { CheckoutStatusBadge } from "./checkout-status-badge";
import { RegisterCredentialForm } from "./register-credential-form";
import { RequestCheckoutForm } from "./request-checkout-form";
import { RotationProblemsNotice } from "./rotation-problems-notice";

export const dynamic = "force-dynamic";

const checkoutHref = (id: string) => `/breakglass/checkouts/${id}`;

export default async function BreakglassPage() {
  const user = await requirePermission("checkout:read");
  const db = await getDb();
  const [credentials, live, recent, rotationProblems] = await Promise.all([
    listCredentials(db),
    findLiveCheckouts(db),
    findRecentCheckouts(db),
    listRotationProblems(db),
  ]);
  const liveByCredential = new Map(live.map((checkout) => [checkout.credentialId, checkout]));
  const credentialLabel = new Map(credentials.map((c) => [c.id, `${c.iamUserName} (${c.accountId})`]));
  const queue = live.filter((checkout) => checkout.status === "requested");
  const canRequest = hasPermission(user, "checkout:request");
  const canApprove = hasPermission(user, "checkout:approve");
  return (
    <>
      <PageHeader title="Break-glass">
        <p className="inv-muted">
          Check out an AWS break-glass IAM user with a local Vigil account: no identity provider is involved at any step. Every step is in
          the <Link href="/audit">audit trail</Link>, and every returned credential is rotated.
        </p>
      </PageHeader>
      <RotationProblemsNotice problems={rotationProblems} credentialLabel={credentialLabel} />

      <Section title="Credentials">
        <TableWrap>
          <table data-testid="breakglass-credentials">
            <thead>
              <tr>
                <th>IAM user</th>
                <th>Account</th>
                <th>Secrets</th>
                <th>MFA device</th>
                <th>Longest checkout</th>
                <th>Last rotation</th>
                <th>State</th>
              </tr>
            </thead>
            <tbody>
              {credentials.length === 0 ? <NoRows colSpan={7}>No break-glass credential is registered yet.</NoRows> : null}
              {credentials.map((credential) => {
                const holder = liveByCredential.get(credential.id);
                return (
                  <tr key={credential.id} data-testid={`credential-${credential.iamUserName}`}>
                    <td>
                      <Mono>{credential.iamUserName}</Mono>
                    </td>
                    <td>
                      <Mono>{credential.accountId}</Mono>
                    </td>
                    <td>
                      {[credential.hasPassword ? "console password" : null, credential.accessKeyId ? `key ${credential.accessKeyId}` : null]
                        .filter(Boolean)
                        .join(", ")}
                    </td>
                    <td>{credential.mfaNote ?? "—"}</td>
                    <td>{credential.maxCheckoutMinutes} min</td>
                    <td>{formatDateTime(credential.rotatedAt)}</td>
                    <td>
                      {holder ? (
                        <Link href={checkoutHref(holder.id)}>
                          <CheckoutStatusBadge status={holder.status} /> {holder.requesterName}
                        </Link>
                      ) : (
                        <span className="badge ok">available</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      </Section>

      {canRequest ? (
        <Section title="Request a checkout">
          <RequestCheckoutForm
            credentials={credentials
              .filter((credential) => !liveByCredential.has(credential.id))
              .map((credential) => ({
                id: credential.id,
                label: credentialLabel.get(credential.id)!,
                maxCheckoutMinutes: credential.maxCheckoutMinutes,
              }))}
          />
        </Section>
      ) : null}

      {canApprove ? (
        <Section title="Approval queue">
          {queue.length === 0 ? <p className="inv-muted">No request is waiting.</p> : null}
          {queue.map((checkout) => (
            <div key={checkout.id} className="inv-notice" data-testid={`approval-${checkout.reference}`}>
              <p>
                <strong>{checkout.requesterName}</strong> asks for <Mono>{credentialLabel.get(checkout.credentialId) ?? "?"}</Mono> for{" "}
                {checkout.durationMinutes} min — {checkout.reference}: {checkout.reason} (
                <Link href={checkoutHref(checkout.id)}>details</Link>, lapses {formatDateTime(checkout.requestExpiresAt)})
              </p>
              {checkout.requesterId === user.id ? (
                <p className="inv-muted">Your own request: another approver must decide (two-person rule).</p>
              ) : (
                <>
                  <CheckoutActionForm action={approveCheckoutAction} checkoutId={checkout.id} label="Approve" />
                  <CheckoutActionForm action={denyCheckoutAction} checkoutId={checkout.id} label="Deny" isSecondary>
                    <input name="reason" required maxLength={2000} placeholder="Why not" aria-label="Reason for denial" />
                  </CheckoutActionForm>
                </>
              )}
            </div>
          ))}
        </Section>
      ) : null}

      <Section title="History">
        <HistoryTable checkouts={recent} credentialLabel={credentialLabel} />
      </Section>

      {hasPermission(user, "vault:manage") ? (
        <Section title="Register a credential">
          <p className="inv-muted">
            The secrets are encrypted at once (envelope encryption) and never shown again except in the one reveal of a checkout. The CLI
            does the same: <code>vigil breakglass add</code>.
          </p>
          <RegisterCredentialForm defaultMaxMinutes={DEFAULT_MAX_CHECKOUT_MINUTES} maxMinutesLimit={MAX_CHECKOUT_MINUTES_LIMIT} />
        </Section>
      ) : null}
    </>
  );
}

function HistoryTable({ checkouts, credentialLabel }: { checkouts: CheckoutView[]; credentialLabel: Map<string, string> }) {
  return (
    <TableWrap>
      <table data-testid="breakglass-history">
        <thead>
          <tr>
            <th>Requested</th>
            <th>Credential</th>
            <th>Requester</th>
            <th>Reference</th>
            <th>Status</th>
            <th>Approved by</th>
            <th>Reviewed by</th>
          </tr>
        </thead>
        <tbody>
          {checkouts.length === 0 ? <NoRows colSpan={7}>No checkout yet.</NoRows> : null}
          {checkouts.map((checkout) => (
            <tr key={checkout.id}>
              <td>
                <Link href={checkoutHref(checkout.id)}>{formatDateTime(checkout.requestedAt)}</Link>
              </td>
              <td>
                <Mono>{credentialLabel.get(checkout.credentialId) ?? checkout.credentialId}</Mono>
              </td>
              <td>{checkout.requesterName}</td>
              <td>{checkout.reference}</td>
              <td>
                <CheckoutStatusBadge status={checkout.status} />{" "}
                {checkout.isEmergency && checkout.status !== "emergency" ? <span className="badge danger">emergency</span> : null}
              </td>
              <td>{checkout.approverName ?? "—"}</td>
              <td>{checkout.reviewerName ?? (checkout.isReviewRequired ? <span className="badge warn">review due</span> : "—")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
