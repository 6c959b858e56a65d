import type { ConditionContext } from "../policy/condition-evaluation";
import type { TrustCaller } from "../policy/trust-evaluation";
import type { RequestContext } from "../protocol/request-context";
import { organizationIndex } from "../lookup/organization-lookup";

/**
 * What an SCP condition can test on an AssumeRole request: the caller keys the trust policy sees,
 * the caller's own tags (`aws:PrincipalTag/…`), and the target role's account and organization.
 */
export function scpContextOf(ctx: RequestContext, trustCaller: TrustCaller, targetAccount: string | undefined): ConditionContext {
  const context = new Map(trustCaller.context);
  const caller = ctx.caller;
  const iam = ctx.state.iam.get(caller.accountId);
  const tags =
    caller.kind === "assumed-role"
      ? iam?.roles.find((r) => r.arn === caller.roleArn)?.tags
      : caller.kind === "iam-user"
        ? iam?.users.find((u) => u.userName === caller.userName)?.tags
        : undefined;
  for (const tag of tags ?? []) context.set(`aws:principaltag/${tag.key.toLowerCase()}`, tag.value);
  context.set("aws:requestedregion", ctx.region);
  if (targetAccount !== undefined) {
    context.set("aws:resourceaccount", targetAccount);
    if (organizationIndex(ctx.state).accountsById.has(targetAccount)) context.set("aws:resourceorgid", ctx.state.organization.id);
  }
  return context;
}
