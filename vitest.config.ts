import path from "node:path";
import { defineConfig } from "vitest/config";

const SOURCES = [
  "lib/**/*.test.ts",
  "jobs/**/*.test.ts",
  "app/**/*.test.ts",
  "bench/**/*.test.ts",
  "cli/**/*.test.ts",
  "eslint/**/*.test.ts",
];
const INTEGRATION = "**/*.integration.test.ts";

// Two projects so pure unit tests never start Postgres: only the integration project has the
// global setup that finds (or starts) a server and prepares the migrated template database.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    exclude: ["node_modules", ".next", "e2e"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    projects: [
      { extends: true, test: { name: "unit", include: SOURCES, exclude: ["node_modules", ".next", "e2e", INTEGRATION] } },
      {
        extends: true,
        test: {
          name: "integration",
          include: SOURCES.map((glob) => glob.replace("*.test.ts", "*.integration.test.ts")),
          globalSetup: ["lib/testing/global-setup.ts"],
        },
      },
    ],
  },
});
