import { describe, expect, it } from "vitest";
import { isMutation, isSameOriginRequest } from "./same-origin";

const base = "https://vigil.example.com";

describe("same-origin check", () => {
  it("accepts a matching Origin and refuses another one", () => {
    expect(isSameOriginRequest(new Headers({ origin: base }), base)).toBe(true);
    expect(isSameOriginRequest(new Headers({ origin: "https://evil.example" }), base)).toBe(false);
  });

  it("falls back to Sec-Fetch-Site and refuses requests carrying neither", () => {
    expect(isSameOriginRequest(new Headers({ "sec-fetch-site": "same-origin" }), base)).toBe(true);
    expect(isSameOriginRequest(new Headers({ "sec-fetch-site": "cross-site" }), base)).toBe(false);
    expect(isSameOriginRequest(new Headers(), base)).toBe(false);
  });

  it("only state-changing methods are mutations", () => {
    expect(isMutation("GET")).toBe(false);
    expect(isMutation("post")).toBe(true);
    expect(isMutation("DELETE")).toBe(true);
  });
});
