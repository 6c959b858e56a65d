import { describe, expect, it } from "vitest";
import { buildSecurityHeaders } from "./build-security-headers";
import { createNonce } from "./create-nonce";

const directives = (csp: string | undefined) => new Map((csp ?? "").split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("security headers", () => {
  it("scripts run only with this response's nonce, and no page can frame Vigil", () => {
    const csp = directives(buildSecurityHeaders({ nonce: "abc123", isHttps: false, isDevelopment: false })["Content-Security-Policy"]);
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
  });

  it("HSTS and upgrade-insecure-requests are sent only when the public origin is https", () => {
    const http = buildSecurityHeaders({ nonce: "n", isHttps: false, isDevelopment: false });
    const https = buildSecurityHeaders({ nonce: "n", isHttps: true, isDevelopment: false });
    expect(http["Strict-Transport-Security"]).toBeUndefined();
    expect(https["Strict-Transport-Security"]).toMatch(/^max-age=31536000; includeSubDomains$/);
    expect(directives(https["Content-Security-Policy"]).has("upgrade-insecure-requests")).toBe(true);
  });

  it("eval is allowed only in development", () => {
    const dev = buildSecurityHeaders({ nonce: "n", isHttps: false, isDevelopment: true });
    const prod = buildSecurityHeaders({ nonce: "n", isHttps: false, isDevelopment: false });
    expect(dev["Content-Security-Policy"]).toContain("'unsafe-eval'");
    expect(prod["Content-Security-Policy"]).not.toContain("'unsafe-eval'");
  });

  it("every nonce is new and carries 128 bits", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
