import { beforeEach, describe, expect, it } from "vitest";
import { createLocalUser, totpCode } from "../auth";
import { TEST_AUTH_SECRET } from "../auth/testing/auth-test-kit";
import { findLiveCheckouts, getCheckoutWithHistory } from "./list-checkouts";
import { useTestDatabase } from "../testing/use-test-database";
import { registerCredential } from "../vault";
import { useTestVaultKeyring } from "../vault/testing";
import {
  approveCheckout,
  cancelCheckout,
  declareEmergency,
  denyCheckout,
  findDueRotations,
  listRotationProblems,
  sweepCheckouts,
  requestCheckout,
  returnCheckout,
  revealCheckout,
  type CheckoutUser,
} from ".";

const database = useTestDatabase();
useTestVaultKeyring();

const operator: CheckoutUser = { id: "u-op", displayName: "olga", role: "breakglass-operator", method: "LOCAL" };
const approver: CheckoutUser = { id: "u-ap", displayName: "ann", role: "approver", method: "LOCAL" };
const PASSWORD = "Old-Console-Password-1!";
const SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

let credentialId: string;

async function newCredential(iamUserName = `breakglass-${Math.random().toString(36).slice(2, 8)}`) {
  const credential = await registerCredential(
    database.db,
    {
      accountId: "111122223333",
      iamUserName,
      maxCheckoutMinutes: 60,
      password: PASSWORD,
      accessKeyId: "AKIAOLDKEY0000000001",
      secretAccessKey: SECRET_KEY,
    },
    { actor: { type: "system", name: "test" } },
  );
  return credential.id;
}

const request = (user = operator, id = credentialId) =>
  requestCheckout(database.db, user, { credentialId: id, reason: "payments API down", reference: "INC-7", durationMinutes: 30 });

async function auditActions(checkoutId: string) {
  const rows = await database.db.auditEntry.findMany({
    where: { targetType: "checkout", targetId: checkoutId },
    orderBy: { sequence: "asc" },
  });
  return rows.map((row) => row.action);
}

describe("checkout persistence", () => {
  beforeEach(async () => {
    credentialId = await newCredential();
  });

  it("each transition is stored with its transition row and its audit entry", async () => {
    // Given a request approved by another person
    const requested = await request();
    const approved = await approveCheckout(database.db, approver, requested.id, { requestId: "req-9", clientAddress: "203.0.113.9" });
    expect(approved).toMatchObject({ status: "approved", approverName: "ann", version: 1 });
    // When the holder reveals and returns it
    const revealed = await revealCheckout(database.db, operator, requested.id);
    expect(revealed.secrets).toEqual({ password: PASSWORD, accessKeyId: "AKIAOLDKEY0000000001", secretAccessKey: SECRET_KEY });
    await returnCheckout(database.db, operator, requested.id);
    // Then the history and the audit trail say the same, without the secret
    const transitions = await database.db.checkoutTransition.findMany({ where: { checkoutId: requested.id }, orderBy: { id: "asc" } });
    expect(transitions.map((t) => [t.event, t.fromStatus, t.toStatus])).toEqual([
      ["request", null, "REQUESTED"],
      ["approve", "REQUESTED", "APPROVED"],
      ["reveal", "APPROVED", "ACTIVE"],
      ["return", "ACTIVE", "RETURNED"],
    ]);
    expect(await auditActions(requested.id)).toEqual(["checkout.requested", "checkout.approved", "checkout.revealed", "checkout.returned"]);
    const approval = await database.db.auditEntry.findFirst({ where: { action: "checkout.approved", targetId: requested.id } });
    expect(approval).toMatchObject({ actorId: "u-ap", actorName: "ann", requestId: "req-9", clientAddress: "203.0.113.9" });
    const json = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? String(v) : v));
    const everything = json(await database.db.auditEntry.findMany()) + json(transitions) + json(await database.db.notification.findMany());
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain(SECRET_KEY);
  });

  it("a request, an approval and a reveal each queue their notification in the same transaction", async () => {
    const requested = await request();
    await approveCheckout(database.db, approver, requested.id);
    await revealCheckout(database.db, operator, requested.id);
    const kinds = await database.db.notification.findMany({
      where: { payload: { path: ["checkout", "id"], equals: requested.id } },
      orderBy: { createdAt: "asc" },
    });
    expect(kinds.map((n) => n.kind)).toEqual(["checkout.requested", "checkout.approved", "checkout.revealed"]);
    // And the pages' read models show it live, with its steps in order
    expect((await findLiveCheckouts(database.db)).find((c) => c.id === requested.id)?.status).toBe("active");
    const withHistory = await getCheckoutWithHistory(database.db, requested.id);
    expect(withHistory?.transitions.map((t) => [t.from, t.to])).toEqual([
      [null, "requested"],
      ["requested", "approved"],
      ["approved", "active"],
    ]);
    // Who hears of each: approvers of the request and the reveal, the requester of the approval
    expect(kinds.map((n) => (n.payload as { audience?: string }).audience)).toEqual(["approvers", "requester", "approvers"]);
    expect(kinds.map((n) => (n.payload as { checkout?: { requesterId?: string } }).checkout?.requesterId)).toEqual([
      requested.requesterId,
      requested.requesterId,
      requested.requesterId,
    ]);
  });

  it("a refused step writes nothing: no transition, no audit entry, no notification", async () => {
    const requested = await request();
    const before = await database.db.auditEntry.count();
    await expect(approveCheckout(database.db, operator, requested.id)).rejects.toThrow(/may not approve checkouts/);
    expect(await database.db.auditEntry.count()).toBe(before);
    expect(await database.db.checkoutTransition.count({ where: { checkoutId: requested.id } })).toBe(1);
  });

  it("a second reveal of the same checkout is refused and reveals nothing", async () => {
    const requested = await request();
    await approveCheckout(database.db, approver, requested.id);
    await revealCheckout(database.db, operator, requested.id);
    await expect(revealCheckout(database.db, operator, requested.id)).rejects.toThrow(/already revealed .* once/);
    expect((await auditActions(requested.id)).filter((a) => a === "checkout.revealed")).toHaveLength(1);
  });

  it("concurrent reveals of one checkout: exactly one gets the secret", async () => {
    const requested = await request();
    await approveCheckout(database.db, approver, requested.id);
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => revealCheckout(database.db, operator, requested.id)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(String(r.reason)).toMatch(/revealed|held by olga/);
  });

  it("only the holder reveals: the approver is refused", async () => {
    const requested = await request();
    await approveCheckout(database.db, approver, requested.id);
    await expect(revealCheckout(database.db, approver, requested.id)).rejects.toThrow(/only olga/);
  });

  it("a second request for a live credential is refused naming the holder; after a denial it is free again", async () => {
    const first = await request();
    const other: CheckoutUser = { ...operator, id: "u-op2", displayName: "oscar" };
    await expect(request(other)).rejects.toThrow(
      /already checked out: held by olga \(checkout requested since .*reference INC-7\); an approver can deny it or olga cancel it; otherwise it lapses at \d{4}-/,
    );
    await denyCheckout(database.db, approver, first.id, "not an incident");
    expect(await request(other)).toMatchObject({ status: "requested", requesterName: "oscar" });
  });

  it("a refusal while the credential is revealed says the holder returns it or when it expires", async () => {
    const first = await request();
    await approveCheckout(database.db, approver, first.id);
    const { checkout } = await revealCheckout(database.db, operator, first.id);
    const other: CheckoutUser = { ...operator, id: "u-op3", displayName: "otto" };
    await expect(request(other)).rejects.toThrow(
      `held by olga (checkout active since ${checkout.revealedAt!.toISOString()}, reference INC-7); olga can return it; otherwise it expires at ${checkout.expiresAt!.toISOString()}`,
    );
    await returnCheckout(database.db, operator, first.id);
    await expect(request(other)).rejects.toThrow("it is free once Vigil has rotated the credential, which is under way");
  });

  it("a cancelled request frees the credential", async () => {
    const first = await request();
    await cancelCheckout(database.db, operator, first.id);
    expect((await request()).status).toBe("requested");
  });

  it("a duration over the credential's maximum is refused before anything is written", async () => {
    await expect(
      requestCheckout(database.db, operator, { credentialId, reason: "x", reference: "INC-1", durationMinutes: 61 }),
    ).rejects.toThrow("the duration 61 min is over this credential's maximum of 60 min");
    expect(await database.db.checkout.count({ where: { credentialId } })).toBe(0);
  });

  it("50 concurrent requests, then 50 concurrent approvals and reveals, leave exactly one active checkout", async () => {
    // Given 50 operators asking for the same credential at once
    const operators = Array.from({ length: 50 }, (_, i): CheckoutUser => ({
      id: `u-op-${i}`,
      displayName: `operator${i}`,
      role: "breakglass-operator",
      method: "LOCAL",
    }));
    const requests = await Promise.allSettled(operators.map((user) => request(user)));
    // Then one request stands and 49 are refused naming its requester
    const won = requests.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    expect(won).toHaveLength(1);
    const holder = won[0]!;
    const refusals = requests.flatMap((r) => (r.status === "rejected" ? [String(r.reason)] : []));
    expect(refusals).toHaveLength(49);
    for (const message of refusals) expect(message).toContain(`held by ${holder.requesterName}`);
    // When 50 approvers approve it at once
    const approvers = Array.from({ length: 50 }, (_, i): CheckoutUser => ({
      id: `u-ap-${i}`,
      displayName: `approver${i}`,
      role: "approver",
      method: "LOCAL",
    }));
    const approvals = await Promise.allSettled(approvers.map((user) => approveCheckout(database.db, user, holder.id)));
    expect(approvals.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    // And the holder's reveal races 49 more requests
    const holderUser = operators.find((u) => u.id === holder.requesterId)!;
    const [reveal, ...late] = await Promise.allSettled([
      revealCheckout(database.db, holderUser, holder.id),
      ...operators.slice(0, 49).map((user) => request(user)),
    ]);
    expect(reveal.status).toBe("fulfilled");
    expect(late.every((r) => r.status === "rejected")).toBe(true);
    // Then exactly one checkout of the credential exists, and it is active
    const rows = await database.db.checkout.findMany({ where: { credentialId } });
    expect(rows.map((r) => r.status)).toEqual(["ACTIVE"]);
    expect(await database.db.auditEntry.count({ where: { action: "checkout.approved", targetId: holder.id } })).toBe(1);
  });

  describe("emergency", () => {
    it("the requester's valid TOTP self-approves, notifies approvers, makes review mandatory; the same code again is refused", async () => {
      // Given a real local operator with TOTP
      const created = await createLocalUser(
        database.db,
        { username: `op${Date.now()}`, role: "breakglass-operator" },
        { authSecret: TEST_AUTH_SECRET },
      );
      const user: CheckoutUser = {
        id: created.user.id,
        displayName: created.user.username ?? "operator",
        role: "breakglass-operator",
        method: "LOCAL",
      };
      const code = totpCode(created.totpSecret);
      // When they request with the emergency flag
      const checkout = await requestCheckout(database.db, user, {
        credentialId,
        reason: "IdP down",
        reference: "INC-9",
        durationMinutes: 15,
        emergency: { totpCode: code, authSecret: TEST_AUTH_SECRET },
      });
      // Then it is self-approved at once
      expect(checkout).toMatchObject({ status: "emergency", isEmergency: true, isReviewRequired: true, approverId: user.id });
      expect(await auditActions(checkout.id)).toEqual(["checkout.requested", "checkout.emergency"]);
      const notes = await database.db.notification.findMany({ where: { kind: "checkout.emergency" } });
      expect(notes.some((n) => JSON.stringify(n.payload).includes(checkout.id))).toBe(true);
      // And a replayed code cannot self-approve another request
      await cancelCheckout(database.db, user, checkout.id);
      const again = await requestCheckout(database.db, user, { credentialId, reason: "again", reference: "INC-9", durationMinutes: 15 });
      await expect(declareEmergency(database.db, user, again.id, { totpCode: code, authSecret: TEST_AUTH_SECRET })).rejects.toThrow(
        /already used/,
      );
    });

    it("a wrong TOTP code is refused and the request stays pending", async () => {
      const created = await createLocalUser(
        database.db,
        { username: `op${Date.now()}b`, role: "breakglass-operator" },
        { authSecret: TEST_AUTH_SECRET },
      );
      const user: CheckoutUser = {
        id: created.user.id,
        displayName: created.user.username ?? "operator",
        role: "breakglass-operator",
        method: "LOCAL",
      };
      const pending = await requestCheckout(database.db, user, {
        credentialId,
        reason: "IdP down",
        reference: "INC-9",
        durationMinutes: 15,
      });
      const wrong = totpCode(created.totpSecret, new Date(Date.now() - 10 * 60_000));
      await expect(declareEmergency(database.db, user, pending.id, { totpCode: wrong, authSecret: TEST_AUTH_SECRET })).rejects.toThrow(
        /TOTP code is wrong/,
      );
      expect((await database.db.checkout.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("REQUESTED");
    });
  });

  describe("scheduler sweep", () => {
    it("an active checkout expires at its countdown's end, its window closed then, and its rotation falls due", async () => {
      const requested = await request();
      await approveCheckout(database.db, approver, requested.id);
      const { checkout } = await revealCheckout(database.db, operator, requested.id);
      // a minute before the end nothing happens
      expect((await sweepCheckouts(database.db, new Date(checkout.expiresAt!.getTime() - 60_000))).expired).not.toContain(requested.id);
      const later = new Date(checkout.expiresAt!.getTime() + 60_000);
      expect((await sweepCheckouts(database.db, later)).expired).toContain(requested.id);
      const row = await database.db.checkout.findUniqueOrThrow({ where: { id: requested.id } });
      expect(row).toMatchObject({ status: "EXPIRED", endedAt: checkout.expiresAt });
      expect(await findDueRotations(database.db, later)).toContain(requested.id);
      expect(await auditActions(requested.id)).toContain("checkout.expired");
      const expiredNote = await database.db.notification.findFirst({
        where: { kind: "checkout.expired", payload: { path: ["checkout", "id"], equals: requested.id } },
      });
      expect(expiredNote).not.toBeNull();
      // not rotated ten minutes on: a critical rotation problem
      expect(await listRotationProblems(database.db, new Date(later.getTime() + 11 * 60_000))).toContainEqual(
        expect.objectContaining({ checkoutId: requested.id, status: "expired" }),
      );
    });

    it("an unapproved request lapses after an hour and frees the credential", async () => {
      const requested = await request();
      expect((await sweepCheckouts(database.db, new Date(Date.now() + 30 * 60_000))).lapsed).not.toContain(requested.id);
      expect((await sweepCheckouts(database.db, new Date(Date.now() + 61 * 60_000))).lapsed).toContain(requested.id);
      expect((await database.db.checkout.findUniqueOrThrow({ where: { id: requested.id } })).status).toBe("REQUEST_EXPIRED");
      expect((await request()).status).toBe("requested");
    });
  });
});
