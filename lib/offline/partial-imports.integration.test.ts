import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgInventory } from "../aws";
import { readSnapshotState, takeSnapshot } from "../snapshot";
import { makeInventory } from "../snapshot/testing/make-inventory";
import { stateFingerprint } from "../snapshot/testing/state-fingerprint";
import { useTestDatabase } from "../testing/use-test-database";
import { exportSnapshot, importDirectory, ImportValidationError } from ".";

const A = "222222222222";
const OU = "ou-root-abcdefgh";

async function writeTree(root: string, files: Record<string, unknown>): Promise<void> {
  for (const [path, value] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), JSON.stringify(value));
  }
}

const user = (name: string) => ({
  UserName: name,
  UserId: `AIDA${name.toUpperCase()}`,
  Arn: `arn:aws:iam::${A}:user/${name}`,
  Path: "/",
  CreateDate: "2026-01-01T00:00:00Z",
});
const policy = (name: string) => ({
  PolicyName: name,
  PolicyId: `ANPA${name.toUpperCase()}`,
  Arn: `arn:aws:iam::${A}:policy/${name}`,
  Path: "/",
  DefaultVersionId: "v1",
});

/** Keys of the entities visible at a snapshot. */
async function visibleKeys(db: Parameters<typeof readSnapshotState>[0], snapshotId: number): Promise<string[]> {
  return stateFingerprint(await readSnapshotState(db, snapshotId)).map((line) => line.split(" ").slice(0, 2).join(" "));
}

describe("partial files are never read as the whole truth", () => {
  const database = useTestDatabase();
  // The round trip needs a database whose first snapshot is the partial one.
  const roundTrip = useTestDatabase();
  let sandbox: string;

  beforeAll(async () => {
    sandbox = await mkdtemp(join(tmpdir(), "vigil-partial-"));
  });
  afterAll(async () => {
    await rm(sandbox, { recursive: true, force: true });
  });

  it("one GetAccountAuthorizationDetails page (IsTruncated + Marker) imported after the full one closes nothing", async () => {
    // Given the full listing imported first
    const full = join(sandbox, "gaad-full");
    await writeTree(full, {
      [`iam/${A}/authorization-details.json`]: {
        UserDetailList: [user("u1"), user("u2")],
        Policies: [policy("p1"), policy("p2")],
        IsTruncated: false,
      },
      [`iam/${A}/list-roles.json`]: { Roles: [] },
    });
    const first = await importDirectory(database.db, full, { asOf: new Date("2026-03-01T00:00:00Z") });
    expect((await readSnapshotState(database.db, first.snapshot!.id)).coverage.accounts[A]?.authorizationDetails).toBe("COLLECTED");

    // When a later directory holds only its first page, as `--no-paginate` prints it
    const page = join(sandbox, "gaad-page");
    await writeTree(page, {
      [`iam/${A}/authorization-details.json`]: {
        UserDetailList: [user("u1")],
        Policies: [policy("p1")],
        IsTruncated: true,
        Marker: "AAEAAQ",
      },
      [`iam/${A}/list-roles.json`]: { Roles: [] },
    });
    const second = await importDirectory(database.db, page, { asOf: new Date("2026-03-02T00:00:00Z") });

    // Then the account's IAM is PARTIAL, with a note naming the file, and u2 and p2 are still there
    const state = await readSnapshotState(database.db, second.snapshot!.id);
    expect(state.coverage.accounts[A]).toMatchObject({ authorizationDetails: "PARTIAL", iam: "PARTIAL" });
    expect(second.report.notes).toContainEqual(
      expect.stringMatching(new RegExp(`^iam/${A}/authorization-details\\.json: one page of a longer listing \\("IsTruncated": true`)),
    );
    expect(state.iamByAccount[A]?.users.map((u) => u.userName).sort()).toEqual(["u1", "u2"]);
    expect(state.iamByAccount[A]?.policies.map((p) => p.name).sort()).toEqual(["p1", "p2"]);
  });

  it("a PARTIAL snapshot exported and imported stays PARTIAL and deletes nothing", async () => {
    // Given a first snapshot that read little: the OU tree not at all, Identity Center users never,
    // one account's GetAccountAuthorizationDetails only in part (ListRoles was fine)
    const partial = makeInventory({ accounts: { [A]: ["app"] }, users: [] });
    partial.coverage.organization = "PARTIAL";
    partial.coverage.identityCenter.users = "SKIPPED";
    partial.coverage.accounts[A] = {
      ...partial.coverage.accounts[A]!,
      iam: "PARTIAL",
      authorizationDetails: "PARTIAL",
      reason: "GetAccountAuthorizationDetails page 2 throttled",
    };
    const s1 = await takeSnapshot(roundTrip.db, { source: "LIVE", asOf: new Date("2026-05-01T00:00:00Z"), collect: async () => partial });
    const exportDir = join(sandbox, "partial-export");
    await exportSnapshot(roundTrip.db, s1.id, exportDir);
    // …then a full snapshot that saw more
    const complete = makeInventory({ accounts: { [A]: ["app", "deploy"] }, users: ["alice", "bob"] });
    complete.ous = [
      { key: OU, id: OU, arn: `arn:aws:organizations::111111111111:ou/o-test/${OU}`, name: "prod", parentId: "r-root", path: "Root/prod" },
    ];
    const s2 = await takeSnapshot(roundTrip.db, { source: "LIVE", asOf: new Date("2026-06-01T00:00:00Z"), collect: async () => complete });
    expect(s2.status).toBe("COMPLETE");

    // When the partial export is imported
    const imported = await importDirectory(roundTrip.db, exportDir, { asOf: new Date("2026-07-01T00:00:00Z") });

    // Then the manifest carried the coverage, only what was read was written, and the import kept the gaps
    const manifest = JSON.parse(await readFile(join(exportDir, "vigil-export.json"), "utf8")) as {
      format: string;
      coverage: OrgInventory["coverage"];
    };
    expect(manifest).toMatchObject({
      format: "vigil-offline/2",
      coverage: { organization: "PARTIAL", identityCenter: { users: "SKIPPED" } },
    });
    expect(imported.report.missing).toEqual(expect.arrayContaining(["identity-center/users.json"]));
    expect(imported.report.notes).toContain(
      `account ${A} authorization details: PARTIAL in the exported snapshot (vigil-export.json), imported as PARTIAL`,
    );
    expect(imported.snapshot?.status).toBe("PARTIAL");
    const state = await readSnapshotState(roundTrip.db, imported.snapshot!.id);
    expect(state.coverage.organization).toBe("PARTIAL");
    expect(state.coverage.identityCenter.users).toBe("SKIPPED");
    expect(state.coverage.accounts[A]).toMatchObject({
      authorizationDetails: "PARTIAL",
      reason: "GetAccountAuthorizationDetails page 2 throttled",
    });
    // …and everything the full snapshot saw is still there
    expect(await visibleKeys(roundTrip.db, imported.snapshot!.id)).toEqual(expect.arrayContaining(await visibleKeys(roundTrip.db, s2.id)));
    expect(state.identityCenter?.users.map((u) => u.userName).sort()).toEqual(["alice", "bob"]);
    expect(state.ous.map((o) => o.id)).toEqual([OU]);
  });

  it("a Identity Center listing cut by --max-items (NextToken) is imported as PARTIAL", async () => {
    const dir = join(sandbox, "max-items");
    await writeTree(dir, {
      "identity-center/users.json": {
        Users: [{ UserId: "u-1", UserName: "alice", IdentityStoreId: "d-1234567890" }],
        NextToken: "eyJOZXh0VG9rZW4iOiBudWxsfQ==",
      },
    });
    const result = await importDirectory(database.db, dir, { asOf: new Date("2026-03-03T00:00:00Z") });
    const state = await readSnapshotState(database.db, result.snapshot!.id);
    expect(state.coverage.identityCenter.users).toBe("PARTIAL");
    expect(result.report.notes).toContainEqual(
      expect.stringMatching(/^identity-center\/users\.json: one page of a longer listing \("NextToken"/),
    );
  });

  it("a directory with nothing importable is refused", async () => {
    const empty = join(sandbox, "empty");
    await mkdir(empty);
    await expect(importDirectory(database.db, empty)).rejects.toThrow(ImportValidationError);
    const stray = join(sandbox, "stray");
    await writeTree(stray, { "notes.json": {}, "cloudtrail/README.json.txt": {} });
    await expect(importDirectory(database.db, stray)).rejects.toThrow(/nothing to import .*not part of the layout: notes\.json/);
  });

  it("an as-of in the future is refused", async () => {
    const dir = join(sandbox, "future");
    await writeTree(dir, { "identity-center/users.json": { Users: [] } });
    const now = new Date("2026-03-10T00:00:00Z");
    await expect(importDirectory(database.db, dir, { asOf: new Date("2026-03-10T00:00:01Z"), now })).rejects.toThrow(
      "--as-of 2026-03-10T00:00:01.000Z is in the future",
    );
  });

  it("vigil import exits non-zero for an empty directory and refuses a future --as-of as bad usage", async () => {
    const empty = join(sandbox, "cli-empty");
    await mkdir(empty);
    const vigil = (args: string[]) =>
      promisify(execFile)(process.execPath, ["bin/vigil.mjs", ...args], { env: { ...process.env, DATABASE_URL: database.url } }).then(
        () => ({ code: 0, stderr: "" }),
        (err: { code: number; stderr: string }) => ({ code: err.code, stderr: err.stderr }),
      );
    const emptyRun = await vigil(["import", empty]);
    expect(emptyRun.code).toBe(1);
    expect(emptyRun.stderr).toContain(`${empty}: nothing to import`);
    const futureRun = await vigil(["import", empty, "--as-of", "2999-01-01T00:00:00Z"]);
    expect(futureRun.code).toBe(2);
    expect(futureRun.stderr).toContain("2999-01-01T00:00:00Z is in the future");
  }, 180_000);
});
