import { getDb } from "../db";
import { env } from "../env";
import { childLogger } from "../log";
import { loadAuthSettings, type AuthSettings } from "./auth-settings";
import { createAuth, type VigilAuth } from "./create-auth";

type ServerAuth = { auth: VigilAuth; settings: AuthSettings };
const GLOBAL_KEY = Symbol.for("vigil.serverAuth");
type GlobalWithAuth = typeof globalThis & { [GLOBAL_KEY]?: Promise<ServerAuth> };

/**
 * The web process's better-auth instance, built once after the database is ready and kept on
 * globalThis (Next.js dev reloads re-evaluate modules).
 */
export function getServerAuth(): Promise<ServerAuth> {
  const holder = globalThis as GlobalWithAuth;
  holder[GLOBAL_KEY] ??= (async () => {
    const log = childLogger("auth");
    const db = await getDb();
    const settings = loadAuthSettings({}, (file) => log.info({ file }, "generated an auth secret"));
    const oidcParts = [env().OIDC_ISSUER, env().OIDC_CLIENT_ID, env().OIDC_CLIENT_SECRET];
    if (!settings.oidc && oidcParts.some(Boolean)) {
      log.warn("SSO is off: OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must all be set");
    }
    if (env().NODE_ENV === "production" && !env().VIGIL_AUTH_SECRET) {
      log.warn("VIGIL_AUTH_SECRET is not set: using the generated secret in VIGIL_DATA_DIR/auth-secret; back it up or set the variable");
    }
    return { auth: createAuth(db, settings, log), settings };
  })();
  holder[GLOBAL_KEY].catch(() => {
    delete holder[GLOBAL_KEY];
  });
  return holder[GLOBAL_KEY];
}

export async function getAuth(): Promise<VigilAuth> {
  return (await getServerAuth()).auth;
}
