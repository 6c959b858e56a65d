import { headers } from "next/headers";
import { childLogger } from "@/lib/log";
import { describeActionFailure, type ActionFailure } from "./describe-action-failure";

/** describeActionFailure under the id proxy.ts gave this request (also in its X-Request-Id header). */
export async function reportActionFailure(action: string, error: unknown): Promise<ActionFailure> {
  const requestId = (await headers()).get("x-request-id") ?? crypto.randomUUID();
  return describeActionFailure({ action, error, requestId, log: childLogger("server-action") });
}
