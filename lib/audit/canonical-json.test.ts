import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";

describe("canonicalJson", () => {
  it("writes keys sorted at every depth, without whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null], c: "x" } })).toBe('{"a":{"c":"x","d":[true,null]},"b":1}');
  });

  it("gives the same text for the same value whatever order its keys came in (jsonb reorders them)", () => {
    expect(canonicalJson({ z: 1, aa: 2, a: 3 })).toBe(canonicalJson({ a: 3, aa: 2, z: 1 }));
  });

  it("sorts keys by UTF-16 code units and escapes strings as JSON.stringify does", () => {
    expect(canonicalJson({ é: 1, Z: 2, "\u0001": 3 })).toBe('{"\\u0001":3,"Z":2,"é":1}');
  });

  it("refuses numbers JSON cannot hold", () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/NaN/);
  });
});
