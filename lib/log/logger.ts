import pino, { type DestinationStream, type Logger } from "pino";
import { env } from "../env";
import { censor, maskUrlCredentials, REDACT_PATHS } from "./redaction";

export type { Logger };

type LoggerOptions = { level?: string; destination?: DestinationStream };

function serializeError(error: unknown): unknown {
  const serialized: Record<string, unknown> = { ...pino.stdSerializers.err(error as Error) };
  for (const field of ["message", "stack"]) {
    const text = serialized[field];
    if (typeof text === "string") serialized[field] = maskUrlCredentials(text);
  }
  return serialized;
}

/**
 * JSON logs on stdout (or `destination`). Secret-bearing keys are redacted by path; passwords in
 * connection strings are masked wherever they appear, including message strings and errors.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? env().LOG_LEVEL,
      base: { pid: process.pid },
      redact: { paths: REDACT_PATHS, censor },
      serializers: { err: serializeError, error: serializeError },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((arg) => (typeof arg === "string" ? maskUrlCredentials(arg) : arg));
          method.apply(this, masked as Parameters<typeof method>);
        },
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}

let root: Logger | undefined;

function rootLogger(): Logger {
  root ??= createLogger();
  return root;
}

/** The process-wide logger; created on first use so importing this module never reads settings. */
export const logger: Logger = new Proxy({} as Logger, {
  get: (_target, property) => {
    const value = Reflect.get(rootLogger(), property) as unknown;
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(rootLogger()) : value;
  },
  set: (_target, property, value) => Reflect.set(rootLogger(), property, value),
});

/** A logger tagged with the component writing (`worker`, `health`, `job:snapshot`, …). */
export function childLogger(component: string, bindings: Record<string, unknown> = {}): Logger {
  return rootLogger().child({ component, ...bindings });
}
