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

/** Base64 of `bytes` as it reads inside a longer encoded text, at each of the three byte alignments. */
function base64Cores(bytes: Buffer): string[] {
  return [0, 1, 2].map((offset) => {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString("base64");
    // Only the 4-character groups made of the secret's bytes alone are the same in any context.
    return encoded.slice(offset === 0 ? 0 : 4, Math.floor((offset + bytes.length) / 3) * 4);
  });
}

/**
 * The forms a leaked secret could take in a dump or a log: as typed, escaped in JSON (log lines,
 * json columns) and in a COPY row (pg_dump), hex (bytea), and base64 at any alignment.
 */
export function plaintextForms(secret: string): string[] {
  const bytes = Buffer.from(secret, "utf8");
  const forms = [secret, JSON.stringify(secret).slice(1, -1), secret.replace(/\\/g, "\\\\"), bytes.toString("hex"), ...base64Cores(bytes)];
  return [...new Set(forms)].filter((form) => form.length >= Math.min(8, secret.length));
}

/** The secrets (by their forms) that occur in `text`; empty when none leaked. */
export function leakedSecrets(text: string, secrets: string[]): string[] {
  return secrets.filter((secret) => plaintextForms(secret).some((form) => text.includes(form)));
}
