import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, otpauthUri, totpCode } from "./totp";

describe("totp", () => {
  it("matches the RFC 6238 SHA-1 test vectors (last six digits)", () => {
    const secret = base32Encode(Buffer.from("12345678901234567890"));
    expect(totpCode(secret, new Date(59_000))).toBe("287082");
    expect(totpCode(secret, new Date(1_111_111_109_000))).toBe("081804");
    expect(totpCode(secret, new Date(20_000_000_000_000))).toBe("353130");
  });

  it("base32 round-trips", () => {
    const bytes = Buffer.from("any bytes at all \u00ff");
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
  });

  it("builds an otpauth URI for authenticator apps", () => {
    const uri = new URL(otpauthUri("abc", "alice"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("issuer")).toBe("Vigil");
    expect(uri.searchParams.get("secret")).toBe(base32Encode(Buffer.from("abc")));
  });
});
