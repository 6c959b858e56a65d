import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getServerAuth } from "@/lib/auth";
import { requireSession } from "@/app/_auth/require-session";
import { getDb } from "@/lib/db";
import { childLogger } from "@/lib/log";
import type { z } from "zod";
import type { ActionState } from "./action-state";
import type { DefinedAction } from "./define-action";

/**
 * Runs a defined action for the current request: a signed-out caller is sent to sign in (as a
 * page would), everything else is the action's `run`. Call it from a "use server" file.
 */
export async function serveAction<S extends z.ZodType, R extends object>(
  action: DefinedAction<S, R>,
  form: FormData,
): Promise<ActionState<R>> {
  const requestHeaders = new Headers(await headers());
  const user = await requireSession();
  const [db, { settings }] = await Promise.all([getDb(), getServerAuth()]);
  return action.run(
    {
      db,
      user,
      headers: requestHeaders,
      baseUrl: settings.baseUrl,
      requestId: requestHeaders.get("x-request-id") ?? crypto.randomUUID(),
      log: childLogger("server-action"),
      revalidate: (path) => revalidatePath(path),
    },
    form,
  );
}
