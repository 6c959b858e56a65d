import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../db";
import { useTestDatabase } from "../testing/use-test-database";
import { parseRoleMap } from "./role-map";
import { AuthClient, makeAuth, TEST_BASE_URL } from "./testing/auth-test-kit";

const database = useTestDatabase();
const CLIENT = { clientId: "vigil", clientSecret: "client-secret-for-the-token-test" };
const ALICE = { sub: "alice", email: "alice@example.com", groups: ["vigil-admins"] };

let idp: ChildProcess;
let issuer = "";

beforeAll(async () => {
  // The real OpenID Provider the e2e run uses (panva/oidc-provider): it issues access and ID tokens.
  const port = await findFreePort();
  issuer = `http://127.0.0.1:${port}`;
  const config = {
    port,
    ...CLIENT,
    redirectUri: `${TEST_BASE_URL}/api/auth/callback/oidc`,
    accounts: { [ALICE.sub]: { email: ALICE.email, name: "Alice", groups: ALICE.groups } },
  };
  idp = spawn(process.execPath, [path.resolve("e2e/support/oidc-server.mjs"), JSON.stringify(config)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = once(idp, "exit").then(([code]) => {
    throw new Error(`the OIDC provider exited (code ${String(code)}) before it was ready`);
  });
  // Listened to, not iterated: ending an iteration would close the pipe under the provider.
  const ready = new Promise<void>((resolve) => idp.stdout!.on("data", (chunk: Buffer) => String(chunk).includes("ready") && resolve()));
  await Promise.race([ready, exited]);
  // From here on an exit is afterAll's doing.
  exited.catch(() => {});
});
afterAll(() => {
  idp?.kill();
});

/** The browser's part at the IdP: follow redirects, sign in as `login`, return the callback URL. */
async function signInAtIdp(authorizationUrl: string, login: string): Promise<string> {
  const jar = new Map<string, string>();
  const send = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
      signal: AbortSignal.timeout(10_000),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      jar.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
    }
    return response;
  };
  let url = authorizationUrl;
  for (let hop = 0; hop < 10; hop += 1) {
    if (url.startsWith(TEST_BASE_URL)) return url;
    const response = await send(url);
    const location = response.headers.get("location");
    if (location) {
      url = new URL(location, url).href;
      continue;
    }
    // The provider's login form (devInteractions): POST back to the interaction URL.
    await response.text();
    const submitted = await send(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ prompt: "login", login, password: "any" }).toString(),
    });
    url = new URL(submitted.headers.get("location") ?? "", url).href;
  }
  throw new Error(`no redirect back to ${TEST_BASE_URL} from the IdP`);
}

describe("OIDC tokens at rest", () => {
  it("after SSO sign-ins the account row holds no IdP token", async () => {
    // Given Vigil configured with the IdP
    const { auth } = makeAuth(database.db, {
      oidc: {
        issuer,
        ...CLIENT,
        scopes: ["openid", "email", "profile", "groups"],
        groupsClaim: "groups",
        roleMap: parseRoleMap("vigil-admins=admin"),
        defaultRole: undefined,
        providerName: "Test IdP",
      },
    });
    const signIn = async () => {
      const browser = new AuthClient(auth);
      const started = await browser.post("/sign-in/social", { provider: "oidc", callbackURL: "/" });
      expect(started.status, JSON.stringify(started.json)).toBe(200);
      const callback = await signInAtIdp(String(started.json.url), ALICE.sub);
      const finished = await auth.handler(new Request(callback, { headers: browser.headers() }));
      expect(finished.status, await finished.clone().text()).toBe(302);
      expect(finished.headers.getSetCookie().some((cookie) => /session_token=[^;]+/.test(cookie))).toBe(true);
    };

    // When alice signs in through SSO, and again later (the second sign-in updates the row)
    await signIn();
    await signIn();

    // Then she is signed in as admin, and her IdP account row keeps the link but no token
    const user = await database.db.user.findFirstOrThrow({ where: { email: ALICE.email }, select: { id: true, role: true } });
    expect(user.role).toBe("ADMIN");
    const account = await database.db.account.findFirstOrThrow({ where: { userId: user.id, providerId: "oidc" } });
    expect(account.accountId).toBe(ALICE.sub);
    expect({
      accessToken: account.accessToken,
      refreshToken: account.refreshToken,
      idToken: account.idToken,
      accessTokenExpiresAt: account.accessTokenExpiresAt,
    }).toEqual({ accessToken: null, refreshToken: null, idToken: null, accessTokenExpiresAt: null });
  });
});
