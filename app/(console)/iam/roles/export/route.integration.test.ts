import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { createLocalUser, getServerAuth, totpCode } from "@/lib/auth";
import { AuthClient, TEST_AUTH_SECRET } from "@/lib/auth/testing/auth-test-kit";
import { setRuntimeEnv } from "@/lib/env";
import { makeAccount, makeRole, recordSnapshot } from "@/lib/inventory/testing/inventory-fixtures";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import { GET } from "./route";

const database = useTestDatabase();
const BASE = "http://localhost:3999";
const PROD = "111111111111";
const DEV = "222222222222";
/** A valid IAM role name (IAM allows `+=,.@-`) that a spreadsheet would run as a formula. */
const HOSTILE = "=1+2";
let snapshotId: number;
let viewer: AuthClient;

beforeAll(async () => {
  setRuntimeEnv("DATABASE_URL", database.url);
  setRuntimeEnv("VIGIL_AUTH_SECRET", TEST_AUTH_SECRET);
  setRuntimeEnv("VIGIL_BASE_URL", BASE);
  snapshotId = await recordSnapshot(database.db, [
    makeAccount(PROD, { name: "prod" }),
    makeAccount(DEV, { name: "dev" }),
    makeRole(PROD, "deploy", { maxSessionDuration: 3600 }),
    makeRole(PROD, HOSTILE),
    makeRole(DEV, "deploy"),
  ]);
  // A viewer signed in through the server's own auth (password, then TOTP), as a browser would be.
  const created = await createLocalUser(database.db, { username: "export_viewer", role: "viewer" }, { authSecret: TEST_AUTH_SECRET });
  viewer = new AuthClient((await getServerAuth()).auth, "203.0.113.7", BASE);
  await viewer.post("/sign-in/username", { username: created.user.username, password: created.password });
  expect((await viewer.post("/two-factor/verify-totp", { code: totpCode(created.totpSecret) })).status).toBe(200);
});

const download = (query: string, client: AuthClient | null = viewer) =>
  GET(new Request(`${BASE}/iam/roles/export?${query}`, { headers: client?.headers() ?? new Headers() }));

describe("GET /iam/roles/export", () => {
  it("streams the roles list with the page's filters as CSV named after its snapshot, hostile names inert, and audits the download", async () => {
    // When the viewer downloads the roles of one account, from the grouped view sorted by account count
    const response = await download(`format=csv&accountId=${PROD}&view=grouped&sort=accounts&page=3`);
    // Then the file names the snapshot and holds only that account's roles, one row per role, by name
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="vigil-iam-roles-snapshot-${snapshotId}.csv"`);
    const lines = (await response.text()).trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^Snapshot,Role name,Account id,Account name,ARN,/);
    expect(lines.slice(1).map((line) => line.split(",").slice(0, 4))).toEqual([
      [String(snapshotId), `'${HOSTILE}`, PROD, "prod"],
      [String(snapshotId), "deploy", PROD, "prod"],
    ]);
    expect(lines[2]).toContain(",1 h,3600,");
    // And the download is in the audit trail with its filters, under the viewer's name
    const entry = await database.db.auditEntry.findFirstOrThrow({ where: { action: "export.created", targetType: "iam-roles" } });
    expect(entry.actorName).toBe("export_viewer");
    expect(entry.detail).toMatchObject({ format: "csv", snapshotId, filters: { accountId: PROD, sort: "accounts", view: "grouped" } });
  });

  it("streams the same list as XLSX whose hostile name is a text cell, not a formula", async () => {
    const response = await download(`format=xlsx&search=${encodeURIComponent(HOSTILE)}`);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("IAM roles")!;
    expect(sheet.rowCount).toBe(2);
    const cell = sheet.getRow(2).getCell(2);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
    expect(cell.text).toBe(HOSTILE);
  });

  it("refuses a signed-out download and a bad filter before writing anything", async () => {
    expect((await download("format=csv", null)).status).toBe(401);
    const bad = await download("format=csv&accountId=prod");
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toBe("application/problem+json");
  });
});
