import type { Command } from "commander";
import { cliActor } from "../../lib/audit";
import { listReviewCampaigns, startReviewCampaign, type ReviewCampaignView } from "../../lib/review";
import { terminalSafe, textTable, type TableColumn } from "../terminal-text";
import { withDatabase } from "../with-database";

function countsLine(campaign: ReviewCampaignView): string {
  const { byChange, byDecision } = campaign.counts;
  return (
    `${campaign.counts.total} rows: ${byChange.new} new, ${byChange.changed} changed, ${byChange.unchanged} unchanged, ${byChange.removed} removed; ` +
    `${byDecision.undecided} undecided, ${byDecision.prefilled} pre-filled, ${byDecision.keep} keep, ${byDecision.revoke} revoke, ${byDecision["needs-info"]} needs-info`
  );
}

const COLUMNS: Array<TableColumn<ReviewCampaignView>> = [
  ["id", (c) => String(c.id), 10],
  ["name", (c) => c.name, 30],
  ["status", (c) => c.status, 10],
  ["snapshot", (c) => String(c.snapshotId), 10],
  ["rows", (c) => String(c.counts.total), 10],
  ["undecided", (c) => String(c.counts.byDecision.undecided + c.counts.byDecision.prefilled), 10],
  ["created", (c) => c.createdAt.toISOString(), 24],
  ["signed off", (c) => (c.signedOffAt ? `${c.signedOffAt.toISOString()} by ${c.signedOffByName ?? "?"}` : ""), 60],
];

/** `vigil review start` and `vigil review list`, on the `review` group. */
export function registerReviewStartCommands(review: Command): void {
  review
    .command("start")
    .description("start this week's campaign from the latest complete snapshot (returns the existing one if the week has it)")
    .option("--json", "print the campaign as JSON")
    .action(async (options: { json?: boolean }) => {
      const { campaign, isCreated } = await withDatabase(({ db }) => startReviewCampaign(db, { actor: cliActor() }));
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ ...campaign, isCreated }, null, 2)}\n`);
        return;
      }
      process.stdout.write(
        `${isCreated ? "started" : "already started"} review campaign ${campaign.id} (${terminalSafe(campaign.name)}) from snapshot ${campaign.snapshotId}\n` +
          `${countsLine(campaign)}\n`,
      );
    });
  review
    .command("list")
    .description("every review campaign, newest first")
    .option("--json", "print the campaigns as JSON")
    .action(async (options: { json?: boolean }) => {
      const campaigns = await withDatabase(({ db }) => listReviewCampaigns(db));
      if (options.json) process.stdout.write(`${JSON.stringify(campaigns, null, 2)}\n`);
      else process.stdout.write(campaigns.length === 0 ? "no review campaigns yet\n" : textTable(COLUMNS, campaigns));
    });
}
