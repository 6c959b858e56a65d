import type { CheckoutStatus } from "@/lib/breakglass";
import { Badge, type Tone } from "../_components/badges";

/**
 * A secret someone saw that AWS still accepts is the worst state a checkout can be in: returned,
 * expired and rotation-pending are never shown in a calm colour.
 */
const STATUS_TONE: Record<CheckoutStatus, Tone> = {
  requested: "neutral",
  approved: "warn",
  emergency: "danger",
  active: "warn",
  returned: "danger",
  expired: "danger",
  "rotation-pending": "danger",
  rotated: "ok",
  reviewed: "ok",
  denied: "neutral",
  cancelled: "neutral",
  "request-expired": "neutral",
};

export function CheckoutStatusBadge({ status }: { status: CheckoutStatus }) {
  return (
    <span data-testid="checkout-status">
      <Badge tone={STATUS_TONE[status]}>{status === "rotation-pending" ? "CRITICAL: rotation pending" : status}</Badge>
    </span>
  );
}
