import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { vigilBoundaries } from "./eslint/vigil-boundaries.js";

const SOURCES = [
  "lib/**/*.{ts,tsx}",
  "app/**/*.{ts,tsx}",
  "jobs/**/*.ts",
  "cli/**/*.ts",
  "bench/**/*.ts",
  "e2e/**/*.ts",
  "proxy.ts",
  "instrumentation.ts",
];
const TESTS = ["**/*.test.ts", "**/*.test.tsx", "e2e/**"];

export default tseslint.config(
  {
    ignores: [
      "node_modules",
      ".next",
      ".vigil",
      ".vigil-test",
      ".vigil-e2e",
      ".ci-cache",
      "lib/db/generated",
      "next-env.d.ts",
      "bench/results",
      "bench/.cache",
      "test-results",
      "playwright-report",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        URL: "readonly",
        Buffer: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        setInterval: "readonly",
        clearInterval: "readonly",
        fetch: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    // Another domain only through its index.ts.
    files: SOURCES,
    plugins: { vigil: vigilBoundaries },
    rules: { "vigil/domain-index-only": "error" },
  },
  {
    // Settings are read, validated and typed in one place; tests may build child environments.
    files: ["lib/**/*.{ts,tsx}", "app/**/*.{ts,tsx}", "jobs/**/*.ts", "cli/**/*.ts", "proxy.ts", "instrumentation.ts"],
    ignores: ["lib/env.ts", ...TESTS],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: "Read settings through lib/env.ts (env()), the only reader of process.env.",
        },
      ],
    },
  },
  {
    // The domain layer knows nothing of the UI layer or of Next.js.
    files: ["lib/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "next", message: "lib/ must not depend on Next.js; put Next-specific code under app/ or cli/." }],
          patterns: [
            { group: ["next/*"], message: "lib/ must not depend on Next.js; put Next-specific code under app/ or cli/." },
            { group: ["react", "react-dom", "react/*"], message: "lib/ knows nothing of React." },
            { group: ["@/app/*", "**/app/*"], message: "lib/ must not import the UI layer." },
          ],
        },
      ],
    },
  },
);
