import type { AppError } from "../errors";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** RFC 9457 problem details for an AppError; `code` and `details` are Vigil extensions. */
export function problemResponse(error: AppError, instance?: string): Response {
  const body = {
    type: `about:blank`,
    title: error.code,
    status: error.status,
    detail: error.message,
    code: error.code,
    ...(instance ? { instance } : {}),
    ...(error.details ? { details: error.details } : {}),
  };
  return new Response(JSON.stringify(body), {
    status: error.status,
    headers: { "content-type": PROBLEM_CONTENT_TYPE, "cache-control": "no-store" },
  });
}
