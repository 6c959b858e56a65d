import path from "node:path";
import { defineConfig } from "vitest/config";

/** The bench helpers' own tests need no database: `npx vitest run --config bench/vitest.config.ts`. */
export default defineConfig({
  root: path.resolve(import.meta.dirname, ".."),
  test: { include: ["bench/**/*.test.ts"], pool: "forks" },
});
