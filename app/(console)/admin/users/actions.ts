"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  changeUserRole,
  createLocalUser,
  LOCAL_USER_INPUT,
  requestMetaFrom,
  requireRole,
  resetTotp,
  ROLE_NAME_SCHEMA,
  unlockUser,
} from "@/lib/auth";
import { getDb } from "@/lib/db";
import { reportActionFailure } from "../../_data/report-action-failure";

// Server actions get Next.js's built-in CSRF defence: it refuses a POST whose Origin does not
// match the Host. Each action still checks the caller's role itself.

export type Secrets = { username: string; password?: string; totpSecret: string; otpauthUri: string };
/** `requestId` comes with `error`: the server log has the failure under it. */
export type ActionState = { error?: string; requestId?: string; message?: string; secrets?: Secrets };

const PATH = "/admin/users";
const USER_ID = z.object({ userId: z.string().min(1).max(100) });

function fields(form: FormData): Record<string, string | undefined> {
  return Object.fromEntries([...form.entries()].map(([key, value]) => [key, typeof value === "string" && value !== "" ? value : undefined]));
}

async function context() {
  const admin = await requireRole("admin");
  return { admin, db: await getDb(), meta: requestMetaFrom(new Headers(await headers())) };
}

export async function createUserAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const { admin, db, meta } = await context();
  try {
    const input = LOCAL_USER_INPUT.parse(fields(form));
    const created = await createLocalUser(db, input, { actorId: admin.id, meta });
    revalidatePath(PATH);
    return {
      message: `Created ${created.user.username}.`,
      secrets: {
        username: created.user.username ?? input.username,
        password: created.password,
        totpSecret: created.totpSecret,
        otpauthUri: created.otpauthUri,
      },
    };
  } catch (error) {
    return reportActionFailure("createUser", error);
  }
}

export async function changeRoleAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const { admin, db, meta } = await context();
  try {
    const input = USER_ID.extend({ role: ROLE_NAME_SCHEMA }).parse(fields(form));
    await changeUserRole(db, input, { actorId: admin.id, meta });
    revalidatePath(PATH);
    return { message: `Role set to ${input.role}.` };
  } catch (error) {
    return reportActionFailure("changeRole", error);
  }
}

export async function resetTotpAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const { admin, db, meta } = await context();
  try {
    const { userId } = USER_ID.parse(fields(form));
    const reset = await resetTotp(db, { userId }, { actorId: admin.id, meta });
    revalidatePath(PATH);
    return { message: "New TOTP issued; the user's sessions were revoked.", secrets: reset };
  } catch (error) {
    return reportActionFailure("resetTotp", error);
  }
}

export async function unlockAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const { admin, db, meta } = await context();
  try {
    const { userId } = USER_ID.parse(fields(form));
    await unlockUser(db, { userId }, { actorId: admin.id, meta });
    revalidatePath(PATH);
    return { message: "Unlocked." };
  } catch (error) {
    return reportActionFailure("unlock", error);
  }
}
