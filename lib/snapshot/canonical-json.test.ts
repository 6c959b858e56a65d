import { describe, expect, it } from "vitest";
import { canonicalJson, contentHash } from "./canonical-json";

describe("canonicalJson", () => {
  it("orders object keys at every depth, so key order never changes the hash", () => {
    const a = { b: 1, a: { y: [1, { d: 1, c: 2 }], x: null } };
    const b = { a: { x: null, y: [1, { c: 2, d: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"x":null,"y":[1,{"c":2,"d":1}]},"b":1}');
    expect(contentHash(a)).toBe(contentHash(b));
  });

  it("keeps array order, which can carry meaning", () => {
    expect(contentHash([1, 2])).not.toBe(contentHash([2, 1]));
  });

  it("drops undefined members as JSON does, so an absent and an undefined field hash alike", () => {
    expect(contentHash({ a: 1, b: undefined })).toBe(contentHash({ a: 1 }));
  });

  it("distinguishes null from absent", () => {
    expect(contentHash({ a: null })).not.toBe(contentHash({}));
  });
});
