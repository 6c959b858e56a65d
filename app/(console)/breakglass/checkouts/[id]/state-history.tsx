import { formatDateTime } from "../../../_components/format";
import { TableWrap } from "../../../_components/page-header";
import type { TransitionView } from "@/lib/breakglass";
import { CheckoutStatusBadge } from "../../checkout-status-badge";

export function StateHistory({ transitions }: { transitions: TransitionView[] }) {
  return (
    <TableWrap>
      <table data-testid="checkout-history">
        <thead>
          <tr>
            <th>When</th>
            <th>Step</th>
            <th>From</th>
            <th>To</th>
            <th>By</th>
          </tr>
        </thead>
        <tbody>
          {transitions.map((transition) => (
            <tr key={transition.id}>
              <td>{formatDateTime(transition.at)}</td>
              <td>{transition.event}</td>
              <td>{transition.from ?? "—"}</td>
              <td>
                <CheckoutStatusBadge status={transition.to} />
              </td>
              <td>{transition.actorName}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
