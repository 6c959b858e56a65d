import { InvalidArgumentError, type Command } from "commander";
import { startSimServer, type FaultConfig } from "../../lib/sim";
import { takeOverShutdownSignals, untilExit } from "../shutdown-signals";

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError("must be a port number 0-65535 (0 = any free port)");
  return port;
}

function parseMs(value: string): number {
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0 || ms > 60_000) throw new InvalidArgumentError("must be milliseconds 0-60000");
  return ms;
}

function parseNow(value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new InvalidArgumentError("must be an ISO-8601 time");
  return date;
}

interface SimServeOptions {
  scenario: string;
  port: number;
  host: string;
  latencyMs?: number;
  awsRateLimits?: boolean;
  now?: Date;
}

/** `vigil sim serve`: the simulated AWS organization on one local endpoint. */
export function registerSimCommands(program: Command): void {
  const sim = program.command("sim").description("simulated AWS organization for development, demos and tests");
  sim
    .command("serve")
    .description("serve Organizations, IAM Identity Center, Identity Store, IAM, STS and CloudTrail on one endpoint")
    .option("-s, --scenario <name|file>", "demo, scale:<N>, or a path to a JSON scenario file", "demo")
    .option("-p, --port <port>", "port to listen on (0 = any free port)", parsePort, 4599)
    .option("-H, --host <host>", "interface to bind", "127.0.0.1")
    .option("--latency-ms <ms>", "latency added to every AWS call", parseMs)
    .option("--aws-rate-limits", "enforce AWS's per-operation rate limits (LookupEvents 2/s per account and region, …)")
    .option("--now <iso>", "reference time the generated history is relative to (default: now)", parseNow)
    .action(async (options: SimServeOptions) => {
      const startedAt = performance.now();
      const hasFaultFlags = options.latencyMs !== undefined || options.awsRateLimits === true;
      const faults: FaultConfig | undefined = hasFaultFlags
        ? {
            ...(options.latencyMs !== undefined ? { latencyMs: options.latencyMs } : {}),
            ...(options.awsRateLimits ? { rateLimits: "aws" as const } : {}),
          }
        : undefined;
      const server = await startSimServer({ scenario: options.scenario, port: options.port, host: options.host, faults, now: options.now });
      const state = server.state;
      const seconds = ((performance.now() - startedAt) / 1000).toFixed(2);
      console.log(
        `vigil sim: scenario ${state.scenarioName} — ${state.accounts.length} accounts, ${state.identityCenter.users.length} Identity Center users (ready in ${seconds}s)`,
      );
      console.log(`vigil sim: AWS endpoint ${server.url}`);
      console.log(`vigil sim: admin API    ${server.url}/_sim/state`);
      console.log(
        `vigil sim: management account ${state.organization.managementAccountId}; any unknown access key acts as its administrator`,
      );
      takeOverShutdownSignals(async () => {
        await server.close();
      });
      await untilExit();
    });
}
