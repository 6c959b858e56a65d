import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSilentTcpServer, type SilentTcpServer } from "../testing/silent-tcp-server";
import { useTestDatabase } from "../testing/use-test-database";
import type { OidcSettings } from "./auth-settings";
import { CLIENT_ADDRESS_HEADER } from "../client-address";
import { createLocalUser } from "./create-local-user";
import { parseRoleMap } from "./role-map";
import { AuthClient, makeAuth, TEST_AUTH_SECRET } from "./testing/auth-test-kit";
import { totpCode } from "./totp";
import { validateOidcUser } from "./validate-oidc-user";

const database = useTestDatabase();

const makeOidc = (issuer: string, overrides: Partial<OidcSettings> = {}): OidcSettings => ({
  issuer,
  clientId: "vigil",
  clientSecret: "client-secret",
  scopes: ["openid", "email", "profile", "groups"],
  groupsClaim: "groups",
  roleMap: parseRoleMap("vigil-admins=admin,vigil-viewers=viewer"),
  defaultRole: undefined,
  providerName: "Test IdP",
  ...overrides,
});

type Validate = ReturnType<typeof validateOidcUser>;
const oauthSource = (action: "create-user" | "sign-in", profile: Record<string, unknown>) =>
  ({ method: "oauth", action, oauth: { providerId: "oidc", profile } }) as Parameters<Validate>[0]["source"];
const endpointContext = { headers: new Headers({ [CLIENT_ADDRESS_HEADER]: "198.51.100.1" }) } as Parameters<Validate>[1];

describe("OIDC role mapping", () => {
  it("lets in a user whose group maps to a role", async () => {
    const validate = validateOidcUser(database.db, makeOidc("http://127.0.0.1:1"));
    const result = await validate(
      { user: { email: "alice@example.com" }, source: oauthSource("create-user", { sub: "a", groups: ["vigil-admins"] }) },
      endpointContext,
    );
    expect(result).toBeUndefined();
  });

  it("refuses a user in no mapped group with a clear reason, and records it", async () => {
    const validate = validateOidcUser(database.db, makeOidc("http://127.0.0.1:1"));
    const result = await validate(
      { user: { email: "mallory@example.com" }, source: oauthSource("create-user", { sub: "m", groups: ["sales"] }) },
      endpointContext,
    );
    expect(result).toMatchObject({ error: "NO_VIGIL_ROLE" });
    const event = await database.db.authEvent.findFirst({ where: { username: "mallory@example.com" } });
    expect(event).toMatchObject({ type: "SIGN_IN_FAILURE", method: "OIDC", ip: "198.51.100.1" });
    expect(event?.detail).toMatchObject({ groups: ["sales"] });
  });

  it("lets in anyone with OIDC_DEFAULT_ROLE set", async () => {
    const validate = validateOidcUser(database.db, makeOidc("http://127.0.0.1:1", { defaultRole: "viewer" }));
    const result = await validate(
      { user: { email: "carol@example.com" }, source: oauthSource("create-user", { sub: "c", groups: [] }) },
      endpointContext,
    );
    expect(result).toBeUndefined();
  });

  it("records a role change when the IdP groups of a returning user changed", async () => {
    const existing = await database.db.user.create({ data: { name: "Dan", email: "dan@example.com", role: "VIEWER" } });
    const validate = validateOidcUser(database.db, makeOidc("http://127.0.0.1:1"));
    await validate(
      { user: { id: existing.id, email: existing.email }, source: oauthSource("sign-in", { sub: "d", groups: ["vigil-admins"] }) },
      endpointContext,
    );
    const event = await database.db.authEvent.findFirst({ where: { userId: existing.id, type: "ROLE_CHANGED" } });
    expect(event?.detail).toMatchObject({ from: "viewer", to: "admin", reason: "IdP groups" });
  });

  it("never lets an IdP identity into a local break-glass account", async () => {
    const local = await createLocalUser(database.db, { username: "bg.local", role: "admin" }, { authSecret: TEST_AUTH_SECRET });
    const validate = validateOidcUser(database.db, makeOidc("http://127.0.0.1:1"));
    const result = await validate(
      { user: { id: local.user.id, email: local.user.email }, source: oauthSource("sign-in", { sub: "x", groups: ["vigil-admins"] }) },
      endpointContext,
    );
    expect(result).toMatchObject({ error: "LOCAL_ACCOUNT" });
  });
});

describe("IdP outage", () => {
  let blackHole: SilentTcpServer;
  let closedPort = 0;

  beforeAll(async () => {
    // Accepts connections and never answers: the worst kind of dead IdP.
    blackHole = await startSilentTcpServer();
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    closedPort = (probe.address() as net.AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
  });
  afterAll(async () => {
    await blackHole.close();
  });

  it("local sign-in works at once while the issuer hangs", async () => {
    // Given: OIDC configured against an issuer that never answers
    const { auth } = makeAuth(database.db, { oidc: makeOidc(blackHole.url) });
    const created = await createLocalUser(database.db, { username: "bg.outage", role: "admin" }, { authSecret: TEST_AUTH_SECRET });
    const client = new AuthClient(auth);
    // When
    await client.post("/sign-in/username", { username: created.user.username, password: created.password });
    const result = await client.post("/two-factor/verify-totp", { code: totpCode(created.totpSecret) });
    // Then: signed in, and no request ever went to the issuer (one would have hung)
    expect(result.status).toBe(200);
    expect(client.hasSessionCookie()).toBe(true);
    expect(blackHole.connectionCount()).toBe(0);
  });

  it("the SSO button fails with a clear message when the issuer is unreachable", async () => {
    const { auth } = makeAuth(database.db, { oidc: makeOidc(`http://127.0.0.1:${closedPort}`) });
    const client = new AuthClient(auth);
    const result = await client.post("/sign-in/social", { provider: "oidc", callbackURL: "/" });
    expect(result.json.code).toBe("SSO_UNAVAILABLE");
    expect(String(result.json.message)).toMatch(/local break-glass account/);
  });
});
