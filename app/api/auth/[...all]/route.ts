import { getAuth } from "@/lib/auth";

// better-auth's endpoints (sign-in, TOTP, SSO callback, sign-out). Vigil closes every other one
// in lib/auth (ALLOWED_AUTH_PATHS); better-auth checks the Origin of these POSTs itself.
export const dynamic = "force-dynamic";

async function handle(request: Request): Promise<Response> {
  return (await getAuth()).handler(request);
}

export { handle as GET, handle as POST };
