import { afterAll, describe, expect, it } from "vitest";
import { setRuntimeEnv } from "@/lib/env";
import { startSilentTcpServer, type SilentTcpServer } from "@/lib/testing/silent-tcp-server";
import { GET } from "./route";

let silent: SilentTcpServer | undefined;

afterAll(async () => {
  await silent?.close();
});

describe("GET /api/health", () => {
  it("answers 503 down, without the connection string, when the database accepts connections but never answers", async () => {
    // Given a DATABASE_URL whose server accepts TCP and never answers the Postgres start-up
    silent = await startSilentTcpServer();
    setRuntimeEnv("DATABASE_URL", `postgresql://vigil:do-not-leak@${new URL(silent.url).host}/vigil`);
    setRuntimeEnv("VIGIL_DB_CONNECT_TIMEOUT_MS", "200");
    // When the load balancer asks
    const response = await GET();
    // Then it hears 503 and a body that says down
    expect(response.status).toBe(503);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({
      status: "down",
      database: { ok: false, latencyMs: null },
      migrations: { upToDate: false, pending: [] },
      worker: { ok: false, lastBeatAt: null, ageSeconds: null },
    });
    expect(body).not.toContain("do-not-leak");
  });
});
