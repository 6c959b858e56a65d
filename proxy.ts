import { NextResponse, type NextRequest } from "next/server";
import { findEventDateProblems } from "@/app/(console)/events/event-dates";
import { env } from "@/lib/env";
import { buildSecurityHeaders, createNonce } from "@/lib/web-security";

/**
 * Runs before every request (pages, API routes, static files): security headers with a fresh CSP
 * nonce, which Next reads from the request's Content-Security-Policy and puts on its own scripts,
 * and a request id that server code logs and shows with failures.
 */
export function proxy(request: NextRequest): NextResponse {
  const settings = env();
  const nonce = createNonce();
  const requestId = crypto.randomUUID();
  const headers = buildSecurityHeaders({
    nonce,
    isHttps: settings.VIGIL_BASE_URL?.startsWith("https:") ?? false,
    isDevelopment: settings.NODE_ENV === "development",
  });

  const response = answerEarly(request) ?? NextResponse.next({ request: { headers: forwardedHeaders(request, headers, requestId) } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  response.headers.set("X-Request-Id", requestId);
  return response;
}

function forwardedHeaders(request: NextRequest, security: Record<string, string>, requestId: string): Headers {
  const forwarded = new Headers(request.headers);
  forwarded.set("Content-Security-Policy", security["Content-Security-Policy"] ?? "");
  // Replaces any client-sent value: the id must be ours to be trusted in logs.
  forwarded.set("x-request-id", requestId);
  return forwarded;
}

/** A bad /events date is a 400 here: once the page renders, Next can only answer 200 (or 500). */
function answerEarly(request: NextRequest): NextResponse | null {
  if (request.nextUrl.pathname !== "/events") return null;
  const problems = findEventDateProblems(request.nextUrl.searchParams);
  if (problems.length === 0) return null;
  const items = problems.map((problem) => `<li>${escapeHtml(problem)}</li>`).join("");
  const body =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bad date filter · Vigil</title></head>` +
    `<body><h1>This events address has a bad date filter</h1><ul>${items}</ul>` +
    `<p><a href="/events">Show the events without a date filter</a></p></body></html>`;
  return new NextResponse(body, { status: 400, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
