import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules", ".next", ".vigil", ".vigil-test", "lib/db/generated", "next-env.d.ts", "bench/results", "test-results", "playwright-report"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", Buffer: "readonly", setTimeout: "readonly", clearTimeout: "readonly", setInterval: "readonly", clearInterval: "readonly", fetch: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    // The domain layer must not reach into the UI layer.
    files: ["lib/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: ["@/app/*", "../app/*", "../../app/*", "react", "next/*"] }] },
  },
);
