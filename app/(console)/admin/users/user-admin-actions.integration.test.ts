import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLocalUser, type SessionUser } from "@/lib/auth";
import { TEST_AUTH_SECRET } from "@/lib/auth/testing/auth-test-kit";
import { createLogger } from "@/lib/log";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import type { ActionContext } from "../../_actions/define-action";
import { changeRole, createUser } from "./user-admin-actions";

const database = useTestDatabase();
const BASE_URL = "http://localhost:3999";
const REQUEST_ID = "0f8e3c2a-1b4d-4e5f-8a9b-7c6d5e4f3a2b";
let counter = 0;
const uniqueName = (prefix: string) => `${prefix}${Date.now() % 100000}${counter++}`;

function sessionUser(id: string, role: SessionUser["role"]): SessionUser {
  return { id, displayName: `${role}-caller`, email: `${role}@example.test`, role, method: "LOCAL" };
}

function actionContext(user: SessionUser, headers: Record<string, string> = { origin: BASE_URL }) {
  const logLines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(JSON.parse(chunk.toString("utf8")) as Record<string, unknown>);
      done();
    },
  });
  const revalidated: string[] = [];
  const context: ActionContext = {
    db: database.db,
    user,
    headers: new Headers(headers),
    baseUrl: BASE_URL,
    requestId: REQUEST_ID,
    log: createLogger({ level: "info", destination }),
    revalidate: (path) => revalidated.push(path),
  };
  return { context, logLines, revalidated };
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

async function makeTarget() {
  return createLocalUser(database.db, { username: uniqueName("target"), role: "viewer" }, { authSecret: TEST_AUTH_SECRET });
}

describe("user admin server actions", () => {
  it("a caller without users:manage is refused a role change, and nothing is written", async () => {
    // Given a viewer and another user
    const target = await makeTarget();
    const { context, logLines, revalidated } = actionContext(sessionUser("caller-viewer", "viewer"));
    // When the viewer tries to make the user an admin
    const state = await changeRole.run(context, form({ userId: target.user.id, role: "admin" }));
    // Then the action is refused with the role it needs, under the request id
    expect(state).toMatchObject({ ok: false, error: "requires role admin", requestId: REQUEST_ID });
    const stored = await database.db.user.findUniqueOrThrow({ where: { id: target.user.id }, select: { role: true } });
    expect(stored.role).toBe("VIEWER");
    expect(await database.db.authEvent.count({ where: { userId: target.user.id, type: "ROLE_CHANGED" } })).toBe(0);
    expect(revalidated).toEqual([]);
    expect(logLines.map((line) => [line.level, line.requestId, line.code])).toEqual([[40, REQUEST_ID, "FORBIDDEN"]]);
  });

  it("an approver cannot create a local account either: no user, no event", async () => {
    const username = uniqueName("sneaky");
    const { context } = actionContext(sessionUser("caller-approver", "approver"));
    const state = await createUser.run(context, form({ username, role: "admin" }));
    expect(state).toMatchObject({ ok: false, error: "requires role admin" });
    expect(await database.db.user.count({ where: { username } })).toBe(0);
    expect(await database.db.authEvent.count({ where: { username } })).toBe(0);
  });

  it("bad input is refused naming the bad field, and the handler never runs", async () => {
    // Given an admin and a user
    const target = await makeTarget();
    const { context, revalidated } = actionContext(sessionUser("caller-admin", "admin"));
    // When the admin submits a role that does not exist
    const state = await changeRole.run(context, form({ userId: target.user.id, role: "superuser" }));
    // Then the refusal names the field
    expect(state).toMatchObject({ ok: false, fields: ["role"], requestId: REQUEST_ID });
    expect(state.ok === false && state.error).toMatch(/→ at role/);
    expect(await database.db.authEvent.count({ where: { userId: target.user.id } })).toBe(1); // USER_CREATED only
    expect(revalidated).toEqual([]);
  });

  it("a request without a same-origin Origin is refused before the session's role is consulted", async () => {
    const target = await makeTarget();
    const { context } = actionContext(sessionUser("caller-admin", "admin"), { origin: "https://evil.example" });
    const state = await changeRole.run(context, form({ userId: target.user.id, role: "auditor" }));
    expect(state).toMatchObject({ ok: false, error: "cross-origin request refused" });
    const noOrigin = actionContext(sessionUser("caller-admin", "admin"), {});
    expect(await changeRole.run(noOrigin.context, form({ userId: target.user.id, role: "auditor" }))).toMatchObject({ ok: false });
    expect((await database.db.user.findUniqueOrThrow({ where: { id: target.user.id } })).role).toBe("VIEWER");
  });

  it("an admin's role change is written once, with its audit entry, and the users page is revalidated", async () => {
    const admin = await createLocalUser(database.db, { username: uniqueName("admin"), role: "admin" }, { authSecret: TEST_AUTH_SECRET });
    const target = await makeTarget();
    const { context, logLines, revalidated } = actionContext(sessionUser(admin.user.id, "admin"));
    const state = await changeRole.run(context, form({ userId: target.user.id, role: "auditor" }));
    expect(state).toEqual({ ok: true, message: "Role set to auditor." });
    const events = await database.db.authEvent.findMany({ where: { userId: target.user.id, type: "ROLE_CHANGED" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: admin.user.id, detail: { from: "viewer", to: "auditor" } });
    expect(revalidated).toEqual(["/admin/users"]);
    expect(logLines).toEqual([expect.objectContaining({ requestId: REQUEST_ID, action: "changeRole", audit: "ROLE_CHANGED" })]);
  });
});
