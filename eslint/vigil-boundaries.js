// Vigil's architecture rules, enforced by the linter rather than remembered (STYLE.md, "Boundaries").
import { existsSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const LIB = path.join(ROOT, "lib");
const TEST_FILE = /(\.test\.tsx?|\.spec\.ts)$/;

const TEST_FOLDERS = ["e2e", "bench"].map((folder) => path.join(ROOT, folder) + path.sep);

/** Tests, benchmarks and test helpers: the code allowed to use a domain's `testing/` helpers. */
function isTestCode(file) {
  return TEST_FILE.test(file) || file.split(path.sep).includes("testing") || TEST_FOLDERS.some((folder) => file.startsWith(folder));
}

/** The absolute path an import names, or null for a package import. */
function resolveSource(source, fromFile) {
  if (source.startsWith("@/")) return path.join(ROOT, source.slice(2));
  if (source.startsWith(".")) return path.resolve(path.dirname(fromFile), source);
  return null;
}

/** `lib/<domain>` of a path inside a domain folder (not lib/env.ts and other top-level files). */
function domainOf(target) {
  const relative = path.relative(LIB, target);
  if (relative.startsWith("..") || path.isAbsolute(relative)) return null;
  const [first, ...rest] = relative.split(path.sep);
  if (rest.length === 0) {
    // `lib/auth` (the folder, i.e. its index) vs `lib/env` (a file).
    return existsSync(path.join(LIB, first)) && statSync(path.join(LIB, first)).isDirectory() ? { name: first, rest } : null;
  }
  return { name: first, rest };
}

const domainIndexOnly = {
  meta: {
    type: "problem",
    docs: { description: "another domain is imported only through its index.ts" },
    messages: {
      internal: "'{{source}}' reaches into lib/{{domain}}'s internals; import from lib/{{domain}} (its index.ts) instead.",
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    function check(node) {
      const source = node.source?.value;
      if (typeof source !== "string") return;
      const target = resolveSource(source, file);
      const domain = target && domainOf(target);
      if (!domain || domain.rest.length === 0) return;
      const isIndex = domain.rest.length === 1 && /^index(\.tsx?)?$/.test(domain.rest[0]);
      if (isIndex) return;
      if (file.startsWith(path.join(LIB, domain.name) + path.sep)) return;
      // Test helpers (lib/testing, lib/<domain>/testing) are test-only API: any test may use them.
      if ((domain.name === "testing" || domain.rest[0] === "testing") && isTestCode(file)) return;
      context.report({ node: node.source, messageId: "internal", data: { source, domain: domain.name } });
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export const vigilBoundaries = { rules: { "domain-index-only": domainIndexOnly } };
