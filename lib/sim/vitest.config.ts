import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * The simulator's tests need no database, so they can run without the repo-wide global setup
 * (embedded Postgres): `npx vitest run --config lib/sim/vitest.config.ts`.
 */
export default defineConfig({
  root: path.resolve(import.meta.dirname, "../.."),
  resolve: { alias: { "@": path.resolve(import.meta.dirname, "../..") } },
  test: {
    include: ["lib/sim/**/*.test.ts"],
    testTimeout: 60_000,
    pool: "forks",
  },
});
