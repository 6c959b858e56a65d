import { formatDateTime } from "../../../_components/format";
import { Section } from "../../../_components/page-header";
import type { CheckoutView } from "@/lib/breakglass";

/** Returned, expired and rotation-pending mean a secret someone saw may still work in AWS: critical, never "safe". */
export function RotationStatus({ checkout }: { checkout: CheckoutView }) {
  const { status } = checkout;
  if (status === "rotated" || status === "reviewed") {
    return (
      <Section title="Rotation">
        <p data-testid="rotation-status">
          <span className="badge ok">rotated</span> at {formatDateTime(checkout.rotatedAt)}: new console password and access key stored, the
          old key refused by AWS.
        </p>
      </Section>
    );
  }
  if (status !== "returned" && status !== "expired" && status !== "rotation-pending") return null;
  return (
    <Section title="Rotation">
      <div className="bg-critical" role="alert" data-testid="rotation-status">
        <strong>CRITICAL: {status === "rotation-pending" ? "rotation pending" : "not rotated yet"}.</strong> The secret revealed in this
        checkout may still work in AWS until Vigil rotates it.
        {checkout.rotationAttempts > 0 ? (
          <p>
            {checkout.rotationAttempts} attempt{checkout.rotationAttempts === 1 ? "" : "s"} so far; IAM said:{" "}
            {checkout.rotationError ?? "—"}. Next try {formatDateTime(checkout.nextRotationAt)}.
          </p>
        ) : (
          <p>The rotation worker picks it up {checkout.nextRotationAt ? `from ${formatDateTime(checkout.nextRotationAt)}` : "shortly"}.</p>
        )}
      </div>
    </Section>
  );
}
