import type { Command } from "commander";

/**
 * The `vigil review` group: weekly access-review campaigns (lib/review). Subcommands attach to the
 * group this returns (`review start`, `review list` here; `review export` in review-export.ts).
 */
export function registerReviewCommands(program: Command): Command {
  return program.command("review").description("weekly access reviews: start a campaign, list campaigns, export one");
}
