import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "../audit";
import { useTestDatabase } from "../testing/use-test-database";
import { changeUserRole } from "./change-user-role";
import { createLocalUser } from "./create-local-user";
import { AuthClient, makeAuth, TEST_AUTH_SECRET } from "./testing/auth-test-kit";
import { totpCode } from "./totp";

const database = useTestDatabase();
const secret = { authSecret: TEST_AUTH_SECRET };

describe("auth events in the audit trail", () => {
  it("every auth event also lands in the hash-chained trail, with who acted, on whom, from where", async () => {
    // Given an admin and a user, created without a signed-in actor (as the demo launcher does)
    const admin = await createLocalUser(database.db, { username: "trailadmin", role: "admin" }, secret);
    const user = await createLocalUser(database.db, { username: "trailuser", role: "viewer" }, secret);
    const { auth } = makeAuth(database.db);
    const client = new AuthClient(auth, "198.51.100.80");

    // When the user fails a password, then signs in, and the admin changes their role
    await client.post("/sign-in/username", { username: "trailuser", password: "wrong-password-x" });
    await client.post("/sign-in/username", { username: "trailuser", password: user.password });
    expect((await client.post("/two-factor/verify-totp", { code: totpCode(user.totpSecret) })).status).toBe(200);
    await changeUserRole(database.db, { userId: user.user.id, role: "auditor" }, { actorId: admin.user.id });

    // Then the trail holds one entry per AuthEvent, in order, and the chain verifies
    const entries = await database.db.auditEntry.findMany({ orderBy: { sequence: "asc" } });
    expect(entries).toHaveLength(await database.db.authEvent.count());
    const userId = user.user.id;
    expect(entries.map((e) => [e.action, e.actorType, e.actorName, e.targetId])).toEqual([
      ["user.created", "SYSTEM", "system", admin.user.id],
      ["user.created", "SYSTEM", "system", userId],
      ["auth.sign_in_failed", "ANONYMOUS", "trailuser", userId],
      ["auth.sign_in", "USER", "trailuser", userId],
      ["user.role_changed", "USER", "trailadmin", userId],
    ]);
    expect(entries[3]).toMatchObject({ actorId: userId, actorAuthMethod: "LOCAL", clientAddress: "198.51.100.80" });
    expect(entries[4]).toMatchObject({ actorId: admin.user.id, detail: { from: "viewer", to: "auditor" } });
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, count: 5n });
    // And no password, in either trail
    const dump = JSON.stringify(entries, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
    expect(dump).not.toContain(user.password);
    expect(dump).not.toContain("wrong-password-x");
  }, 60_000);
});
