import { describe, expect, it } from "vitest";
import { childrenPattern, containsPattern, escapeLike, prefixPattern } from "./like-pattern";

describe("LIKE patterns", () => {
  it("escapes the wildcards and the escape character so user text matches literally", () => {
    expect(escapeLike(String.raw`50%_off\now`)).toBe(String.raw`50\%\_off\\now`);
  });

  it("wraps escaped text as contains, prefix and children patterns", () => {
    expect(containsPattern("a_b")).toBe(String.raw`%a\_b%`);
    expect(prefixPattern("arn:aws:iam::1:role/app_")).toBe(String.raw`arn:aws:iam::1:role/app\_%`);
    expect(childrenPattern("Root/100%")).toBe(String.raw`Root/100\%/%`);
  });
});
