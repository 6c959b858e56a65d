/**
 * Child process for the crash-recovery test: takes a snapshot of a changed inventory, and once part
 * of it is written (IAM roles done) prints PAUSED and waits forever, to be SIGKILLed.
 * Usage: npx tsx lib/snapshot/testing/snapshot-then-hang.ts <database-url>
 */
import { createDb } from "../../db";
import { takeSnapshot } from "../take-snapshot";
import { makeInventory, makeRole } from "./make-inventory";
import { CRASH_TEST_ACCOUNTS } from "./crash-test-inventory";

const databaseUrl = process.argv[2];
if (!databaseUrl) throw new Error("usage: snapshot-then-hang.ts <database-url>");

const db = createDb(databaseUrl, { maxConnections: 3 });
const inventory = makeInventory({ accounts: CRASH_TEST_ACCOUNTS, users: ["alice", "bob"] });
const iam = inventory.iamByAccount["222222222222"]!;
iam.roles = [makeRole("222222222222", "changed-by-crashing-run"), ...iam.roles.slice(1)];

await takeSnapshot(db, {
  source: "LIVE",
  collect: async () => inventory,
  onProgress: async (event) => {
    if (event.phase === "writing" && event.kind === "IAM_ROLE") {
      process.stdout.write(`PAUSED ${event.snapshotId}\n`);
      await new Promise(() => {});
    }
  },
});
