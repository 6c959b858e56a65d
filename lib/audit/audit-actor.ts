import { userInfo } from "node:os";
import type { AuthMethod, Prisma } from "../db";

type AuditActorType = Prisma.AuditActorType;

/** Who an audit entry says acted. */
export type AuditActor =
  /** A signed-in Vigil user: id, display name at the time and how they signed in. */
  | { type: "user"; id: string; name: string; authMethod: AuthMethod }
  /** Not signed in (a failed sign-in): the username claimed, unproven. */
  | { type: "anonymous"; name: string; authMethod: AuthMethod | null }
  /** Vigil itself: the scheduler, a job, the IdP's group mapping. */
  | { type: "system"; name?: string }
  /** An operator at the `vigil` command line. */
  | { type: "cli"; osUser: string };

/** The columns an actor is stored in (and hashed from). */
export type ActorColumns = { actorType: AuditActorType; actorId: string | null; actorName: string; actorAuthMethod: AuthMethod | null };

export const SYSTEM_ACTOR: AuditActor = { type: "system" };

/** A session user (lib/auth's SessionUser has this shape); lib/audit does not depend on lib/auth. */
export function userActor(user: { id: string; displayName: string; method: AuthMethod }): AuditActor {
  return { type: "user", id: user.id, name: user.displayName, authMethod: user.method };
}

/** The operator running this `vigil` command, by their OS account name. */
export function cliActor(): AuditActor {
  let osUser = "unknown";
  try {
    osUser = userInfo().username || "unknown";
  } catch {
    // No passwd entry for this uid (some containers): the uid is still worth recording.
    osUser = `uid ${process.getuid?.() ?? "unknown"}`;
  }
  return { type: "cli", osUser };
}

const clip = (text: string, max = 200) => text.slice(0, max);

export function actorColumns(actor: AuditActor): ActorColumns {
  switch (actor.type) {
    case "user":
      return { actorType: "USER", actorId: clip(actor.id), actorName: clip(actor.name), actorAuthMethod: actor.authMethod };
    case "anonymous":
      return { actorType: "ANONYMOUS", actorId: null, actorName: clip(actor.name), actorAuthMethod: actor.authMethod };
    case "system":
      return { actorType: "SYSTEM", actorId: null, actorName: actor.name ? clip(`system:${actor.name}`) : "system", actorAuthMethod: null };
    case "cli":
      return { actorType: "CLI", actorId: null, actorName: clip(`cli:${actor.osUser}`), actorAuthMethod: null };
  }
}
