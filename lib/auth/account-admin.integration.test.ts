import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../testing/use-test-database";
import { changeUserRole } from "./change-user-role";
import { createLocalUser } from "./create-local-user";
import { findUsers } from "./find-users";
import { resetTotp } from "./reset-totp";
import { AuthClient, makeAuth, TEST_AUTH_SECRET } from "./testing/auth-test-kit";
import { totpCode } from "./totp";
import { unlockUser } from "./unlock-user";

const database = useTestDatabase();
const secret = { authSecret: TEST_AUTH_SECRET };
let counter = 0;
const uniqueName = (prefix: string) => `${prefix}${Date.now() % 100000}${counter++}`;

async function signIn(client: AuthClient, username: string, password: string, totpSecret: string) {
  await client.post("/sign-in/username", { username, password });
  return client.post("/two-factor/verify-totp", { code: totpCode(totpSecret) });
}

describe("account administration", () => {
  it("created users are listed without secrets", async () => {
    const created = await createLocalUser(database.db, { username: uniqueName("list"), role: "auditor" }, secret);
    const listed = (await findUsers(database.db)).find((user) => user.id === created.user.id);
    expect(listed).toMatchObject({ role: "auditor", method: "LOCAL", isTotpEnrolled: true });
    expect(JSON.stringify(listed)).not.toContain(created.password);
  });

  it("a TOTP reset revokes sessions, voids the old secret and the new one works", async () => {
    // Given a signed-in local user
    const { auth } = makeAuth(database.db);
    const created = await createLocalUser(database.db, { username: uniqueName("reset"), role: "viewer" }, secret);
    expect((await signIn(new AuthClient(auth), created.user.username!, created.password, created.totpSecret)).status).toBe(200);
    // When an admin resets the TOTP
    const reset = await resetTotp(database.db, { userId: created.user.id }, { ...secret, actorId: "admin-1" });
    // Then
    expect(await database.db.session.count({ where: { userId: created.user.id } })).toBe(0);
    expect((await signIn(new AuthClient(auth), created.user.username!, created.password, created.totpSecret)).status).toBe(401);
    expect((await signIn(new AuthClient(auth), created.user.username!, created.password, reset.totpSecret)).status).toBe(200);
    const event = await database.db.authEvent.findFirst({ where: { userId: created.user.id, type: "TOTP_RESET" } });
    expect(event).toMatchObject({ actorId: "admin-1" });
    expect(JSON.stringify(event)).not.toContain(reset.totpSecret);
  });

  it("a role change is recorded with the change, and the last admin cannot be demoted", async () => {
    await database.db.user.updateMany({ where: { role: "ADMIN" }, data: { role: "VIEWER" } });
    const admin = await createLocalUser(database.db, { username: uniqueName("lastadmin"), role: "admin" }, secret);
    await expect(changeUserRole(database.db, { userId: admin.user.id, role: "viewer" })).rejects.toThrow(/last admin/);
    const other = await createLocalUser(database.db, { username: uniqueName("other"), role: "viewer" }, secret);
    await changeUserRole(database.db, { userId: other.user.id, role: "approver" }, { actorId: admin.user.id });
    const event = await database.db.authEvent.findFirst({ where: { userId: other.user.id, type: "ROLE_CHANGED" } });
    expect(event?.detail).toEqual({ from: "viewer", to: "approver" });
    expect(event?.actorId).toBe(admin.user.id);
  });

  it("an unlock (admin page, `vigil user unlock`) lifts the delays on every address", async () => {
    // Given an account delayed from two addresses
    const { auth } = makeAuth(database.db, { lockout: { threshold: 2, lockMinutes: 15, firstDelaySeconds: 30, alertFailures: 20 } });
    const created = await createLocalUser(database.db, { username: uniqueName("locked"), role: "viewer" }, secret);
    for (const address of ["198.51.100.61", "198.51.100.62"]) {
      const client = new AuthClient(auth, address);
      for (let i = 0; i < 2; i++) await client.post("/sign-in/username", { username: created.user.username, password: "wrong-password-x" });
    }
    const refused = await new AuthClient(auth, "198.51.100.61").post("/sign-in/username", {
      username: created.user.username,
      password: created.password,
    });
    expect(refused.json.code).toBe("SIGN_IN_THROTTLED");
    expect((await findUsers(database.db)).find((user) => user.id === created.user.id)).toMatchObject({ failedLoginCount: 4 });
    // When, by username as the CLI does
    const unlocked = await unlockUser(database.db, { username: created.user.username! }, { actorId: "admin-1" });
    // Then
    expect(unlocked).toEqual({ username: created.user.username, clearedAddresses: 2 });
    expect(await database.db.signInThrottle.count({ where: { userId: created.user.id } })).toBe(0);
    expect(await database.db.authEvent.findFirst({ where: { userId: created.user.id, type: "ACCOUNT_UNLOCKED" } })).toMatchObject({
      actorId: "admin-1",
      detail: { clearedAddresses: 2 },
    });
    expect((await signIn(new AuthClient(auth, "198.51.100.61"), created.user.username!, created.password, created.totpSecret)).status).toBe(
      200,
    );
  });

  it("a TOTP reset also lifts the sign-in delays", async () => {
    const { auth } = makeAuth(database.db, { lockout: { threshold: 2, lockMinutes: 15, firstDelaySeconds: 30, alertFailures: 20 } });
    const created = await createLocalUser(database.db, { username: uniqueName("resetlock"), role: "viewer" }, secret);
    const client = new AuthClient(auth);
    for (let i = 0; i < 2; i++) await client.post("/sign-in/username", { username: created.user.username, password: "wrong-password-x" });
    expect((await client.post("/sign-in/username", { username: created.user.username, password: created.password })).json.code).toBe(
      "SIGN_IN_THROTTLED",
    );
    const reset = await resetTotp(database.db, { username: created.user.username! }, secret);
    expect((await signIn(new AuthClient(auth), created.user.username!, created.password, reset.totpSecret)).status).toBe(200);
  });
});
