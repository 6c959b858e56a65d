import { InvalidArgumentError, type Command } from "commander";
import { cliActor } from "../../lib/audit";
import { isAppError } from "../../lib/errors";
import { parseAgeRecipient, sealCredentials } from "../../lib/notify";
import { withDatabase } from "../with-database";

function parseRecipient(value: string): string {
  try {
    return parseAgeRecipient(value);
  } catch (error) {
    throw new InvalidArgumentError(isAppError(error) ? error.message.replace(/^--recipient /, "") : "invalid recipient");
  }
}

/**
 * `vigil breakglass seal`: the offline copy for the day Vigil itself is down. Prints where it went
 * and how to open it; never a secret (they are only in the encrypted file).
 */
export function registerBreakglassSealCommand(breakglass: Command): void {
  breakglass
    .command("seal")
    .description("write an offline copy of the current break-glass credentials, age-encrypted to --recipient (audited)")
    .requiredOption("--recipient <age public key>", "age X25519 public key (age1…) of whoever may open the copy", parseRecipient)
    .requiredOption("--output <file>", "file to write (mode 0600)")
    .option("--force", "replace an existing file")
    .action(async (options: { recipient: string; output: string; force?: boolean }) => {
      const result = await withDatabase(({ db }) =>
        sealCredentials(db, { recipient: options.recipient, output: options.output, force: options.force ?? false }, { actor: cliActor() }),
      );
      process.stdout.write(
        `sealed ${result.credentialIds.length} credential(s) to ${result.output} for ${options.recipient}\n` +
          `open it with: age -d -i key.txt ${result.output}\n`,
      );
    });
}
