import { describe, expect, it } from "vitest";
import { createRng, hashString } from "./prng";
import { accessKeyId, iamUniqueId, uuid } from "./ids";

describe("seeded prng", () => {
  it("repeats the same sequence for the same seed", () => {
    const a = createRng(42);
    const b = createRng(42);
    const seqA = Array.from({ length: 5 }, () => a.next());
    const seqB = Array.from({ length: 5 }, () => b.next());
    expect(seqA).toEqual(seqB);
    expect(new Set(seqA).size).toBe(5);
  });

  it("forks independent but reproducible streams by label", () => {
    const root = createRng(7);
    expect(root.fork("x").next()).toBe(createRng(7).fork("x").next());
    expect(root.fork("x").next()).not.toBe(root.fork("y").next());
  });

  it("keeps int() within its inclusive bounds", () => {
    const rng = createRng(1);
    const values = Array.from({ length: 2000 }, () => rng.int(3, 5));
    expect(Math.min(...values)).toBe(3);
    expect(Math.max(...values)).toBe(5);
  });

  it("hashes strings stably", () => {
    expect(hashString("abc")).toBe(hashString("abc"));
    expect(hashString("abc")).not.toBe(hashString("abd"));
  });

  it("produces ids in AWS formats", () => {
    const rng = createRng(3);
    expect(iamUniqueId(rng, "AROA")).toMatch(/^AROA[A-Z2-7]{17}$/);
    expect(accessKeyId(rng, "ASIA")).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(uuid(rng)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
