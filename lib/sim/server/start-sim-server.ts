import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import type { FaultConfig } from "../model/faults";
import type { SimState } from "../model/state";
import { createSimAdmin, type SimAdmin } from "../admin/sim-admin";
import { FaultEngine } from "../faults/fault-engine";
import { loadScenario } from "../scenario/load-scenario";
import type { ScenarioSpec } from "../scenario/scenario-spec";
import { handleAdminRequest } from "./handle-admin-request";
import { handleAwsRequest } from "./handle-aws-request";
import type { SimRuntime } from "./sim-runtime";

export interface StartSimServerOptions {
  scenario: string | ScenarioSpec;
  port?: number;
  host?: string;
  /** Replaces the scenario's own faults. */
  faults?: FaultConfig;
  /** Reference time for generated history (default: real now). */
  now?: Date;
  /** Wall clock for sessions, key creation and rate limits (default: real time). */
  clock?: () => Date;
  /** How an injected latency is waited out (default: a real timer); tests pass one to observe it. */
  delay?: (ms: number) => Promise<void>;
}

export interface SimServer {
  url: string;
  port: number;
  /** Current state; replaced by `admin.reset()`. */
  readonly state: SimState;
  admin: SimAdmin;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 20 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error("request body too large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Serves every simulated AWS service, plus the `/_sim/` admin API, on one HTTP endpoint. */
export async function startSimServer(options: StartSimServerOptions): Promise<SimServer> {
  const clock = options.clock ?? (() => new Date());
  const reference = options.now ?? new Date();
  const build = () => loadScenario(options.scenario, { now: options.now ?? reference });
  const state = build();
  const faults = options.faults ?? state.faults;
  const delay = options.delay ?? ((ms: number) => sleep(ms));
  const runtime: SimRuntime = { state, clock, rebuild: build, faults: new FaultEngine(faults, () => clock().getTime()), delay };
  const admin = createSimAdmin(runtime, faults);

  const server = createServer((req, res) => {
    readBody(req)
      .then((body) => {
        if ((req.url ?? "").startsWith("/_sim/")) {
          handleAdminRequest(runtime, admin, req, res, body);
          return undefined;
        }
        return handleAwsRequest(runtime, req, res, body);
      })
      .catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain" });
        res.end(error instanceof Error ? error.message : "internal error");
      });
  });
  server.keepAliveTimeout = 5_000;
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    get state() {
      return runtime.state;
    },
    admin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
