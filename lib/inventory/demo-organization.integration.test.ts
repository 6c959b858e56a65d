import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectOrganization } from "../aws";
import { makeSimAwsConfig } from "../aws/testing/sim-fixture";
import { startSimServer, type SimServer } from "../sim";
import { takeSnapshot } from "../snapshot";
import { useTestDatabase } from "../testing/use-test-database";
import { findAccounts } from "./find-accounts";
import { findIamRoles } from "./find-iam-roles";
import { findIamUsers } from "./find-iam-users";
import { findPermissionSets } from "./find-permission-sets";
import { getIamRole } from "./get-iam-role";

const database = useTestDatabase();
const paging = { dir: "asc" as const, page: 1, pageSize: 200 };
let sim: SimServer;
let snapshotId: number;

beforeAll(async () => {
  sim = await startSimServer({ scenario: "demo", port: 0 });
  const config = makeSimAwsConfig(sim.url);
  const result = await takeSnapshot(database.db, { source: "LIVE", collect: (onProgress) => collectOrganization(config, { onProgress }) });
  snapshotId = result.id;
});
afterAll(async () => {
  await sim?.close();
});

describe("read models over a real snapshot of the simulated demo organization", () => {
  it("lists every account of the organization", async () => {
    const { total } = await findAccounts(database.db, { snapshotId, sort: "name", ...paging });
    expect(total).toBe(sim.state.accounts.length);
  });

  it("links every reserved SSO role to a permission set of the snapshot", async () => {
    const { rows, total } = await findIamRoles(database.db, { snapshotId, type: "sso", sort: "name", ...paging });
    expect(total).toBeGreaterThan(0);
    const setArns = new Set((await findPermissionSets(database.db, { snapshotId, sort: "name", ...paging })).rows.map((p) => p.arn));
    for (const role of rows) expect(setArns.has(role.permissionSetArn ?? ""), role.arn).toBe(true);
  });

  it("finds each role's trust policy and joins users to the credential report", async () => {
    const { rows } = await findIamRoles(database.db, { snapshotId, type: "custom", sort: "name", ...paging, pageSize: 1 });
    const role = await getIamRole(database.db, snapshotId, rows[0]!.arn);
    expect(role?.trustPolicy).toHaveProperty("Statement");
    const users = await findIamUsers(database.db, { snapshotId, sort: "name", ...paging });
    expect(users.total).toBeGreaterThan(0);
    expect(users.rows.some((u) => u.hasCredentialReport)).toBe(true);
  });
});
