import { cliActor } from "../../lib/audit";
import { InvalidArgumentError, type Command } from "commander";
import {
  createLocalUser,
  findUsers,
  isRoleName,
  LOCAL_USER_INPUT,
  resetTotp,
  ROLE_NAMES,
  unlockUser,
  USERNAME_SCHEMA,
  type RoleName,
  type UserSummary,
} from "../../lib/auth";
import { withDatabase } from "../with-database";

function parseRole(value: string): RoleName {
  const role = value.trim().toLowerCase();
  if (!isRoleName(role)) throw new InvalidArgumentError(`role must be one of: ${ROLE_NAMES.join(", ")}`);
  return role;
}

function parseUsername(value: string): string {
  const parsed = USERNAME_SCHEMA.safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError(parsed.error.issues[0]?.message ?? "invalid username");
  return parsed.data;
}

function parseEmail(value: string): string {
  const parsed = LOCAL_USER_INPUT.shape.email.safeParse(value);
  if (!parsed.success || !parsed.data) throw new InvalidArgumentError("must be an email address");
  return parsed.data;
}

function printTable(users: UserSummary[]): void {
  const rows = users.map((user) => [
    user.username ?? "-",
    user.email,
    user.role,
    user.method === "LOCAL" ? "local" : "oidc",
    user.method === "LOCAL" ? (user.isTotpEnrolled ? "yes" : "NO") : "idp",
    user.lockedUntil && user.lockedUntil > new Date() ? `until ${user.lockedUntil.toISOString()}` : "-",
    String(user.failedLoginCount),
  ]);
  // DELAYED: an address is waiting out a sign-in delay on this account (the account itself never locks).
  const header = ["USERNAME", "EMAIL", "ROLE", "TYPE", "TOTP", "DELAYED", "FAILURES"];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  for (const row of [header, ...rows]) {
    console.log(
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join("  ")
        .trimEnd(),
    );
  }
}

/**
 * `vigil user …`: break-glass account management from a shell. Never prompts, so it runs the same
 * from scripts and without a TTY. Secrets are printed once, to stdout, and nowhere else.
 */
export function registerUserCommands(program: Command): void {
  const user = program.command("user").description("manage Vigil users (local break-glass accounts)");

  user
    .command("add")
    .description("create a local user with a generated password and TOTP enrolled; prints both once")
    .requiredOption("--username <name>", "login name (3–30 of a-z 0-9 _ .)", parseUsername)
    .requiredOption("--role <role>", `one of: ${ROLE_NAMES.join(", ")}`, parseRole)
    .option("--email <email>", "contact address (optional)", parseEmail)
    .action(async (options: { username: string; role: RoleName; email?: string }) => {
      const created = await withDatabase(({ db }) =>
        createLocalUser(db, { username: options.username, role: options.role, email: options.email }, { auditActor: cliActor() }),
      );
      console.log(`created local user ${created.user.username} (role ${created.user.role})`);
      console.log(`username:    ${created.user.username}`);
      console.log(`password:    ${created.password}`);
      console.log(`TOTP secret: ${created.totpSecret}`);
      console.log(`TOTP URI:    ${created.otpauthUri}`);
      console.log("These are shown only once: store them in your break-glass safe now.");
    });

  user
    .command("list")
    .description("list users (no secrets)")
    .action(async () => {
      const users = await withDatabase(({ db }) => findUsers(db));
      if (users.length === 0) console.log("no users yet: create one with `vigil user add`");
      else printTable(users);
    });

  user
    .command("reset-totp")
    .description("give a local user a new TOTP secret (printed once), sign them out everywhere and lift sign-in delays")
    .requiredOption("--username <name>", "login name", parseUsername)
    .action(async (options: { username: string }) => {
      const reset = await withDatabase(({ db }) => resetTotp(db, { username: options.username }, { auditActor: cliActor() }));
      console.log(`new TOTP for ${reset.username}; existing sessions were revoked`);
      console.log(`TOTP secret: ${reset.totpSecret}`);
      console.log(`TOTP URI:    ${reset.otpauthUri}`);
    });

  user
    .command("unlock")
    .description("lift the sign-in delays on an account from every address (failed attempts piled up)")
    .requiredOption("--username <name>", "login name", parseUsername)
    .action(async (options: { username: string }) => {
      const unlocked = await withDatabase(({ db }) => unlockUser(db, { username: options.username }, { auditActor: cliActor() }));
      console.log(`unlocked ${unlocked.username}: sign-in delays lifted for ${unlocked.clearedAddresses} address(es)`);
    });
}
