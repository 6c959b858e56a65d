import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalizeTrailEvent } from "../aws";
import { seedTrailEvents } from "../cloudtrail/testing/seed-trail-events";
import { takeSnapshot } from "../snapshot";
import { makeInventory, makePermissionSet } from "../snapshot/testing/make-inventory";
import { useTestDatabase } from "../testing/use-test-database";
import { exportSnapshot, importDirectory, ImportValidationError } from ".";

const A = "222222222222";

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

async function writeTree(root: string, files: Record<string, unknown>): Promise<void> {
  for (const [path, value] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), JSON.stringify(value));
  }
}

describe("hostile names at the offline file boundary", () => {
  const database = useTestDatabase();
  let sandbox: string;

  beforeAll(async () => {
    sandbox = await mkdtemp(join(tmpdir(), "vigil-hostile-"));
  });
  afterAll(async () => {
    await rm(sandbox, { recursive: true, force: true });
  });

  it("export-snapshot writes every file inside the target, whatever names and ids the database holds", async () => {
    // Given a stored snapshot (e.g. imported before names were checked) whose names climb out of any folder
    const inventory = makeInventory({ accounts: { [A]: ["app"] }, permissionSets: [] });
    inventory.identityCenter!.permissionSets = [
      makePermissionSet("../../x"),
      makePermissionSet("../../../../escaped-ps"),
      makePermissionSet(".."),
    ];
    inventory.roots[0]!.id = "../../../../escaped-root";
    inventory.accounts[0]!.parentId = "../../../../escaped-root";
    inventory.ous = [
      {
        key: "ou-evil",
        id: "../../../../../escaped-ou",
        arn: "arn:aws:organizations::111111111111:ou/o-test/evil",
        name: "evil",
        parentId: "../../../../escaped-root",
        path: "Root/evil",
      },
    ];
    await takeSnapshot(database.db, { source: "LIVE", asOf: new Date("2026-08-10T00:00:00Z"), collect: async () => inventory });
    // …and CloudTrail rows whose account and region are paths
    const event = normalizeTrailEvent({
      eventID: "e-evil",
      eventTime: "2026-08-09T00:00:00Z",
      eventName: "ConsoleLogin",
      eventSource: "signin.amazonaws.com",
      awsRegion: "../../../../escaped-region",
      recipientAccountId: "../../../../escaped-account",
    });
    await seedTrailEvents(database.db, [event], "S3_LOG_FILE");

    // When it is exported
    const target = join(sandbox, "a", "b", "export");
    const result = await exportSnapshot(database.db, "latest", target);

    // Then nothing lands outside the target, and the hostile names are encoded into single segments
    expect(result.cloudTrailEvents).toBe(1);
    const outside = (await filesUnder(sandbox)).filter((file) => !file.startsWith(target + sep));
    expect(outside).toEqual([]);
    const written = (await filesUnder(target)).map((file) => relative(target, file).split(sep).join("/"));
    expect(written).toEqual(
      expect.arrayContaining([
        "identity-center/permission-sets/..%2F..%2Fx.json",
        "identity-center/permission-sets/..%2F..%2F..%2F..%2Fescaped-ps.json",
        "identity-center/permission-sets/%2E%2E.json",
        "organizations/parents/..%2F..%2F..%2F..%2Fescaped-root/accounts.json",
        "organizations/parents/..%2F..%2F..%2F..%2F..%2Fescaped-ou/accounts.json",
        "cloudtrail/lookup-events/..%2F..%2F..%2F..%2Fescaped-account/..%2F..%2F..%2F..%2Fescaped-region/events.json",
      ]),
    );

    // …and importing that export back is refused, naming each bad file and field
    const error = await importDirectory(database.db, target).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportValidationError);
    expect((error as ImportValidationError).problems).toEqual(
      expect.arrayContaining([
        "identity-center/permission-sets/..%2F..%2Fx.json: PermissionSet.Name: must be a permission set name (1 to 32 of letters, digits and _+=,.@-)",
        "organizations/list-roots.json: Roots.0.Id: must be a root id (r- and 4 to 32 lowercase letters or digits)",
        "organizations/parents/..%2F..%2F..%2F..%2Fescaped-root/accounts.json: folder name must be a root id (r-…) or an OU id (ou-…-…)",
        expect.stringMatching(
          /^.*cloudtrail\/lookup-events\/.*events\.json: Events\[0\]: recipientAccountId "\.\.\/\.\.\/\.\.\/\.\.\/escaped-account" is not a 12-digit account id$/,
        ),
      ]),
    );
  });

  it("import refuses names and ids outside AWS's formats before writing anything", async () => {
    // Given AWS CLI outputs carrying traversal names where AWS only allows ids and plain names
    const dir = join(sandbox, "import");
    await writeTree(dir, {
      "organizations/list-roots.json": { Roots: [{ Id: "r-../../x", Name: "Root" }] },
      "organizations/list-accounts.json": { Accounts: [{ Id: "../../222222222222", Name: "evil" }] },
      "organizations/parents/r-root1/organizational-units.json": { OrganizationalUnits: [{ Id: "ou-root1-../../../x", Name: "evil" }] },
      "organizations/parents/ou-evil/accounts.json": { Accounts: [] },
      "identity-center/permission-sets/ok.json": {
        PermissionSet: { Name: "../../x", PermissionSetArn: "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-1234567890abcdef" },
      },
      "identity-center/permission-sets/long.json": {
        PermissionSet: {
          Name: "a".repeat(33),
          PermissionSetArn: "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-abcdef1234567890",
        },
      },
    });
    const snapshotsBefore = await database.db.snapshot.count();

    // When it is imported
    const error = await importDirectory(database.db, dir).catch((e: unknown) => e);

    // Then every problem is named and nothing is written
    expect(error).toBeInstanceOf(ImportValidationError);
    expect([...(error as ImportValidationError).problems].sort()).toEqual([
      "identity-center/permission-sets/long.json: PermissionSet.Name: must be a permission set name (1 to 32 of letters, digits and _+=,.@-)",
      "identity-center/permission-sets/ok.json: PermissionSet.Name: must be a permission set name (1 to 32 of letters, digits and _+=,.@-)",
      "organizations/list-accounts.json: Accounts.0.Id: must be a 12-digit account id",
      "organizations/list-roots.json: Roots.0.Id: must be a root id (r- and 4 to 32 lowercase letters or digits)",
      "organizations/parents/ou-evil/accounts.json: folder name must be a root id (r-…) or an OU id (ou-…-…)",
      "organizations/parents/r-root1/organizational-units.json: OrganizationalUnits.0.Id: must be an OU id (ou-<4 to 32>-<8 to 32> lowercase letters or digits)",
    ]);
    expect(await database.db.snapshot.count()).toBe(snapshotsBefore);
  });
});
