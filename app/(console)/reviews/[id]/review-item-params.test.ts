import { describe, expect, it } from "vitest";
import { reviewItemParams, toReviewItemFilter } from "./review-item-params";

const parse = (query: Record<string, string>) => reviewItemParams.parse(query);

describe("review row filters from the URL", () => {
  it("a reviewer sees their own rows by default, resolved to their e-mail", () => {
    expect(toReviewItemFilter(parse({}), { email: "ann@example.com", canSeeAll: false })).toEqual({ reviewer: "ann@example.com" });
  });

  it("an auditor sees every reviewer's rows by default", () => {
    expect(toReviewItemFilter(parse({}), { email: "aud@example.com", canSeeAll: true })).toEqual({});
  });

  it("an explicit reviewer, unassigned, and the other filters pass through; empty ones are dropped", () => {
    expect(
      toReviewItemFilter(
        parse({ reviewer: "bob@example.com", change: "new", decision: "prefilled", accountId: "123456789012", q: " s3 ", person: "" }),
        {
          email: "ann@example.com",
          canSeeAll: false,
        },
      ),
    ).toEqual({ reviewer: "bob@example.com", change: "new", decision: "prefilled", accountId: "123456789012", q: "s3" });
    expect(toReviewItemFilter(parse({ reviewer: "unassigned" }), { email: "ann@example.com", canSeeAll: false })).toEqual({
      reviewer: "unassigned",
    });
  });

  it("a bad change, decision, account id or reviewer is refused with a message", () => {
    for (const query of [{ change: "gone" }, { decision: "maybe" }, { accountId: "12" }, { reviewer: "not an email" }]) {
      expect(reviewItemParams.safeParse(query).success).toBe(false);
    }
  });
});
