import type { Command } from "commander";
import { cliActor } from "../../lib/audit";
import { isAppError } from "../../lib/errors";
import { parseAgeRecipient, sealCredentials } from "../../lib/notify";
import { withDatabase } from "../with-database";

/**
 * `vigil breakglass seal`: the offline copy for the day Vigil itself is down. Prints where it went
 * and how to open it; never a secret (they are only in the encrypted file).
 */
export function registerBreakglassSealCommand(breakglass: Command): void {
  breakglass
    .command("seal")
    .description("write an offline copy of the current break-glass credentials, age-encrypted to --recipient (audited)")
    .requiredOption("--recipient <age public key>", "age X25519 public key (age1…) of whoever may open the copy")
    .requiredOption("--output <file>", "file to write (mode 0600)")
    .option("--force", "replace an existing file")
    .action(async (options: { recipient: string; output: string; force?: boolean }, command: Command) => {
      let recipient: string;
      try {
        recipient = parseAgeRecipient(options.recipient);
      } catch (error) {
        // Checked here rather than by an option parser: commander would quote the value, and a
        // secret key pasted by mistake must not reach the terminal's scrollback. Exits 2 (usage).
        return command.error(`error: ${isAppError(error) ? error.message : "invalid --recipient"}`, { exitCode: 2, code: "vigil.usage" });
      }
      const result = await withDatabase(({ db }) =>
        sealCredentials(db, { recipient, output: options.output, force: options.force ?? false }, { actor: cliActor() }),
      );
      process.stdout.write(
        `sealed ${result.credentialIds.length} credential(s) to ${result.output} for ${recipient}\n` +
          `open it with: age -d -i key.txt ${result.output}\n`,
      );
    });
}
