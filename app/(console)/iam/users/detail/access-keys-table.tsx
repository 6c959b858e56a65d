import type { AccessKeyActivity } from "@/lib/aws";
import { Badge } from "../../../_components/badges";
import { ageInDays, formatAge, formatAgo, formatDateTime } from "../../../_components/format";
import { TableWrap } from "../../../_components/page-header";

/** Keys older than this are flagged (CIS AWS Foundations asks for rotation within 90 days). */
const KEY_ROTATION_DAYS = 90;

/** The credential report's two access-key slots: active or not, age at the snapshot's time, last use. */
export function AccessKeysTable({ keys, asOf }: { keys: readonly AccessKeyActivity[]; asOf: Date }) {
  const present = keys.map((key, index) => ({ key, slot: index + 1 })).filter(({ key }) => key.active || key.lastRotatedAt);
  if (present.length === 0) return <p className="inv-muted">No access key.</p>;
  return (
    <TableWrap>
      <table>
        <thead>
          <tr>
            <th>Key</th>
            <th>State</th>
            <th>Age</th>
            <th>Last used</th>
            <th>Service and region</th>
          </tr>
        </thead>
        <tbody>
          {present.map(({ key, slot }) => {
            const age = ageInDays(key.lastRotatedAt, asOf);
            return (
              <tr key={slot}>
                <td>access key {slot}</td>
                <td>{key.active ? <Badge tone="ok">active</Badge> : <Badge>inactive</Badge>}</td>
                <td title={`created or rotated ${formatDateTime(key.lastRotatedAt)}`}>
                  <Badge tone={key.active && age !== null && age > KEY_ROTATION_DAYS ? "danger" : "neutral"}>
                    {formatAge(key.lastRotatedAt, asOf)} old
                  </Badge>
                </td>
                <td title={formatDateTime(key.lastUsedAt)}>{key.lastUsedAt ? formatAgo(key.lastUsedAt, asOf) : "never"}</td>
                <td>{[key.lastUsedService, key.lastUsedRegion].filter(Boolean).join(" in ") || "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}
