import Link from "next/link";
import { notFound } from "next/navigation";
import { hasPermission } from "@/lib/auth";
import { findCheckoutActivity, getCheckoutWithHistory } from "@/lib/breakglass";
import { getDb } from "@/lib/db";
import { getCredential, VaultError } from "@/lib/vault";
import { requirePermission } from "@/app/_auth/require-session";
import { formatDateTime } from "../../../_components/format";
import { DetailList, Mono, PageHeader, Section } from "../../../_components/page-header";
import { cancelCheckoutAction, emergencyAction, returnCheckoutAction, reviewCheckoutAction } from "../../actions";
import "../../breakglass.css";
import { CheckoutActionForm } from "../../checkout-action-form";
import { CheckoutStatusBadge } from "../../checkout-status-badge";
import { Countdown } from "../../countdown";
import { RevealPanel } from "../../reveal-panel";
import { ActivityTimeline } from "./activity-timeline";
import { RotationStatus } from "./rotation-status";
import { StateHistory } from "./state-history";

// The one reveal happens here: never cached anywhere (force-dynamic pages are sent `no-store`), and
// the secret itself only ever travels in the reveal action's response, never in this HTML.
export const dynamic = "force-dynamic";
export const fetchCache = "force-no-store";

async function loadCredential(credentialId: string) {
  try {
    return await getCredential(await getDb(), credentialId);
  } catch (error) {
    if (error instanceof VaultError) return null;
    throw error;
  }
}

export default async function CheckoutPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("checkout:read");
  const { id } = await params;
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(id)) notFound();
  const db = await getDb();
  const found = await getCheckoutWithHistory(db, id);
  if (!found) notFound();
  const { checkout, transitions } = found;
  const [credential, activity] = await Promise.all([loadCredential(checkout.credentialId), findCheckoutActivity(db, checkout.id)]);
  const isHolder = checkout.requesterId === user.id && hasPermission(user, "checkout:request");
  const canApprove = hasPermission(user, "checkout:approve") && checkout.requesterId !== user.id;
  const { status } = checkout;
  const isPreReveal = status === "requested" || status === "approved" || status === "emergency";
  return (
    <>
      <PageHeader
        documentTitle={`Checkout ${checkout.reference}`}
        breadcrumbs={[{ label: "Break-glass", href: "/breakglass" }]}
        title={
          <>
            Checkout {checkout.reference} <CheckoutStatusBadge status={status} />
          </>
        }
      >
        <p className="inv-muted">
          <Link href="/breakglass">Break-glass</Link> · {credential ? `${credential.iamUserName} in account ${credential.accountId}` : "?"}
        </p>
      </PageHeader>

      <DetailList
        items={[
          ["Credential", credential ? <Mono key="c">{`${credential.iamUserName} (${credential.accountId})`}</Mono> : "unknown"],
          ["Requested by", `${checkout.requesterName} at ${formatDateTime(checkout.requestedAt)}`],
          ["Reason", checkout.reason],
          ["Incident / ticket", checkout.reference],
          ["Duration", `${checkout.durationMinutes} min`],
          [
            "Approval",
            checkout.isEmergency ? (
              <span key="a">
                <span className="badge danger">emergency self-approval</span> by {checkout.approverName} at{" "}
                {formatDateTime(checkout.approvedAt)}
              </span>
            ) : checkout.approverName ? (
              `${status === "denied" ? "denied" : "approved"} by ${checkout.approverName}${checkout.approvedAt ? ` at ${formatDateTime(checkout.approvedAt)}` : ""}`
            ) : (
              "—"
            ),
          ],
          ["Revealed", formatDateTime(checkout.revealedAt)],
          [
            "Ends",
            status === "active" && checkout.expiresAt ? (
              <span key="e">
                {formatDateTime(checkout.expiresAt)} (<Countdown until={checkout.expiresAt.toISOString()} /> left)
              </span>
            ) : (
              formatDateTime(checkout.endedAt ?? checkout.expiresAt)
            ),
          ],
          [
            "Review",
            checkout.reviewerName
              ? `by ${checkout.reviewerName} at ${formatDateTime(checkout.reviewedAt)}`
              : checkout.isReviewRequired
                ? "mandatory (emergency)"
                : "—",
          ],
          ...(checkout.note ? ([["Note", checkout.note]] as Array<[string, string]>) : []),
        ]}
      />

      {isHolder && (isPreReveal || status === "active") ? (
        <Section title="Your checkout">
          {status === "requested" ? (
            <>
              <p>Waiting for an approver. In an emergency you can self-approve with a fresh TOTP code: every approver is told at once.</p>
              <CheckoutActionForm action={emergencyAction} checkoutId={checkout.id} label="Declare emergency and self-approve">
                <input
                  name="totpCode"
                  required
                  inputMode="numeric"
                  pattern="\d{6}"
                  maxLength={6}
                  autoComplete="one-time-code"
                  aria-label="TOTP code"
                  placeholder="TOTP code"
                />
              </CheckoutActionForm>
            </>
          ) : null}
          {status === "approved" || status === "emergency" || status === "active" ? <RevealPanel checkoutId={checkout.id} /> : null}
          {status === "active" ? (
            <CheckoutActionForm action={returnCheckoutAction} checkoutId={checkout.id} label="Return the credential" />
          ) : null}
          {isPreReveal ? <CheckoutActionForm action={cancelCheckoutAction} checkoutId={checkout.id} label="Cancel" isSecondary /> : null}
        </Section>
      ) : null}

      <RotationStatus checkout={checkout} />

      <Section title="CloudTrail activity in the window">
        <ActivityTimeline activity={activity} iamUserName={credential?.iamUserName ?? "?"} />
      </Section>

      {status === "rotated" && hasPermission(user, "checkout:approve") ? (
        <Section title="Post-incident review">
          {canApprove ? (
            <CheckoutActionForm action={reviewCheckoutAction} checkoutId={checkout.id} label="Sign off the review">
              <textarea
                name="note"
                required
                maxLength={2000}
                rows={2}
                aria-label="Review note"
                placeholder="What the window's activity showed"
              />
            </CheckoutActionForm>
          ) : (
            <p className="inv-muted">You held this checkout: another approver must review it.</p>
          )}
        </Section>
      ) : null}

      <Section title="State history">
        <StateHistory transitions={transitions} />
      </Section>
    </>
  );
}
