import { defineConfig } from "prisma/config";

// Vigil applies migrations itself (lib/db/migrate.ts, Prisma's WASM schema engine); the Prisma CLI is
// used only for `prisma generate`, which needs no database.
export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
});
