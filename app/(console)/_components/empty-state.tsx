import type { ReactNode } from "react";

/**
 * An empty list that says why it is empty ("no snapshot has read this account's IAM yet", "the
 * filters exclude every row") and, when there is one, what to do about it.
 */
export function EmptyState({ reason, action, children }: { reason: ReactNode; action?: ReactNode; children?: ReactNode }) {
  return (
    <div className="vg-empty" role="status">
      <p className="vg-empty-reason">{reason}</p>
      {children}
      {action ? <p className="vg-empty-action">{action}</p> : null}
    </div>
  );
}
