import { describe, expect, it } from "vitest";
import { CREDENTIAL_SECRETS, parseCredentialInput, REGISTER_CREDENTIAL_INPUT } from "./credential-input";

const VALID = {
  accountId: "111122223333",
  iamUserName: "breakglass-admin",
  password: "Tr0ub4dor&3-long-enough",
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
};

const problems = (input: unknown) => {
  try {
    parseCredentialInput(REGISTER_CREDENTIAL_INPUT, input);
    return "";
  } catch (error) {
    return (error as Error).message;
  }
};

describe("REGISTER_CREDENTIAL_INPUT", () => {
  it("accepts a password and key pair, defaulting the checkout maximum to 60 minutes", () => {
    expect(parseCredentialInput(REGISTER_CREDENTIAL_INPUT, VALID)).toMatchObject({ maxCheckoutMinutes: 60, mfaNote: null });
    expect(problems({ ...VALID, accessKeyId: undefined, secretAccessKey: undefined })).toBe("");
    expect(problems({ ...VALID, password: undefined })).toBe("");
  });

  it("refuses bad account ids, IAM user names and key ids, naming the field", () => {
    expect(problems({ ...VALID, accountId: "11112222333" })).toMatch(/accountId/);
    expect(problems({ ...VALID, iamUserName: "break glass" })).toMatch(/iamUserName/);
    expect(problems({ ...VALID, iamUserName: "a".repeat(65) })).toMatch(/iamUserName/);
    expect(problems({ ...VALID, iamUserName: "a".repeat(64) })).toBe("");
    expect(problems({ ...VALID, accessKeyId: "ASIAIOSFODNN7EXAMPLE" })).toMatch(/accessKeyId/);
    expect(problems({ ...VALID, maxCheckoutMinutes: 24 * 60 + 1 })).toMatch(/maxCheckoutMinutes/);
  });

  it("refuses a credential with no secret, and half a key pair", () => {
    expect(problems({ accountId: VALID.accountId, iamUserName: VALID.iamUserName })).toMatch(/password, an access key pair, or both/);
    expect(problems({ ...VALID, secretAccessKey: undefined })).toMatch(/secretAccessKey.*go together|go together.*secretAccessKey/);
    expect(problems({ ...VALID, accessKeyId: undefined })).toMatch(/go together/);
  });

  it("never quotes a refused secret in its message", () => {
    const badPassword = `${"x".repeat(128)}TOO-LONG`;
    const badSecret = "not/a/valid/secret/key/with spaces in it!!";
    const message = problems({ ...VALID, password: badPassword, secretAccessKey: badSecret });
    expect(message).toMatch(/password/);
    expect(message).toMatch(/secretAccessKey/);
    expect(message).not.toContain("TOO-LONG");
    expect(message).not.toContain("with spaces");
  });

  it("refuses unknown fields rather than dropping them silently", () => {
    expect(problems({ ...VALID, sessionToken: "x" })).toMatch(/sessionToken/);
  });
});

describe("CREDENTIAL_SECRETS", () => {
  it("takes a new password alone or a new key pair", () => {
    expect(CREDENTIAL_SECRETS.safeParse({ password: "n3w-password!" }).success).toBe(true);
    expect(CREDENTIAL_SECRETS.safeParse({ accessKeyId: VALID.accessKeyId, secretAccessKey: VALID.secretAccessKey }).success).toBe(true);
    expect(CREDENTIAL_SECRETS.safeParse({ accessKeyId: VALID.accessKeyId }).success).toBe(false);
  });
});
