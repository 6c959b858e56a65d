import type { SnapshotReport } from "@/lib/inventory";
import { ENTITY_KINDS } from "@/lib/snapshot";
import { NoRows, Section, TableWrap } from "../../_components/page-header";

/** Entities seen and versions written per kind: how much the run saw and how much changed. */
export function SnapshotCounts({ counts }: { counts: SnapshotReport["counts"] }) {
  if (!counts) return null;
  const kinds = ENTITY_KINDS.filter((kind) => kind in counts.seen || kind in counts.carried);
  const cell = (perKind: Record<string, number | undefined>, kind: string) => perKind[kind] ?? 0;
  return (
    <Section title="Counts">
      <TableWrap>
        <table>
          <thead>
            <tr>
              <th>Kind</th>
              <th>Seen</th>
              <th>Versions written</th>
              <th>Removed</th>
              <th title="absent from this run in a scope that was not fully collected, so kept">Carried over</th>
            </tr>
          </thead>
          <tbody>
            {kinds.map((kind) => (
              <tr key={kind}>
                <td>{kind}</td>
                <td>{cell(counts.seen, kind)}</td>
                <td>{cell(counts.inserted, kind)}</td>
                <td>{cell(counts.removed, kind)}</td>
                <td>{cell(counts.carried, kind)}</td>
              </tr>
            ))}
            {kinds.length === 0 ? <NoRows colSpan={5}>Nothing collected.</NoRows> : null}
            <tr>
              <th>Total</th>
              <th>{counts.totals.seen}</th>
              <th>{counts.totals.inserted}</th>
              <th>{counts.totals.removed}</th>
              <th>{counts.totals.carried}</th>
            </tr>
          </tbody>
        </table>
      </TableWrap>
    </Section>
  );
}
