import { describe, expect, it } from "vitest";
import { AwsError } from "./aws-error";
import { paginate } from "./pagination";

const invalidToken = () => new AwsError("InvalidNextTokenException", "bad token", 400);

describe("paginate", () => {
  it("walks every item once and omits the token on the last page", () => {
    const all = Array.from({ length: 7 }, (_, i) => i);
    const seen: number[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = paginate(all, { token, limit: 3, print: "p", invalidToken });
      seen.push(...page.items);
      token = page.nextToken;
      pages++;
    } while (token !== undefined);
    expect(seen).toEqual(all);
    expect(pages).toBe(3);
  });

  it("refuses a token issued for different parameters", () => {
    const first = paginate([1, 2, 3], { token: undefined, limit: 1, print: "a", invalidToken });
    expect(() => paginate([1, 2, 3], { token: first.nextToken, limit: 1, print: "b", invalidToken })).toThrow(AwsError);
    expect(() => paginate([1], { token: "garbage", limit: 1, print: "a", invalidToken })).toThrow("bad token");
  });
});
