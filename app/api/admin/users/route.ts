import { z } from "zod";
import { createLocalUser, findUsers, LOCAL_USER_INPUT, requestMetaFrom } from "@/lib/auth";
import { withRoute } from "@/lib/http";

export const dynamic = "force-dynamic";

const USER_LIST = z.array(
  z.object({
    id: z.string(),
    username: z.string().nullable(),
    email: z.string(),
    role: z.string(),
    method: z.string(),
    isTotpEnrolled: z.boolean(),
    lockedUntil: z.date().nullable(),
  }),
);

export const GET = withRoute({
  auth: true,
  roles: ["admin"],
  response: USER_LIST,
  handler: ({ db }) => findUsers(db),
});

const CREATED = z.object({
  user: z.object({ id: z.string(), username: z.string().nullable(), role: z.string() }),
  password: z.string(),
  totpSecret: z.string(),
  otpauthUri: z.string(),
});

/** Creates a local break-glass user; the answer carries its password and TOTP secret, once. */
export const POST = withRoute({
  auth: true,
  roles: ["admin"],
  body: LOCAL_USER_INPUT,
  response: CREATED,
  status: 201,
  handler: ({ db, body, user, req }) => createLocalUser(db, body, { actorId: user.id, meta: requestMetaFrom(req.headers) }),
});
