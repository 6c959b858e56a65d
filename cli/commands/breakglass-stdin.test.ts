import { describe, expect, it } from "vitest";
import { parseStdinSecrets } from "./breakglass-stdin";

const BOTH = { password: true, secretAccessKey: true };

describe("parseStdinSecrets", () => {
  it("reads the password, then the secret access key, one per line (\\n or \\r\\n, final line end optional)", () => {
    expect(parseStdinSecrets("pw 1\nSECRET\n", BOTH)).toEqual({ password: "pw 1", secretAccessKey: "SECRET" });
    expect(parseStdinSecrets("pw 1\r\nSECRET", BOTH)).toEqual({ password: "pw 1", secretAccessKey: "SECRET" });
    expect(parseStdinSecrets("only-the-key\n", { password: false, secretAccessKey: true })).toEqual({ secretAccessKey: "only-the-key" });
  });

  it("keeps spaces inside and around a password: only the line end is removed", () => {
    expect(parseStdinSecrets("  spaced pw  \n", { password: true, secretAccessKey: false })).toEqual({ password: "  spaced pw  " });
  });

  it("refuses too few or too many lines and empty secrets, without quoting them", () => {
    expect(() => parseStdinSecrets("just-one-line\n", BOTH)).toThrow(/2 line\(s\): password, then secret access key/);
    expect(() => parseStdinSecrets("a\nb\nc-extra\n", BOTH)).toThrow(/2 line/);
    expect(() => parseStdinSecrets("\nkey\n", BOTH)).toThrow(/line 1 of stdin \(the password\) is empty/);
    expect(() => parseStdinSecrets("", { password: true, secretAccessKey: false })).toThrow(/1 line/);
    try {
      parseStdinSecrets("s3cret-value\nb\nc\n", BOTH);
    } catch (error) {
      expect((error as Error).message).not.toContain("s3cret-value");
    }
  });
});
