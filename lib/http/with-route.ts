import type { z } from "zod";
import { getServerAuth, hasRole, readSession, type RoleName, type SessionUser } from "../auth";
import { getDb, type PrismaClient } from "../db";
import { AppError, toAppError } from "../errors";
import { childLogger } from "../log";
import { problemResponse } from "./problem-response";
import { isMutation, isSameOriginRequest } from "./same-origin";

type Schema = z.ZodType | undefined;
type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What Next.js passes a route handler besides the request. */
export type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

export type RouteInput<A extends boolean, P extends Schema, Q extends Schema, B extends Schema> = {
  req: Request;
  db: PrismaClient;
  user: A extends true ? SessionUser : SessionUser | null;
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
};

export type RouteOptions<A extends boolean, P extends Schema, Q extends Schema, B extends Schema, R> = {
  /** true: a signed-in user is required (401 otherwise). */
  auth: A;
  /** Any of these roles (admin always passes); 403 otherwise. Requires auth: true. */
  roles?: RoleName[];
  params?: P;
  query?: Q;
  body?: B;
  /** Shapes the JSON answer (unknown keys stripped), so no raw row leaves by accident. */
  response?: z.ZodType<R>;
  /** Status of a successful JSON answer (default 200). */
  status?: number;
  handler: (input: RouteInput<A, P, Q, B>) => Promise<R | Response>;
};

export type RouteDeps = {
  getDb: () => Promise<PrismaClient>;
  getSession: (db: PrismaClient, headers: Headers) => Promise<SessionUser | null>;
  getBaseUrl: () => Promise<string>;
};

const DEFAULT_DEPS: RouteDeps = {
  getDb,
  getSession: async (db, headers) => {
    const { auth, settings } = await getServerAuth();
    return (await readSession(db, auth, settings, headers))?.user ?? null;
  },
  getBaseUrl: async () => (await getServerAuth()).settings.baseUrl,
};

const log = () => childLogger("http");

function parseWith<S extends Schema>(schema: S, value: unknown, where: string): Parsed<S> {
  if (!schema) return undefined as Parsed<S>;
  const result = schema.safeParse(value);
  if (result.success) return result.data as Parsed<S>;
  const fields = result.error.issues.map((issue) => [where, ...issue.path].join("."));
  throw new AppError("BAD_REQUEST", `invalid ${where}: ${[...new Set(fields)].join(", ")}`, {
    details: {
      fields,
      issues: result.error.issues.map((issue) => ({ path: [where, ...issue.path].join("."), message: issue.message })),
    },
  });
}

async function readBody(req: Request): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (type.includes("application/json")) {
    try {
      return await req.json();
    } catch {
      throw new AppError("BAD_REQUEST", "request body is not valid JSON", { details: { fields: ["body"] } });
    }
  }
  if (type.includes("application/x-www-form-urlencoded") || type.includes("multipart/form-data")) {
    return Object.fromEntries((await req.formData()).entries());
  }
  const text = await req.text();
  return text ? text : undefined;
}

/**
 * The one wrapper for Vigil's route handlers: same-origin check on mutations (CSRF), session and
 * role checks, zod parsing of params, query and body, and every error as application/problem+json
 * through AppError's status table. Handlers stay short and call one lib function.
 */
export function createRouteWrapper(deps: RouteDeps) {
  return function withRoute<
    A extends boolean,
    P extends Schema = undefined,
    Q extends Schema = undefined,
    B extends Schema = undefined,
    R = unknown,
  >(options: RouteOptions<A, P, Q, B, R>) {
    return async (req: Request, context?: RouteContext): Promise<Response> => {
      const url = new URL(req.url);
      try {
        if (isMutation(req.method) && !isSameOriginRequest(req.headers, await deps.getBaseUrl())) {
          throw new AppError("CROSS_ORIGIN", "cross-origin request refused");
        }
        const db = await deps.getDb();
        const user = options.auth || options.roles ? await deps.getSession(db, req.headers) : null;
        if (options.auth && !user) throw new AppError("UNAUTHENTICATED", "sign in first");
        if (options.roles && (!user || !hasRole(user, ...options.roles))) {
          throw new AppError("FORBIDDEN", `requires role ${[...options.roles, "admin"].join(" or ")}`);
        }
        const params = parseWith(options.params as P, context ? await context.params : {}, "params");
        const query = parseWith(options.query as Q, Object.fromEntries(url.searchParams.entries()), "query");
        const body = options.body ? parseWith(options.body as B, await readBody(req), "body") : (undefined as Parsed<B>);
        const result = await options.handler({
          req,
          db,
          user: user as RouteInput<A, P, Q, B>["user"],
          params,
          query,
          body,
        });
        if (result instanceof Response) return result;
        const shaped = options.response ? options.response.parse(result) : result;
        return Response.json(shaped ?? null, { status: options.status ?? 200, headers: { "cache-control": "no-store" } });
      } catch (error) {
        const appError = toAppError(error);
        if (appError.code === "INTERNAL") log().error({ err: error, path: url.pathname }, "route handler failed");
        return problemResponse(appError, url.pathname);
      }
    };
  };
}

export const withRoute = createRouteWrapper(DEFAULT_DEPS);
