import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type PrismaClient } from "../db";
import { useTestDatabase } from "../testing/use-test-database";
import type { AuthSettings } from "./auth-settings";
import { createLocalUser } from "./create-local-user";
import type { AuthLogger } from "./hook-context";
import { makeAuth, TEST_AUTH_SECRET } from "./testing/auth-test-kit";
import { HttpAuthClient, startAuthHttpServer, type AuthHttpServer } from "./testing/http-auth-server";
import { totpCode } from "./totp";

// Each attack is replayed over TCP through the production client-address stamping (lib/web) in
// front of better-auth, the way a browser or a script would reach Vigil.
const database = useTestDatabase();
let db: PrismaClient;
const servers: AuthHttpServer[] = [];
let counter = 0;
const uniqueName = (prefix: string) => `${prefix}${Date.now() % 100000}${counter++}`;

beforeAll(() => {
  // Bursts of 40 requests: more connections than the default test client.
  db = createDb(database.url, { maxConnections: 12 });
});
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await db?.$disconnect();
});

async function givenServer(overrides: Partial<AuthSettings> = {}, trustedProxies: string[] = [], logger?: AuthLogger) {
  const { auth } = makeAuth(db, overrides, logger);
  const server = await startAuthHttpServer(auth, trustedProxies);
  servers.push(server);
  return server;
}

async function givenLocalUser() {
  return createLocalUser(db, { username: uniqueName("atk"), role: "admin" }, { authSecret: TEST_AUTH_SECRET });
}

function wrongCodeFor(secret: string, offset: number): string {
  const right = Number(totpCode(secret));
  return String((right + 1 + offset) % 1_000_000).padStart(6, "0");
}

function capturingLogger() {
  const lines: Array<{ level: string; fields: Record<string, unknown>; message: string }> = [];
  const at = (level: string) => (fields: object, message: string) =>
    lines.push({ level, fields: fields as Record<string, unknown>, message });
  return { logger: { info: at("info"), warn: at("warn"), error: at("error") } satisfies AuthLogger, lines };
}

describe("sign-in attacks through the HTTP stack", () => {
  it("of 40 parallel wrong passwords only the threshold are checked; the rest are refused unevaluated", async () => {
    // Given
    const server = await givenServer();
    const created = await givenLocalUser();
    const attacker = new HttpAuthClient(server);
    // When
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        attacker.post("/sign-in/username", { username: created.user.username, password: `wrong-password-${index}` }),
      ),
    );
    // Then: five checked (401), 35 throttled before any password hashing
    expect(results.filter((result) => result.status === 401)).toHaveLength(5);
    expect(results.filter((result) => result.json.code === "SIGN_IN_THROTTLED")).toHaveLength(35);
    expect(await db.authEvent.count({ where: { userId: created.user.id, type: "SIGN_IN_FAILURE" } })).toBe(5);
    const throttle = await db.signInThrottle.findFirstOrThrow({ where: { userId: created.user.id } });
    expect(throttle).toMatchObject({ clientAddress: "127.0.0.1", failures: 5 });
  });

  it("of 30 parallel TOTP guesses after one correct password only the threshold are evaluated, and every one is counted", async () => {
    // Given someone who has the password
    const server = await givenServer();
    const created = await givenLocalUser();
    const attacker = new HttpAuthClient(server);
    expect(
      (await attacker.post("/sign-in/username", { username: created.user.username, password: created.password })).json.twoFactorRedirect,
    ).toBe(true);
    // When they fire 30 codes at the open challenge at once
    const guesses = Array.from({ length: 30 }, (_, index) => wrongCodeFor(created.totpSecret, index));
    const results = await Promise.all(guesses.map((code) => attacker.copy().post("/two-factor/verify-totp", { code })));
    // Then five were let through to be checked, each recorded; the rest never reached a check
    const throttled = results.filter((result) => result.json.code === "SIGN_IN_THROTTLED");
    expect(throttled).toHaveLength(25);
    expect(await db.authEvent.count({ where: { userId: created.user.id, type: "TOTP_FAILURE" } })).toBe(5);
    const throttle = await db.signInThrottle.findFirstOrThrow({ where: { userId: created.user.id } });
    expect(throttle.failures).toBe(5);
    // And the right code now waits too
    const late = await attacker.post("/two-factor/verify-totp", { code: totpCode(created.totpSecret) });
    expect(late.json.code).toBe("SIGN_IN_THROTTLED");
    expect(await db.session.count({ where: { userId: created.user.id } })).toBe(0);
  });

  it("30 parallel codes with the right one among them: at most the threshold are evaluated and at most one session", async () => {
    const server = await givenServer();
    const created = await givenLocalUser();
    const attacker = new HttpAuthClient(server);
    await attacker.post("/sign-in/username", { username: created.user.username, password: created.password });
    const codes = Array.from({ length: 30 }, (_, index) =>
      index === 15 ? totpCode(created.totpSecret) : wrongCodeFor(created.totpSecret, index),
    );
    const results = await Promise.all(codes.map((code) => attacker.copy().post("/two-factor/verify-totp", { code })));
    expect(results.filter((result) => result.json.code !== "SIGN_IN_THROTTLED").length).toBeLessThanOrEqual(5);
    expect(results.filter((result) => result.json.code === "SIGN_IN_THROTTLED").length).toBeGreaterThanOrEqual(25);
    const sessions = await db.session.count({ where: { userId: created.user.id } });
    expect(sessions).toBeLessThanOrEqual(1);
    const failures = await db.authEvent.count({ where: { userId: created.user.id, type: "TOTP_FAILURE" } });
    expect(failures + sessions).toBeLessThanOrEqual(5);
  });

  it("with no trusted proxy a forged X-Forwarded-For neither dodges the rate limit nor reaches the audit trail", async () => {
    // Given a login rate limit of 3 per minute per address
    const server = await givenServer({ loginRateLimitPerMinute: 3 });
    const attacker = new HttpAuthClient(server, "127.0.0.5");
    const statuses: number[] = [];
    // When every request claims another address, in both headers a client might try
    for (let attempt = 0; attempt < 6; attempt++) {
      const result = await attacker.post(
        "/sign-in/username",
        { username: "nobody.here", password: "wrong-password-1" },
        { "x-forwarded-for": `198.51.100.${attempt + 1}`, "x-vigil-client-ip": `192.0.2.${attempt + 1}` },
      );
      statuses.push(result.status);
    }
    // Then the socket address is the bucket: the fourth is refused
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
    const events = await db.authEvent.findMany({
      where: { username: "nobody.here", type: "SIGN_IN_FAILURE", ip: { not: null } },
      select: { ip: true },
    });
    expect(new Set(events.map((event) => event.ip))).toEqual(new Set(["127.0.0.5"]));
  });

  it("behind a trusted proxy the address it forwarded is the client", async () => {
    const server = await givenServer({ loginRateLimitPerMinute: 1 }, ["127.0.0.6"]);
    const proxy = new HttpAuthClient(server, "127.0.0.6");
    const first = await proxy.post(
      "/sign-in/username",
      { username: "proxied.user", password: "wrong-password-1" },
      { "x-forwarded-for": "1.1.1.1, 198.51.100.40" },
    );
    const second = await proxy.post(
      "/sign-in/username",
      { username: "proxied.user", password: "wrong-password-1" },
      { "x-forwarded-for": "198.51.100.41" },
    );
    expect([first.status, second.status]).toEqual([401, 401]);
    const ips = (await db.authEvent.findMany({ where: { username: "proxied.user" }, select: { ip: true } })).map((event) => event.ip);
    expect(ips.sort()).toEqual(["198.51.100.40", "198.51.100.41"]);
  });

  it("a known and an unknown username get identical answers, throttling included", async () => {
    const server = await givenServer();
    const created = await givenLocalUser();
    const answersFor = async (username: string, source: string) => {
      const client = new HttpAuthClient(server, source);
      const answers = [];
      for (let attempt = 0; attempt < 7; attempt++)
        answers.push(await client.post("/sign-in/username", { username, password: "wrong-password-xyz" }));
      return answers;
    };
    const known = await answersFor(created.user.username!, "127.0.0.7");
    const unknown = await answersFor(uniqueName("ghost"), "127.0.0.8");
    expect(unknown).toEqual(known);
    expect(known.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect(known[5]!.json).toMatchObject({ code: "SIGN_IN_THROTTLED", retryAfter: 30 });
  });

  it("a stranger's failures from one address never stop the owner signing in from another", async () => {
    // Given a stranger who hammered the account from 127.0.0.9 until throttled
    const server = await givenServer();
    const created = await givenLocalUser();
    const stranger = new HttpAuthClient(server, "127.0.0.9");
    for (let attempt = 0; attempt < 8; attempt++)
      await stranger.post("/sign-in/username", { username: created.user.username, password: "guess-guess-guess" });
    // When the owner signs in from 127.0.0.10
    const owner = new HttpAuthClient(server, "127.0.0.10");
    const password = await owner.post("/sign-in/username", { username: created.user.username, password: created.password });
    const result = await owner.post("/two-factor/verify-totp", { code: totpCode(created.totpSecret) });
    // Then the owner is in, while the stranger's address still waits
    expect(password.status).toBe(200);
    expect(result.status).toBe(200);
    expect(owner.hasSessionCookie()).toBe(true);
    expect((await stranger.post("/sign-in/username", { username: created.user.username, password: created.password })).json.code).toBe(
      "SIGN_IN_THROTTLED",
    );
  });

  it("failures piling up from many addresses raise one alert (event and error log), not a lock", async () => {
    // Given an alert at 6 failures; 3 addresses fail twice each, below their own threshold
    const { logger, lines } = capturingLogger();
    const server = await givenServer({ lockout: { threshold: 5, lockMinutes: 15, firstDelaySeconds: 30, alertFailures: 6 } }, [], logger);
    const created = await givenLocalUser();
    for (const source of ["127.0.0.11", "127.0.0.12", "127.0.0.13"]) {
      const client = new HttpAuthClient(server, source);
      for (let attempt = 0; attempt < 2; attempt++) {
        await client.post("/sign-in/username", { username: created.user.username, password: "wrong-password-abc" });
      }
    }
    // Then one alert, with an error-level log line
    const alerts = await db.authEvent.findMany({ where: { userId: created.user.id, type: "SIGN_IN_ALERT" } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.detail).toMatchObject({ failures: 6, addresses: 3 });
    expect(lines.filter((line) => line.level === "error" && line.fields.event === "sign_in_alert")).toHaveLength(1);
    // And the owner still signs in from yet another address
    const owner = new HttpAuthClient(server, "127.0.0.14");
    await owner.post("/sign-in/username", { username: created.user.username, password: created.password });
    expect((await owner.post("/two-factor/verify-totp", { code: totpCode(created.totpSecret) })).status).toBe(200);
  });
});
