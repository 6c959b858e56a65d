import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth";
import { createLogger } from "@/lib/log";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import { useTestVaultKeyring } from "@/lib/vault/testing";
import type { ActionContext } from "../_actions/define-action";
import {
  approveBreakglassCheckout,
  registerBreakglassCredential,
  requestBreakglassCheckout,
  revealBreakglassCheckout,
} from "./breakglass-actions";

const database = useTestDatabase();
useTestVaultKeyring();
const BASE_URL = "http://localhost:3999";
const PASSWORD = "Console-Pa55word-that-must-never-leak!";
const SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
let counter = 0;

const user = (role: SessionUser["role"]): SessionUser => ({
  id: `${role}-${counter++}`,
  displayName: `${role}-${counter}`,
  email: `${role}@example.test`,
  role,
  method: "LOCAL",
});

function actionContext(caller: SessionUser) {
  const logLines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString("utf8"));
      done();
    },
  });
  const context: ActionContext = {
    db: database.db,
    user: caller,
    headers: new Headers({ origin: BASE_URL }),
    baseUrl: BASE_URL,
    requestId: "req-breakglass",
    log: createLogger({ level: "info", destination }),
    revalidate: () => {},
  };
  return { context, logLines };
}

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

const uniqueUser = () => `breakglass-${Date.now() % 100_000}-${counter++}`;

async function registered(iamUserName = uniqueUser(), maxCheckoutMinutes = "60") {
  const { context } = actionContext(user("admin"));
  const state = await registerBreakglassCredential.run(
    context,
    form({
      accountId: "111122223333",
      iamUserName,
      password: PASSWORD,
      accessKeyId: "AKIAIOSFODNN7EXAMPLE",
      secretAccessKey: SECRET_KEY,
      maxCheckoutMinutes,
      // React adds these to server-action forms; they must not trip the vault's strict schema.
      $ACTION_KEY: "k0",
    }),
  );
  expect(state.ok, JSON.stringify(state)).toBe(true);
  return (await database.db.breakglassCredential.findFirstOrThrow({ where: { iamUserName }, select: { id: true } })).id;
}

describe("break-glass server actions", () => {
  it("an admin registers a credential and the answer and the logs name the user, never a secret", async () => {
    // Given an admin
    const { context, logLines } = actionContext(user("admin"));
    const iamUserName = uniqueUser();
    // When the form is submitted with a password and a key pair
    const state = await registerBreakglassCredential.run(
      context,
      form({
        accountId: "111122223333",
        iamUserName,
        password: PASSWORD,
        accessKeyId: "AKIAIOSFODNN7EXAMPLE",
        secretAccessKey: SECRET_KEY,
      }),
    );
    // Then it is registered and nothing echoes a secret
    expect(state).toMatchObject({ ok: true, message: `Registered ${iamUserName} in account 111122223333.` });
    const echoed = JSON.stringify(state) + logLines.join("");
    expect(echoed).not.toContain(PASSWORD);
    expect(echoed).not.toContain(SECRET_KEY);
  });

  it("a breakglass-operator may not register a credential, and a bad secret is refused without quoting it", async () => {
    const operator = actionContext(user("breakglass-operator"));
    const refused = await registerBreakglassCredential.run(
      operator.context,
      form({ accountId: "111122223333", iamUserName: uniqueUser(), password: PASSWORD }),
    );
    expect(refused).toMatchObject({ ok: false, error: "requires role admin" });

    const admin = actionContext(user("admin"));
    const badKey = "not-a-secret-access-key-but-private";
    const invalid = await registerBreakglassCredential.run(
      admin.context,
      form({ accountId: "111122223333", iamUserName: uniqueUser(), accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: badKey }),
    );
    expect(invalid).toMatchObject({ ok: false, fields: ["secretAccessKey"] });
    expect(JSON.stringify(invalid) + admin.logLines.join("")).not.toContain(badKey);
  });

  it("a request longer than the credential's maximum is refused naming the maximum", async () => {
    const credentialId = await registered(uniqueUser(), "30");
    const { context } = actionContext(user("breakglass-operator"));
    const state = await requestBreakglassCheckout.run(
      context,
      form({ credentialId, reason: "outage", reference: "INC-1", durationMinutes: "31" }),
    );
    expect(state).toMatchObject({ ok: false });
    expect(state.ok === false && state.error).toContain("maximum of 30 min");
  });

  it("the holder's reveal returns the secret once; a second reveal and someone else's are refused, and no log line holds it", async () => {
    // Given an approved checkout
    const credentialId = await registered();
    const operator = user("breakglass-operator");
    const holder = actionContext(operator);
    const requested = await requestBreakglassCheckout.run(
      holder.context,
      form({ credentialId, reason: "prod down", reference: "INC-2", durationMinutes: "15" }),
    );
    expect(requested.ok).toBe(true);
    const checkoutId = requested.ok ? requested.checkoutId! : "";
    const approved = await approveBreakglassCheckout.run(actionContext(user("approver")).context, form({ checkoutId }));
    expect(approved).toMatchObject({ ok: true });

    // When another operator tries to reveal it, it is refused
    const other = await revealBreakglassCheckout.run(actionContext(user("breakglass-operator")).context, form({ checkoutId }));
    expect(other).toMatchObject({ ok: false });
    expect(other.ok === false && other.error).toContain("who holds this checkout");

    // When the holder reveals it
    const first = await revealBreakglassCheckout.run(holder.context, form({ checkoutId }));
    // Then the secret is in that one answer, with the countdown's end
    expect(first).toMatchObject({
      ok: true,
      revealed: { secrets: { password: PASSWORD, accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: SECRET_KEY } },
    });
    expect(first.ok && first.revealed?.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    // And a second reveal is refused with a clear reason
    const second = await revealBreakglassCheckout.run(holder.context, form({ checkoutId }));
    expect(second).toMatchObject({ ok: false });
    expect(second.ok === false && second.error).toContain("a checkout reveals it once");
    expect(JSON.stringify(second)).not.toContain(SECRET_KEY);
    // And the logs never saw it
    expect(holder.logLines.join("")).not.toContain(SECRET_KEY);
    expect(holder.logLines.join("")).not.toContain(PASSWORD);
  });
});
