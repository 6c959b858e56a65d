import type { Db } from "../db";
import { pageBounds } from "../snapshot";
import { reviewItemWhere, type ReviewItemFilter } from "./review-filter";
import { ITEM_SELECT, toItemView } from "./review-views";
import type { ReviewItemView } from "./review-types";

/** One page of a campaign's rows matching the filter, in campaign order (account, person, path). */
export async function findReviewItems(
  db: Db,
  campaignId: number,
  filter: ReviewItemFilter,
  page: { page: number; pageSize: number },
): Promise<{ rows: ReviewItemView[]; total: number; page: number; pageSize: number }> {
  const where = reviewItemWhere(campaignId, filter);
  const pageSize = Math.min(Math.max(1, Math.floor(page.pageSize)), 10_000);
  const number = Math.max(1, Math.floor(page.page));
  const { offset, limit } = pageBounds(number, pageSize);
  const [rows, total] = await Promise.all([
    db.reviewItem.findMany({ where, orderBy: { id: "asc" }, skip: offset, take: limit, select: ITEM_SELECT }),
    db.reviewItem.count({ where }),
  ]);
  return { rows: rows.map(toItemView), total, page: number, pageSize };
}

/** Every matching row, in batches keyed by id: constant memory whatever the campaign's size. */
export async function* iterateReviewItems(
  db: Db,
  campaignId: number,
  filter: ReviewItemFilter = {},
  batchSize = 2000,
): AsyncIterable<ReviewItemView[]> {
  const where = reviewItemWhere(campaignId, filter);
  let after = 0;
  for (;;) {
    const rows = await db.reviewItem.findMany({
      where: { AND: [where, { id: { gt: after } }] },
      orderBy: { id: "asc" },
      take: batchSize,
      select: ITEM_SELECT,
    });
    if (rows.length === 0) return;
    yield rows.map(toItemView);
    after = rows[rows.length - 1]!.id;
    if (rows.length < batchSize) return;
  }
}
