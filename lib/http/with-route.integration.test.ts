import { describe, expect, it } from "vitest";
import { z } from "zod";
import { useTestDatabase } from "../testing/use-test-database";
import type { SessionUser } from "../auth";
import { AppError } from "../errors";
import { createRouteWrapper } from "./with-route";

const database = useTestDatabase();
const BASE = "http://vigil.test";

const makeUser = (role: SessionUser["role"]): SessionUser => ({
  id: `user-${role}`,
  displayName: role,
  email: `${role}@example.com`,
  role,
  method: "LOCAL",
});

function makeWrapper(user: SessionUser | null) {
  return createRouteWrapper({
    getDb: async () => database.db,
    getSession: async () => user,
    getBaseUrl: async () => BASE,
  });
}

const post = (body: unknown, headers: Record<string, string> = { origin: BASE }) =>
  new Request(`${BASE}/api/things/42?limit=5`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
const context = { params: Promise.resolve({ id: "42" }) };

describe("withRoute", () => {
  const route = (user: SessionUser | null) =>
    makeWrapper(user)({
      auth: true,
      roles: ["auditor"],
      params: z.object({ id: z.coerce.number().int() }),
      query: z.object({ limit: z.coerce.number().max(10) }),
      body: z.object({ name: z.string().min(1) }),
      response: z.object({ id: z.number(), name: z.string() }),
      handler: async ({ params, body }) => ({ id: params.id, name: body.name, secret: "never leaves" }),
    });

  it("parses params, query and body and shapes the answer", async () => {
    const response = await route(makeUser("auditor"))(post({ name: "x" }), context);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: 42, name: "x" });
  });

  it("answers 401 problem+json when signed out", async () => {
    const response = await route(null)(post({ name: "x" }), context);
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
  });

  it("answers 403 for a role that lacks access, and lets admin through", async () => {
    expect((await route(makeUser("viewer"))(post({ name: "x" }), context)).status).toBe(403);
    expect((await route(makeUser("admin"))(post({ name: "x" }), context)).status).toBe(200);
  });

  it("answers 400 naming the invalid fields", async () => {
    const response = await route(makeUser("auditor"))(post({ name: "" }), context);
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { details: { fields: string[] } };
    expect(problem.details.fields).toEqual(["body.name"]);
  });

  it("refuses a mutation from another origin before anything else", async () => {
    const response = await route(makeUser("admin"))(post({ name: "x" }, { origin: "https://evil.example" }), context);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: "CROSS_ORIGIN" });
  });

  it("maps AppErrors and Prisma errors through the one status table", async () => {
    const conflict = makeWrapper(makeUser("admin"))({
      auth: true,
      handler: async ({ db }) => {
        await db.user.create({ data: { name: "a", email: "dup@example.com" } });
        await db.user.create({ data: { name: "b", email: "dup@example.com" } });
        return null;
      },
    });
    expect((await conflict(post({}), context)).status).toBe(409);
    const missing = makeWrapper(null)({
      auth: false,
      handler: async () => {
        throw new AppError("NOT_FOUND", "no such thing");
      },
    });
    const response = await missing(new Request(`${BASE}/api/x`), context);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ detail: "no such thing" });
  });
});
