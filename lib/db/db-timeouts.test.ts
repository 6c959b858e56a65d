import { describe, expect, it } from "vitest";
import { parseEnv } from "../env";
import { boundedPoolConfig } from "./db-timeouts";

describe("database timeouts", () => {
  it("refuses settings below 100 ms, naming the setting", () => {
    expect(() => parseEnv({ VIGIL_DB_STATEMENT_TIMEOUT_MS: "10" })).toThrow(/VIGIL_DB_STATEMENT_TIMEOUT_MS/);
    expect(() => parseEnv({ VIGIL_DB_CONNECT_TIMEOUT_MS: "0" })).toThrow(/VIGIL_DB_CONNECT_TIMEOUT_MS/);
  });

  it("gives up on a silent server only after the server's own statement timeout had its chance", () => {
    expect(boundedPoolConfig({ statementTimeoutMs: 60_000, connectTimeoutMs: 10_000 })).toEqual({
      connectionTimeoutMillis: 10_000,
      statement_timeout: 60_000,
      query_timeout: 65_000,
    });
    expect(boundedPoolConfig({ statementTimeoutMs: 200, connectTimeoutMs: 100 }).query_timeout).toBe(400);
  });
});
