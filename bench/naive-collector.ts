/**
 * Bench-only: the "obvious" way to read IAM, for comparison with lib/aws's GAAD-based collector.
 * Per account: ListRoles, then per role GetRole + ListRolePolicies + ListAttachedRolePolicies
 * (+ GetRolePolicy per inline policy); ListUsers, then per user GetUser + ListUserPolicies +
 * ListAttachedUserPolicies + ListGroupsForUser + ListAccessKeys + ListMFADevices. It only counts calls
 * and time; it keeps no data. The simulator answers every one of these calls (as AWS would), so a
 * failure counted in `errors` is a real one: throttling past the retries, access denied, not found.
 */
import {
  GetRoleCommand,
  GetRolePolicyCommand,
  GetUserCommand,
  ListAccessKeysCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupsForUserCommand,
  ListMFADevicesCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  ListUserPoliciesCommand,
  ListUsersCommand,
  type IAMClient,
} from "@aws-sdk/client-iam";
import { DescribeOrganizationCommand, ListAccountsCommand } from "@aws-sdk/client-organizations";
import { auditRoleCredentialsForPool, collectAll, errorCode, MARKER, NEXT_TOKEN, type ClientPool } from "../lib/aws";

export interface NaiveResult {
  accountsTotal: number;
  accountsDone: number;
  wallSeconds: number;
  /** true when the deadline stopped it early; figures for all accounts are then extrapolated */
  isCapped: boolean;
  apiCalls: Record<string, number>;
  apiCallsByAction: Record<string, number>;
  callsPerAccount: Record<string, number>;
  /** error code → count */
  errors: Record<string, number>;
}

export async function collectNaively(pool: ClientPool, opts: { deadlineMs: number; accountConcurrency: number }): Promise<NaiveResult> {
  const started = Date.now();
  const errors: Record<string, number> = {};
  const accounts = await collectAll({
    client: pool.organizations(),
    command: ListAccountsCommand,
    input: {},
    items: (page) => page.Accounts,
    tokens: NEXT_TOKEN,
  });
  const active = accounts.filter((a) => (a.State ?? a.Status) === "ACTIVE" && a.Id).map((a) => a.Id!);
  const organization = await pool.organizations().send(new DescribeOrganizationCommand({}));
  const managementAccountId = organization.Organization?.MasterAccountId;
  const credentials = auditRoleCredentialsForPool(pool, managementAccountId);
  let done = 0;
  let next = 0;
  const worker = async () => {
    while (next < active.length && Date.now() - started < opts.deadlineMs) {
      const accountId = active[next++]!;
      try {
        await credentials.get(accountId);
        await readAccountNaively(pool.iam(accountId, credentials.provider(accountId)), errors);
        done += 1;
      } catch (error) {
        count(errors, errorCode(error) ?? "Error");
      }
    }
  };
  await Promise.all(Array.from({ length: opts.accountConcurrency }, worker));
  return {
    accountsTotal: active.length,
    accountsDone: done,
    wallSeconds: (Date.now() - started) / 1000,
    isCapped: done < active.length,
    apiCalls: { ...pool.stats.apiCalls },
    apiCallsByAction: { ...pool.stats.apiCallsByAction },
    callsPerAccount: { ...pool.stats.callsPerAccount },
    errors,
  };
}

async function readAccountNaively(iam: IAMClient, errors: Record<string, number>): Promise<void> {
  const attempt = async <T>(call: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await call();
    } catch (error) {
      count(errors, errorCode(error) ?? "Error");
      return undefined;
    }
  };
  const roles =
    (await attempt(() => collectAll({ client: iam, command: ListRolesCommand, input: {}, items: (p) => p.Roles, tokens: MARKER }))) ?? [];
  // Issued all at once: the pool's per-account limiter bounds the in-flight calls, as for the real collector.
  await Promise.all(
    roles.map(async (role) => {
      const RoleName = role.RoleName!;
      await attempt(() => iam.send(new GetRoleCommand({ RoleName })));
      const inline = await attempt(() => iam.send(new ListRolePoliciesCommand({ RoleName })));
      for (const PolicyName of inline?.PolicyNames ?? []) await attempt(() => iam.send(new GetRolePolicyCommand({ RoleName, PolicyName })));
      await attempt(() => iam.send(new ListAttachedRolePoliciesCommand({ RoleName })));
    }),
  );
  const users =
    (await attempt(() => collectAll({ client: iam, command: ListUsersCommand, input: {}, items: (p) => p.Users, tokens: MARKER }))) ?? [];
  await Promise.all(
    users.map(async (user) => {
      const UserName = user.UserName!;
      await attempt(() => iam.send(new GetUserCommand({ UserName })));
      await attempt(() => iam.send(new ListUserPoliciesCommand({ UserName })));
      await attempt(() => iam.send(new ListAttachedUserPoliciesCommand({ UserName })));
      await attempt(() => iam.send(new ListGroupsForUserCommand({ UserName })));
      await attempt(() => iam.send(new ListAccessKeysCommand({ UserName })));
      await attempt(() => iam.send(new ListMFADevicesCommand({ UserName })));
    }),
  );
}

function count(into: Record<string, number>, key: string): void {
  into[key] = (into[key] ?? 0) + 1;
}
