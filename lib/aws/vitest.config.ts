import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * The collectors' tests need no database, so they can run without the repo-wide global setup
 * (embedded Postgres): `npx vitest run --config lib/aws/vitest.config.ts`.
 */
export default defineConfig({
  root: path.resolve(import.meta.dirname, "../.."),
  resolve: { alias: { "@": path.resolve(import.meta.dirname, "../..") } },
  test: {
    include: ["lib/aws/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
