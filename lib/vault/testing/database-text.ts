import type { PrismaClient } from "../../db";

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Every row of every table in every schema as text (bytea as \x hex), like a pg_dump's data:
 * search it for a plaintext to prove a secret never reached the database.
 */
export async function databaseText(db: PrismaClient): Promise<string> {
  const tables = await db.$queryRaw<{ schema: string; name: string }[]>`
    SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
    WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`;
  const parts: string[] = [];
  for (const table of tables) {
    const rows = await db.$queryRawUnsafe<{ row: string }[]>(
      `SELECT t::text AS row FROM ${quoteIdent(table.schema)}.${quoteIdent(table.name)} t`,
    );
    parts.push(`-- ${table.schema}.${table.name}`, ...rows.map((row) => row.row));
  }
  return parts.join("\n");
}

/** The forms a leaked secret could take in a dump or a log: as typed, hex (bytea) and base64. */
export function plaintextForms(secret: string): string[] {
  const bytes = Buffer.from(secret, "utf8");
  return [secret, bytes.toString("hex"), bytes.toString("base64").replace(/=+$/, "")];
}

/** The secrets (by their forms) that occur in `text`; empty when none leaked. */
export function leakedSecrets(text: string, secrets: string[]): string[] {
  return secrets.filter((secret) => plaintextForms(secret).some((form) => text.includes(form)));
}
