import type { Command } from "commander";
import { registerReviewStartCommands } from "./review-start";

/**
 * The `vigil review` group: weekly access-review campaigns (lib/review). Subcommands attach to the
 * group this returns (`review start`, `review list` here; `review export` in review-export.ts).
 */
export function registerReviewCommands(program: Command): Command {
  const review = program.command("review").description("weekly access reviews: start a campaign, list campaigns, export one");
  registerReviewStartCommands(review);
  return review;
}
