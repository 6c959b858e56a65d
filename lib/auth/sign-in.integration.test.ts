import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../testing/use-test-database";
import { createLocalUser } from "./create-local-user";
import { readSession } from "./read-session";
import { resetTotp } from "./reset-totp";
import type { AuthLogger } from "./hook-context";
import { AuthClient, makeAuth, TEST_AUTH_SECRET } from "./testing/auth-test-kit";
import { totpCode } from "./totp";

const database = useTestDatabase();
let counter = 0;
const uniqueName = (prefix: string) => `${prefix}${Date.now() % 100000}${counter++}`;

async function givenLocalUser(role: "viewer" | "admin" = "viewer") {
  return createLocalUser(database.db, { username: uniqueName("u"), role }, { authSecret: TEST_AUTH_SECRET });
}

function capturingLogger() {
  const lines: Array<{ level: string; fields: Record<string, unknown>; message: string }> = [];
  const at = (level: string) => (fields: object, message: string) =>
    lines.push({ level, fields: fields as Record<string, unknown>, message });
  return { logger: { info: at("info"), warn: at("warn"), error: at("error") } satisfies AuthLogger, lines };
}

const throttleOf = (userId: string, clientAddress = "203.0.113.7") =>
  database.db.signInThrottle.findFirst({ where: { userId, clientAddress } });

describe("local sign-in", () => {
  it("a local user signs in with password and a valid TOTP code and gets a session", async () => {
    // Given
    const { auth, settings } = makeAuth(database.db);
    const created = await givenLocalUser("admin");
    const client = new AuthClient(auth);
    // When
    const first = await client.post("/sign-in/username", { username: created.user.username, password: created.password });
    // Then: the password alone yields no session, only a TOTP challenge
    expect(first.status).toBe(200);
    expect(first.json.twoFactorRedirect).toBe(true);
    expect(client.hasSessionCookie()).toBe(false);
    expect(await database.db.session.count({ where: { userId: created.user.id } })).toBe(0);
    // When
    const second = await client.post("/two-factor/verify-totp", { code: totpCode(created.totpSecret) });
    // Then
    expect(second.status).toBe(200);
    expect(client.hasSessionCookie()).toBe(true);
    const session = await readSession(database.db, auth, settings, client.headers());
    expect(session?.user).toMatchObject({ id: created.user.id, role: "admin", method: "LOCAL" });
    const events = await database.db.authEvent.findMany({ where: { userId: created.user.id }, orderBy: { at: "asc" } });
    expect(events.map((event) => event.type)).toEqual(["USER_CREATED", "SIGN_IN_SUCCESS"]);
    expect(events[1]).toMatchObject({ ip: "203.0.113.7", userAgent: "vitest", method: "LOCAL" });
  });

  it("a wrong TOTP code is refused and gives no session", async () => {
    const { auth } = makeAuth(database.db);
    const created = await givenLocalUser();
    const client = new AuthClient(auth);
    await client.post("/sign-in/username", { username: created.user.username, password: created.password });
    const wrong = String((Number(totpCode(created.totpSecret)) + 1) % 1_000_000).padStart(6, "0");
    const result = await client.post("/two-factor/verify-totp", { code: wrong });
    expect(result.status).toBe(401);
    expect(result.json.code).toBe("INVALID_CODE");
    expect(client.hasSessionCookie()).toBe(false);
    const failure = await database.db.authEvent.findFirst({ where: { userId: created.user.id, type: "TOTP_FAILURE" } });
    expect(failure?.detail).toMatchObject({ reason: "wrong TOTP code", failedCount: 1 });
  });

  it("a TOTP code that already signed someone in is refused the second time, with its own message and log line", async () => {
    // Given a user who signed in with the current code
    const { logger, lines } = capturingLogger();
    const { auth } = makeAuth(database.db, {}, logger);
    const created = await givenLocalUser();
    const credentials = { username: created.user.username, password: created.password };
    const now = Date.now();
    const code = totpCode(created.totpSecret, new Date(now));
    const previous = totpCode(created.totpSecret, new Date(now - 30_000));
    const next = totpCode(created.totpSecret, new Date(now + 30_000));
    const owner = new AuthClient(auth);
    await owner.post("/sign-in/username", credentials);
    expect((await owner.post("/two-factor/verify-totp", { code })).status).toBe(200);
    // When someone who has the password replays that code, still inside its validity window
    const replayer = new AuthClient(auth, "198.51.100.23");
    await replayer.post("/sign-in/username", credentials);
    const replay = await replayer.post("/two-factor/verify-totp", { code });
    // Then it is refused as a replay, not as a wrong code, counted towards the throttle and recorded
    expect(replay.status).toBe(401);
    expect(replay.json).toMatchObject({ code: "TOTP_CODE_REPLAYED" });
    expect(String(replay.json.message)).toMatch(/already used/);
    expect(replayer.hasSessionCookie()).toBe(false);
    const failure = await database.db.authEvent.findFirst({ where: { userId: created.user.id, type: "TOTP_FAILURE" } });
    expect(failure).toMatchObject({ ip: "198.51.100.23", detail: { reason: "replayed TOTP code", failedCount: 1 } });
    const replayLines = lines.filter((line) => line.fields.event === "totp_replayed");
    expect(replayLines).toHaveLength(1);
    expect(replayLines[0]).toMatchObject({ level: "warn", fields: { userId: created.user.id, ip: "198.51.100.23" } });
    expect(lines.some((line) => line.fields.event === "totp_wrong")).toBe(false);
    // And so is the previous step's code, though better-auth's window would still take it
    expect((await replayer.post("/two-factor/verify-totp", { code: previous })).json.code).toBe("TOTP_CODE_REPLAYED");
    // But the next step's code, never used, signs in
    expect((await replayer.post("/two-factor/verify-totp", { code: next })).status).toBe(200);
    expect(replayer.hasSessionCookie()).toBe(true);
    expect(await database.db.session.count({ where: { userId: created.user.id } })).toBe(2);
  });

  it("of two concurrent submissions of the same code only one gets a session", async () => {
    const { auth } = makeAuth(database.db);
    const created = await givenLocalUser();
    const client = new AuthClient(auth);
    await client.post("/sign-in/username", { username: created.user.username, password: created.password });
    const code = totpCode(created.totpSecret);
    const results = await Promise.all([client.post("/two-factor/verify-totp", { code }), client.post("/two-factor/verify-totp", { code })]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 401]);
    expect(await database.db.session.count({ where: { userId: created.user.id } })).toBe(1);
  });

  it("a user has one open TOTP challenge: a newer correct password voids the older challenge", async () => {
    // Given two password steps for the same user, one after the other
    const { auth } = makeAuth(database.db);
    const created = await givenLocalUser();
    const credentials = { username: created.user.username, password: created.password };
    const older = new AuthClient(auth, "198.51.100.31");
    const newer = new AuthClient(auth, "198.51.100.32");
    await older.post("/sign-in/username", credentials);
    await newer.post("/sign-in/username", credentials);
    // When the older challenge is answered with the right code
    const stale = await older.post("/two-factor/verify-totp", { code: totpCode(created.totpSecret) });
    // Then it is gone; the newer one still works
    expect(stale.status).toBe(401);
    expect(stale.json.code).toBe("INVALID_TWO_FACTOR_COOKIE");
    const next = totpCode(created.totpSecret, new Date(Date.now() + 30_000));
    expect((await newer.post("/two-factor/verify-totp", { code: next })).status).toBe(200);
  });

  it("after a TOTP reset the new secret's current code is accepted", async () => {
    // Given a user who signed in with the current code of their old secret
    const { auth } = makeAuth(database.db);
    const created = await givenLocalUser();
    const credentials = { username: created.user.username, password: created.password };
    const before = new AuthClient(auth);
    await before.post("/sign-in/username", credentials);
    expect((await before.post("/two-factor/verify-totp", { code: totpCode(created.totpSecret) })).status).toBe(200);
    // When an admin resets their TOTP
    const reset = await resetTotp(database.db, { userId: created.user.id }, { authSecret: TEST_AUTH_SECRET });
    // Then the new secret's code for the same time step signs in
    const after = new AuthClient(auth);
    await after.post("/sign-in/username", credentials);
    expect((await after.post("/two-factor/verify-totp", { code: totpCode(reset.totpSecret) })).status).toBe(200);
  });

  it("a wrong password is refused with the generic message and counted for the client's address", async () => {
    const { auth } = makeAuth(database.db);
    const created = await givenLocalUser();
    const client = new AuthClient(auth);
    const result = await client.post("/sign-in/username", { username: created.user.username, password: "not-the-password" });
    expect(result.status).toBe(401);
    expect(result.json.code).toBe("INVALID_USERNAME_OR_PASSWORD");
    expect(await throttleOf(created.user.id)).toMatchObject({ failures: 1, blockedUntil: null });
  });

  it("password and TOTP failures count together: the fifth delays that address, even for the right password", async () => {
    // Given
    const { auth } = makeAuth(database.db);
    const created = await givenLocalUser();
    const client = new AuthClient(auth);
    const wrongCode = "000000" === totpCode(created.totpSecret) ? "111111" : "000000";
    // When: three wrong passwords, then the right password (not counted) and two wrong codes
    for (let attempt = 0; attempt < 3; attempt++) {
      await client.post("/sign-in/username", { username: created.user.username, password: "wrong-password-123" });
    }
    await client.post("/sign-in/username", { username: created.user.username, password: created.password });
    expect((await client.post("/two-factor/verify-totp", { code: wrongCode })).json.code).toBe("INVALID_CODE");
    expect((await client.post("/two-factor/verify-totp", { code: wrongCode })).json.code).toBe("INVALID_CODE");
    // Then the next attempt from this address waits, whatever it carries
    const delayed = await client.post("/sign-in/username", { username: created.user.username, password: created.password });
    expect(delayed.status).toBe(429);
    expect(delayed.json).toMatchObject({ code: "SIGN_IN_THROTTLED", retryAfter: 30 });
    const throttle = await throttleOf(created.user.id);
    expect(throttle?.failures).toBe(5);
    expect(throttle!.blockedUntil!.getTime()).toBeGreaterThan(Date.now() + 25_000);
    expect(await database.db.authEvent.count({ where: { userId: created.user.id, type: "LOCKOUT" } })).toBe(1);
    expect(client.hasSessionCookie()).toBe(false);
  });

  it("a complete sign-in clears the address's failure count", async () => {
    const { auth } = makeAuth(database.db);
    const created = await givenLocalUser();
    const client = new AuthClient(auth);
    await client.post("/sign-in/username", { username: created.user.username, password: "wrong-password-123" });
    await client.post("/sign-in/username", { username: created.user.username, password: created.password });
    await client.post("/two-factor/verify-totp", { code: totpCode(created.totpSecret) });
    expect(await throttleOf(created.user.id)).toBeNull();
  });

  it("a local user without TOTP enrolled never gets a session", async () => {
    // Given: an account whose TOTP enrolment was removed behind Vigil's back
    const { auth } = makeAuth(database.db);
    const created = await givenLocalUser();
    await database.db.twoFactor.deleteMany({ where: { userId: created.user.id } });
    await database.db.user.update({ where: { id: created.user.id }, data: { twoFactorEnabled: false } });
    const client = new AuthClient(auth);
    // When
    const result = await client.post("/sign-in/username", { username: created.user.username, password: created.password });
    // Then
    expect(result.status).toBe(403);
    expect(result.json.code).toBe("TOTP_REQUIRED");
    expect(client.hasSessionCookie()).toBe(false);
    expect(await database.db.session.count({ where: { userId: created.user.id } })).toBe(0);
  });

  it("asking to trust the device is refused", async () => {
    const { auth } = makeAuth(database.db);
    const created = await givenLocalUser();
    const client = new AuthClient(auth);
    await client.post("/sign-in/username", { username: created.user.username, password: created.password });
    const result = await client.post("/two-factor/verify-totp", { code: totpCode(created.totpSecret), trustDevice: true });
    expect(result.status).toBe(400);
    expect(client.hasSessionCookie()).toBe(false);
  });

  it("endpoints Vigil does not use are closed", async () => {
    const { auth } = makeAuth(database.db);
    const client = new AuthClient(auth);
    const signUp = await client.post("/sign-up/email", { email: "x@example.com", password: "password-password-1", name: "x" });
    expect(signUp.status).toBe(404);
    const disable = await client.post("/two-factor/disable", { password: "whatever" });
    expect(disable.status).toBe(404);
  });

  it("sign-out revokes the session and is recorded", async () => {
    const { auth, settings } = makeAuth(database.db);
    const created = await givenLocalUser();
    const client = new AuthClient(auth);
    await client.post("/sign-in/username", { username: created.user.username, password: created.password });
    await client.post("/two-factor/verify-totp", { code: totpCode(created.totpSecret) });
    const headersBefore = client.headers();
    await client.post("/sign-out", {});
    expect(await readSession(database.db, auth, settings, headersBefore)).toBeNull();
    expect(await database.db.session.count({ where: { userId: created.user.id } })).toBe(0);
    expect(await database.db.authEvent.count({ where: { userId: created.user.id, type: "SIGN_OUT" } })).toBe(1);
  });

  it("sign-in attempts are rate limited per client address", async () => {
    const { auth } = makeAuth(database.db, { loginRateLimitPerMinute: 2 });
    const client = new AuthClient(auth, "198.51.100.99");
    const attempt = () => client.post("/sign-in/username", { username: "nobody.here", password: "wrong-password-1" });
    expect((await attempt()).status).toBe(401);
    expect((await attempt()).status).toBe(401);
    expect((await attempt()).status).toBe(429);
    const elsewhere = new AuthClient(auth, "198.51.100.100");
    expect((await elsewhere.post("/sign-in/username", { username: "nobody.here", password: "x-wrong-password" })).status).toBe(401);
  });

  it("an idle session expires", async () => {
    const { auth, settings } = makeAuth(database.db, { sessionIdleMinutes: 30 });
    const created = await givenLocalUser();
    const client = new AuthClient(auth);
    await client.post("/sign-in/username", { username: created.user.username, password: created.password });
    await client.post("/two-factor/verify-totp", { code: totpCode(created.totpSecret) });
    const later = new Date(Date.now() + 31 * 60_000);
    expect(await readSession(database.db, auth, settings, client.headers(), later)).toBeNull();
  });
});
