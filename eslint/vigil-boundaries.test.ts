import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const eslint = new ESLint({ cwd: ROOT });

/** Lints `code` as if it were the file at `file` (nothing is written), with the project's config. */
async function rulesBroken(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe("the architecture rules in eslint.config.js", () => {
  it("refuse an import of another domain's internals, by relative path or by alias", async () => {
    expect(await rulesBroken("lib/inventory/fixture.ts", `export { totpCode } from "../auth/totp";\n`)).toEqual([
      "vigil/domain-index-only",
    ]);
    expect(await rulesBroken("app/fixture.ts", `export { sql } from "@/lib/snapshot/sql";\n`)).toEqual(["vigil/domain-index-only"]);
    expect(await rulesBroken("cli/fixture.ts", `export { createDb } from "../lib/db/client";\n`)).toEqual(["vigil/domain-index-only"]);
  });

  it("accept another domain's index, a file of the same domain, and test helpers in tests", async () => {
    expect(
      await rulesBroken("lib/inventory/fixture.ts", `export { totpCode } from "../auth";\nexport { sql } from "../snapshot/index";\n`),
    ).toEqual([]);
    expect(await rulesBroken("lib/auth/fixture.ts", `export { totpCode } from "./totp";\n`)).toEqual([]);
    expect(await rulesBroken("lib/offline/fixture.test.ts", `export { makeSimAwsConfig } from "../aws/testing/sim-fixture";\n`)).toEqual(
      [],
    );
  });

  it("refuse test helpers in production code", async () => {
    expect(await rulesBroken("lib/offline/fixture.ts", `export { makeSimAwsConfig } from "../aws/testing/sim-fixture";\n`)).toEqual([
      "vigil/domain-index-only",
    ]);
  });

  it("let only lib/env.ts read process.env", async () => {
    const read = `export const port = process.env.PORT;\n`;
    expect(await rulesBroken("lib/inventory/fixture.ts", read)).toEqual(["no-restricted-syntax"]);
    expect(await rulesBroken("jobs/fixture.ts", read)).toEqual(["no-restricted-syntax"]);
    expect(await rulesBroken("lib/env.ts", read)).toEqual([]);
  });

  it("keep Next.js and React out of lib/", async () => {
    expect(await rulesBroken("lib/auth/fixture.ts", `export { headers } from "next/headers";\n`)).toEqual(["no-restricted-imports"]);
    expect(await rulesBroken("lib/web/fixture.ts", `export { default } from "next";\n`)).toEqual(["no-restricted-imports"]);
    expect(await rulesBroken("app/fixture.ts", `export { headers } from "next/headers";\n`)).toEqual([]);
  });
});
