import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, matchTotpStep, otpauthUri, totpCode, totpStepAt } from "./totp";

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

  describe("matchTotpStep", () => {
    const key = Buffer.from("12345678901234567890");
    const secret = base32Encode(key);
    const now = new Date(1_111_111_109_000);
    const step = totpStepAt(now);
    const codeFor = (offset: number) => totpCode(secret, new Date(now.getTime() + offset * 30_000));

    it("finds the step of a code in the window better-auth accepts: one step either side", () => {
      expect(matchTotpStep(key, codeFor(0), now)).toBe(step);
      expect(matchTotpStep(key, codeFor(-1), now)).toBe(step - 1);
      expect(matchTotpStep(key, codeFor(1), now)).toBe(step + 1);
    });

    it("matches nothing outside the window, or a malformed code", () => {
      expect(matchTotpStep(key, codeFor(-2), now)).toBeNull();
      expect(matchTotpStep(key, codeFor(2), now)).toBeNull();
      expect(matchTotpStep(key, "", now)).toBeNull();
      expect(matchTotpStep(key, `${codeFor(0)}0`, now)).toBeNull();
      expect(matchTotpStep(key, ` ${codeFor(0).slice(1)}`, now)).toBeNull();
    });

    it("covers every step acceptable at some moment between from and to", () => {
      const later = new Date(now.getTime() + 30_000);
      expect(matchTotpStep(key, codeFor(2), now, later)).toBe(step + 2);
      expect(matchTotpStep(key, codeFor(-1), now, later)).toBe(step - 1);
    });
  });
});
