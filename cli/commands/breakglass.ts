import { InvalidArgumentError, type Command } from "commander";
import type { z } from "zod";
import { cliActor } from "../../lib/audit";
import { DEFAULT_MAX_CHECKOUT_MINUTES, MAX_CHECKOUT_MINUTES_LIMIT, REGISTER_CREDENTIAL_INPUT, registerCredential } from "../../lib/vault";
import { withDatabase } from "../with-database";
import { registerBreakglassSealCommand } from "./breakglass-seal";
import { parseStdinSecrets, readStdin } from "./breakglass-stdin";

type RegisterShape = typeof REGISTER_CREDENTIAL_INPUT.shape;

type AddOptions = {
  account: string;
  iamUser: string;
  passwordStdin?: boolean;
  accessKeyId?: string;
  secretAccessKeyStdin?: boolean;
  mfaNote?: string;
  maxMinutes: number;
};

/** A flag checked by the same schema the admin form uses; the message names the rule, never the value. */
function field<K extends "accountId" | "iamUserName" | "accessKeyId" | "mfaNote" | "maxCheckoutMinutes">(key: K) {
  return (value: string): z.output<RegisterShape[K]> => {
    const parsed = (REGISTER_CREDENTIAL_INPUT.shape[key] as RegisterShape[K]).safeParse(value);
    if (!parsed.success) throw new InvalidArgumentError(parsed.error.issues[0]?.message ?? "invalid value");
    return parsed.data as z.output<RegisterShape[K]>;
  };
}

function registerAdd(breakglass: Command): void {
  breakglass
    .command("add")
    .description("register a break-glass IAM user's password and/or access key in the vault; secrets are read from stdin, never from flags")
    .requiredOption("--account <id>", "12-digit AWS account id", field("accountId"))
    .requiredOption("--iam-user <name>", "IAM user name", field("iamUserName"))
    .option("--password-stdin", "read the console password from stdin (line 1)")
    .option("--access-key-id <id>", "access key id (AKIA…); its secret comes from --secret-access-key-stdin", field("accessKeyId"))
    .option("--secret-access-key-stdin", "read the secret access key from stdin (line 2 with --password-stdin, else line 1)")
    .option("--mfa-note <text>", "where the MFA device is kept (no seeds or codes)", field("mfaNote"))
    .option(
      "--max-minutes <n>",
      `longest checkout, 5–${MAX_CHECKOUT_MINUTES_LIMIT} minutes (default ${DEFAULT_MAX_CHECKOUT_MINUTES})`,
      field("maxCheckoutMinutes"),
      DEFAULT_MAX_CHECKOUT_MINUTES,
    )
    .addHelpText(
      "after",
      "\nstdin: one secret per line, the password first, then the secret access key (each as given to it).\n" +
        '  printf \'%s\\n%s\\n\' "$PASSWORD" "$SECRET_KEY" | vigil breakglass add --account 111122223333 \\\n' +
        "    --iam-user breakglass --password-stdin --access-key-id AKIA… --secret-access-key-stdin",
    )
    .action(async function (this: Command, options: AddOptions) {
      if (!options.passwordStdin && !options.secretAccessKeyStdin)
        this.error("give --password-stdin, --secret-access-key-stdin, or both", { exitCode: 2 });
      if (Boolean(options.accessKeyId) !== Boolean(options.secretAccessKeyStdin)) {
        this.error("--access-key-id and --secret-access-key-stdin go together", { exitCode: 2 });
      }
      let secrets;
      try {
        secrets = parseStdinSecrets(await readStdin(), {
          password: Boolean(options.passwordStdin),
          secretAccessKey: Boolean(options.secretAccessKeyStdin),
        });
      } catch (error) {
        this.error((error as Error).message, { exitCode: 2 });
      }
      const credential = await withDatabase(({ db }) =>
        registerCredential(
          db,
          {
            accountId: options.account,
            iamUserName: options.iamUser,
            mfaNote: options.mfaNote,
            maxCheckoutMinutes: options.maxMinutes,
            accessKeyId: options.accessKeyId,
            ...secrets,
          },
          { actor: cliActor() },
        ),
      );
      const holds = [
        credential.hasPassword ? "console password" : null,
        credential.accessKeyId ? `access key ${credential.accessKeyId}` : null,
      ].filter(Boolean);
      console.log(
        `registered ${credential.iamUserName} in ${credential.accountId} (id ${credential.id}): ${holds.join(" and ")}; checkouts up to ${credential.maxCheckoutMinutes} minutes`,
      );
    });
}

/** `vigil breakglass …`: break-glass credentials from a shell, without the web app or the IdP. */
export function registerBreakglassCommands(program: Command): void {
  const breakglass = program.command("breakglass").description("break-glass credentials: register them in the vault, seal an offline copy");
  registerAdd(breakglass);
  registerBreakglassSealCommand(breakglass);
}
