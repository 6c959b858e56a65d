import { z } from "zod";
import { changeUserRole, createLocalUser, LOCAL_USER_INPUT, resetTotp, ROLE_NAME_SCHEMA, unlockUser } from "@/lib/auth";
import { defineAction } from "../../_actions/define-action";

export type Secrets = { username: string; password?: string; totpSecret: string; otpauthUri: string };
/** What the user admin forms show after a success. */
export type UserAdminResult = { message: string; secrets?: Secrets };

const PAGE = ["/admin/users"] as const;
const USER_ID = z.object({ userId: z.string().min(1).max(100) });

export const createUser = defineAction({
  name: "createUser",
  permission: "users:manage",
  input: LOCAL_USER_INPUT,
  audit: { recordedBy: "domain", event: "USER_CREATED" },
  revalidate: PAGE,
  handler: async ({ db, user, input, meta }): Promise<UserAdminResult> => {
    const created = await createLocalUser(db, input, { actorId: user.id, meta });
    return {
      message: `Created ${created.user.username}.`,
      secrets: {
        username: created.user.username ?? input.username,
        password: created.password,
        totpSecret: created.totpSecret,
        otpauthUri: created.otpauthUri,
      },
    };
  },
});

export const changeRole = defineAction({
  name: "changeRole",
  permission: "users:manage",
  input: USER_ID.extend({ role: ROLE_NAME_SCHEMA }),
  audit: { recordedBy: "domain", event: "ROLE_CHANGED" },
  revalidate: PAGE,
  handler: async ({ db, user, input, meta }): Promise<UserAdminResult> => {
    await changeUserRole(db, input, { actorId: user.id, meta });
    return { message: `Role set to ${input.role}.` };
  },
});

export const resetUserTotp = defineAction({
  name: "resetTotp",
  permission: "users:manage",
  input: USER_ID,
  audit: { recordedBy: "domain", event: "TOTP_RESET" },
  revalidate: PAGE,
  handler: async ({ db, user, input, meta }): Promise<UserAdminResult> => {
    const reset = await resetTotp(db, { userId: input.userId }, { actorId: user.id, meta });
    return { message: "New TOTP issued; the user's sessions were revoked.", secrets: reset };
  },
});

export const unlockAccount = defineAction({
  name: "unlock",
  permission: "users:manage",
  input: USER_ID,
  audit: { recordedBy: "domain", event: "ACCOUNT_UNLOCKED" },
  revalidate: PAGE,
  handler: async ({ db, user, input, meta }): Promise<UserAdminResult> => {
    await unlockUser(db, { userId: input.userId }, { actorId: user.id, meta });
    return { message: "Unlocked." };
  },
});
