import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { findUntraversableAncestor } from "./reachable-by-user";

const OTHER_USER = { uid: 65_534, gid: 65_534 }; // nobody
let base: string | undefined;

afterEach(async () => {
  if (base) await rm(base, { recursive: true, force: true });
});

describe("findUntraversableAncestor", () => {
  it("names the first private directory on the way to the target", async () => {
    base = await mkdtemp(path.join(tmpdir(), "vigil-reach-"));
    const privateDir = path.join(base, "home");
    await mkdir(path.join(privateDir, "checkout"), { recursive: true });
    await chmod(base, 0o755);
    await chmod(privateDir, 0o700);
    expect(findUntraversableAncestor(path.join(privateDir, "checkout", "x"), OTHER_USER)).toBe(privateDir);
    // its owner may pass
    const me = userInfo();
    expect(findUntraversableAncestor(path.join(privateDir, "checkout"), { uid: me.uid, gid: me.gid })).toBeNull();
  });

  it("accepts a path every directory of which others may search", async () => {
    base = await mkdtemp(path.join(tmpdir(), "vigil-reach-"));
    await chmod(base, 0o755);
    await mkdir(path.join(base, "a", "b"), { recursive: true, mode: 0o755 });
    expect(findUntraversableAncestor(path.join(base, "a", "b", "not-yet-created"), OTHER_USER)).toBeNull();
  });
});
