import { isAPIError, type createAuthMiddleware } from "better-auth/api";
import { requestMetaFrom, type RequestMeta } from "./request-meta";

/** What a better-auth hook handler receives. */
export type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/** Where Vigil's auth code logs (pino in the web process; tests may capture it). */
export type AuthLogger = {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
};

export const SILENT_AUTH_LOGGER: AuthLogger = { info: () => {}, warn: () => {}, error: () => {} };

export function metaOf(ctx: HookContext): RequestMeta {
  return requestMetaFrom(ctx.request?.headers ?? ctx.headers);
}

/** The `code` of the APIError an endpoint (or an earlier hook) answered with, if any. */
export function errorCode(value: unknown): string | undefined {
  if (!isAPIError(value)) return undefined;
  const code = (value.body as { code?: unknown } | undefined)?.code;
  return typeof code === "string" ? code : undefined;
}
