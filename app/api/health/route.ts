import { getServerHealth } from "@/lib/health";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * Liveness/readiness for load balancers and `vigil demo`: no authentication, so the answer is
 * built field by field in lib/health and carries no URL, host or error text.
 * 200 when ok or degraded (the console serves), 503 when down (the database is unreachable or
 * does not answer within the health check's deadline).
 */
export async function GET(): Promise<Response> {
  const health = await getServerHealth();
  return Response.json(health, {
    status: health.status === "down" ? 503 : 200,
    headers: { "cache-control": "no-store" },
  });
}
