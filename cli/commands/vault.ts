import { readFileSync } from "node:fs";
import { type Command } from "commander";
import { cliActor } from "../../lib/audit";
import { env } from "../../lib/env";
import { rewrapVault, vaultKeyringFromSettings } from "../../lib/vault";
import { withDatabase } from "../with-database";
import { readStdin } from "./breakglass-stdin";

/** The old master key from a file or stdin (`-`): on the command line it would sit in `ps` and shell history. */
async function readOldKey(file: string): Promise<string> {
  const text = file === "-" ? await readStdin() : readFileSync(file, "utf8");
  return text.trim();
}

/** `vigil vault …`: the vault's keys. */
export function registerVaultCommands(program: Command): void {
  const vault = program.command("vault").description("the break-glass vault's encryption keys");

  vault
    .command("rewrap")
    .description(
      "after rotating VIGIL_MASTER_KEY (or moving to or from VIGIL_KMS_KEY_ID), re-wrap every stored data key under the current key; safe to run again",
    )
    .option("--from-key-file <file>", "file holding the previous master key (`-` = stdin); default VIGIL_MASTER_KEY_PREVIOUS")
    .action(async function (this: Command, options: { fromKeyFile?: string }) {
      let previousMasterKey: string | undefined;
      if (options.fromKeyFile) {
        try {
          previousMasterKey = await readOldKey(options.fromKeyFile);
        } catch (error) {
          this.error(`--from-key-file: ${(error as Error).message}`, { exitCode: 2 });
        }
      }
      let keyring;
      try {
        keyring = vaultKeyringFromSettings(env(), { previousMasterKey });
      } catch (error) {
        this.error(`${options.fromKeyFile ? "--from-key-file: " : ""}${(error as Error).message}`, { exitCode: 2 });
      }
      const report = await withDatabase(({ db }) => rewrapVault(db, keyring, { actor: cliActor() }));
      console.log(
        `vault rewrap: ${report.rewrapped} data key(s) re-wrapped, ${report.alreadyCurrent} already under ${report.currentKeyRef}, ${report.failed.length} credential(s) failed (${report.secrets} secret(s) stored)`,
      );
      for (const failure of report.failed) console.error(`  ${failure.credentialId}: ${failure.reason}`);
      if (report.failed.length > 0) process.exitCode = 1;
    });
}
