import { describe, expect, it } from "vitest";
import { refuseForeignDemoDatabase } from "./demo-database-guard";

describe("which database vigil demo accepts", () => {
  it("the embedded Postgres (no DATABASE_URL) is always accepted", () => {
    expect(refuseForeignDemoDatabase({ databaseUrl: undefined, isForced: false })).toBeNull();
  });

  it("a DATABASE_URL is accepted only with --force", () => {
    const url = "postgresql://app:pw@db.internal:6543/vigil";
    expect(refuseForeignDemoDatabase({ databaseUrl: url, isForced: true })).toBeNull();
    expect(refuseForeignDemoDatabase({ databaseUrl: url, isForced: false })).toMatch(
      /DATABASE_URL is set \(db\.internal:6543\/vigil\).*--force/,
    );
  });
});
