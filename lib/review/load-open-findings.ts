import type { Db } from "../db";
import type { FindingsByResource } from "./build-review-rows";

/** Open (and reopened) findings by resource: what a row shows beside the access it is about. */
export async function loadOpenFindings(db: Db): Promise<FindingsByResource> {
  const rows = await db.finding.findMany({
    where: { status: { in: ["OPEN", "REOPENED"] } },
    select: { id: true, rule: true, severity: true, title: true, resourceArn: true },
    orderBy: { id: "asc" },
  });
  const byResource: FindingsByResource = new Map();
  for (const row of rows) {
    const list = byResource.get(row.resourceArn) ?? [];
    list.push({ id: row.id, rule: row.rule, severity: row.severity.toLowerCase(), title: row.title });
    byResource.set(row.resourceArn, list);
  }
  return byResource;
}
