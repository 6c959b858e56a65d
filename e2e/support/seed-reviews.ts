import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { collectOrganization } from "../../lib/aws";
import { makeSimAwsConfig } from "../../lib/aws/testing/sim-fixture";
import { createLocalUser } from "../../lib/auth";
import type { PrismaClient } from "../../lib/db";
import { setRuntimeEnv } from "../../lib/env";
import { childLogger } from "../../lib/log";
import { startSimServer, type SimServer } from "../../lib/sim";
import { takeSnapshot } from "../../lib/snapshot";
import { startReviewCampaignJob } from "../../jobs/start-review-campaign";
import type { LocalCredentials } from "./state";

/** What the reviews spec needs from this seed (written beside e2e-state.json). */
export type SeededReviews = {
  /** the week's campaign, started by the scheduled job's handler from snapshotA */
  campaignId: number;
  snapshotA: number;
  /**
   * The simulator the snapshot was taken from, still running (global-setup closes it at teardown):
   * the spec carries out the revoke and adds the joiner through its admin API, then snapshots it again.
   */
  simUrl: string;
  reviewer: LocalCredentials & { email: string };
  auditor: LocalCredentials & { email: string };
  accountId: string;
  permissionSet: string;
  /** an Identity Center user whose display name is a spreadsheet formula (exports must keep it inert) */
  formulaUser: { email: string; displayName: string };
  /** an Identity Center user with no access in snapshotA: the spec assigns them, NEW next week */
  joiner: { email: string; userId: string };
  /** assigned in snapshotA: the reviewer revokes it, the spec removes it, REMOVED next week */
  leaver: { email: string; userId: string };
};

export const REVIEWS_STATE_FILE = path.resolve("test-results", "e2e-reviews.json");
export const FORMULA = '=HYPERLINK("http://x","y")';
/** The sandbox account: a plain permission set there reaches no further role, so each assignment is one row. */
const ACCOUNT_ID = "612345678902";
const PERMISSION_SET = "ViewOnlyAccess";

export function readSeededReviews(): SeededReviews {
  return JSON.parse(readFileSync(REVIEWS_STATE_FILE, "utf8")) as SeededReviews;
}

async function snapshot(db: PrismaClient, sim: SimServer): Promise<number> {
  const config = makeSimAwsConfig(sim.url);
  const result = await takeSnapshot(db, { source: "LIVE", collect: (onProgress) => collectOrganization(config, { onProgress }) });
  if (result.status !== "COMPLETE")
    throw new Error(`e2e review snapshot ${result.status}: ${result.failure ?? JSON.stringify(result.errors)}`);
  return result.id;
}

/**
 * The reviews spec's data, seeded by global-setup BEFORE the inventory seed, so the snapshots other
 * specs read (the latest, and the drift's last two) stay theirs. Its own demo organization gains a
 * user named like a formula, a leaver (assigned) and a joiner (not yet); snapshot A; the scheduled
 * review job's handler starts the week's campaign from it (then the latest). The simulator keeps
 * running for the spec, which changes it after the reviewer's decisions (its project runs after the
 * main one, so its snapshot is nobody else's latest). Every row goes to one reviewer
 * (VIGIL_REVIEW_DEFAULT_REVIEWER, set for the web server and the spec's workers too).
 */
export async function seedReviews(
  db: PrismaClient,
  options: { authSecret: string },
): Promise<{ seeded: SeededReviews; close: () => Promise<void> }> {
  const tag = randomBytes(3).toString("hex");
  const reviewerEmail = `reviewer.${tag}@vigil-e2e.example`;
  const formulaEmail = `formula.${tag}@acme-fintech.example`;
  setRuntimeEnv("VIGIL_REVIEW_DEFAULT_REVIEWER", reviewerEmail);
  const local = async (key: string, role: "viewer" | "auditor", email: string) => {
    const username = `rv.${key}.${tag}`;
    const created = await createLocalUser(db, { username, role, email }, { authSecret: options.authSecret });
    return { username, password: created.password, totpSecret: created.totpSecret, email };
  };
  const reviewer = await local("reviewer", "viewer", reviewerEmail);
  // The auditor is also the formula user in Identity Center: their own row must show no controls.
  const auditor = await local("auditor", "auditor", formulaEmail);

  const sim = await startSimServer({ scenario: "demo", port: 0 });
  try {
    const person = (userName: string, givenName: string, familyName: string) =>
      sim.admin.addIdentityCenterUser({ userName, givenName, familyName, email: userName });
    const formula = person(formulaEmail, "Formula", "User");
    // Identity Center takes any display name; the admin API composes it from given + family name.
    formula.displayName = FORMULA;
    const leaver = person(`leaver.${tag}@acme-fintech.example`, "Lee", "Leaver");
    const joiner = person(`joiner.${tag}@acme-fintech.example`, "Jo", "Joiner");
    const assign = (principalId: string) => ({
      accountId: ACCOUNT_ID,
      permissionSet: PERMISSION_SET,
      principalType: "USER" as const,
      principalId,
    });
    sim.admin.addAssignment(assign(formula.userId));
    sim.admin.addAssignment(assign(leaver.userId));
    const snapshotA = await snapshot(db, sim);

    const output = (await startReviewCampaignJob.handler(startReviewCampaignJob.schema.parse({}), {
      db,
      log: childLogger("e2e-seed-reviews"),
      jobId: `e2e-${tag}`,
      retryCount: 0,
      signal: new AbortController().signal,
    })) as { campaignId?: number };
    const campaign = await db.reviewCampaign.findFirstOrThrow({ where: { snapshotId: snapshotA }, select: { id: true } });
    if (output.campaignId !== campaign.id) throw new Error("the review job did not start the campaign of the seeded snapshot");

    const seeded: SeededReviews = {
      campaignId: campaign.id,
      snapshotA,
      simUrl: sim.url,
      reviewer,
      auditor,
      accountId: ACCOUNT_ID,
      permissionSet: PERMISSION_SET,
      formulaUser: { email: formulaEmail, displayName: FORMULA },
      joiner: { email: joiner.email, userId: joiner.userId },
      leaver: { email: leaver.email, userId: leaver.userId },
    };
    mkdirSync(path.dirname(REVIEWS_STATE_FILE), { recursive: true });
    writeFileSync(REVIEWS_STATE_FILE, JSON.stringify(seeded, null, 2), { mode: 0o600 });
    return { seeded, close: () => sim.close() };
  } catch (error) {
    await sim.close();
    throw error;
  }
}
