import type { PrismaClient } from "../../db";
import type { AuthSettings } from "../auth-settings";
import { CLIENT_ADDRESS_HEADER } from "../../client-address";
import { createAuth, type VigilAuth } from "../create-auth";
import type { AuthLogger } from "../hook-context";

export const TEST_BASE_URL = "http://localhost:3999";
export const TEST_AUTH_SECRET = "test-secret-0123456789abcdefghijklmnopqrstuvwxyz";

export function makeAuthSettings(overrides: Partial<AuthSettings> = {}): AuthSettings {
  return {
    baseUrl: TEST_BASE_URL,
    secret: TEST_AUTH_SECRET,
    isSecureCookies: false,
    lockout: { threshold: 5, lockMinutes: 15, firstDelaySeconds: 30, alertFailures: 20 },
    sessionMaxHours: 12,
    sessionIdleMinutes: 60,
    loginRateLimitPerMinute: 1000,
    oidc: null,
    ...overrides,
  };
}

/**
 * A tiny cookie jar over better-auth's handler, as a browser on TEST_BASE_URL would use it, called
 * in-process with the client address Vigil's web server would have resolved (for attacks on the
 * address resolution itself, see http-test-server.ts).
 */
export class AuthClient {
  private readonly cookies = new Map<string, string>();

  constructor(
    readonly auth: VigilAuth,
    private readonly clientIp = "203.0.113.7",
    private readonly baseUrl = TEST_BASE_URL,
  ) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  headers(extra: Record<string, string> = {}): Headers {
    const headers = new Headers({ origin: this.baseUrl, "user-agent": "vitest", [CLIENT_ADDRESS_HEADER]: this.clientIp, ...extra });
    if (this.cookies.size) headers.set("cookie", this.cookieHeader);
    return headers;
  }

  async post(path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
    const response = await this.auth.handler(
      new Request(`${this.baseUrl}/api/auth${path}`, {
        method: "POST",
        headers: this.headers({ "content-type": "application/json" }),
        body: JSON.stringify(body),
      }),
    );
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const separator = pair!.indexOf("=");
      const name = pair!.slice(0, separator);
      const value = pair!.slice(separator + 1);
      if (!value || /max-age=0/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }

  hasSessionCookie(): boolean {
    return [...this.cookies.keys()].some((name) => name.endsWith("session_token"));
  }
}

export function makeAuth(db: PrismaClient, overrides: Partial<AuthSettings> = {}, logger?: AuthLogger) {
  const settings = makeAuthSettings(overrides);
  return { auth: createAuth(db, settings, logger), settings };
}
