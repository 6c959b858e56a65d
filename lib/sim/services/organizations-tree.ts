import { z } from "zod";
import { AwsError } from "../protocol/aws-error";
import { parseJsonInput } from "../protocol/json-input";
import type { JsonHandler } from "../protocol/request-context";
import { organizationIndex } from "../lookup/organization-lookup";
import { invalidInput, pageOf, serializeAccount } from "./organizations";

/** Organizations checks id formats before looking anything up (botocore's patterns). */
const ACCOUNT_ID = /^\d{12}$/;
const PARENT_ID = /^(?:r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/;
const OU_ID = /^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/;

function checkPattern(value: string, pattern: RegExp, member: string): void {
  if (!pattern.test(value)) {
    throw invalidInput(
      `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${pattern.source}`,
      "INVALID_PATTERN",
    );
  }
}

const describeAccount: JsonHandler = (ctx, input) => {
  const args = parseJsonInput(z.object({ AccountId: z.string() }).loose(), input, (m) => invalidInput(m));
  checkPattern(args.AccountId, ACCOUNT_ID, "accountId");
  const account = organizationIndex(ctx.state).accountsById.get(args.AccountId);
  if (account === undefined) throw new AwsError("AccountNotFoundException", "You specified an account that doesn't exist.", 400);
  return { Account: serializeAccount(ctx.state, account) };
};

const describeOrganizationalUnit: JsonHandler = (ctx, input) => {
  const args = parseJsonInput(z.object({ OrganizationalUnitId: z.string() }).loose(), input, (m) => invalidInput(m));
  checkPattern(args.OrganizationalUnitId, OU_ID, "organizationalUnitId");
  const ou = organizationIndex(ctx.state).ousById.get(args.OrganizationalUnitId);
  if (ou === undefined)
    throw new AwsError("OrganizationalUnitNotFoundException", "You specified an organizational unit that doesn't exist.", 400);
  return { OrganizationalUnit: { Id: ou.id, Arn: ou.arn, Name: ou.name, Path: ou.path } };
};

const CHILD_TYPES = ["ACCOUNT", "ORGANIZATIONAL_UNIT"] as const;

const listChildren: JsonHandler = (ctx, input) => {
  const args = parseJsonInput(
    z.object({ ParentId: z.string(), ChildType: z.string(), NextToken: z.string().optional(), MaxResults: z.number().optional() }).loose(),
    input,
    (m) => invalidInput(m),
  );
  checkPattern(args.ParentId, PARENT_ID, "parentId");
  if (!(CHILD_TYPES as readonly string[]).includes(args.ChildType)) {
    throw invalidInput(
      `1 validation error detected: Value '${args.ChildType}' at 'childType' failed to satisfy constraint: Member must satisfy enum value set: [ACCOUNT, ORGANIZATIONAL_UNIT]`,
      "INVALID_ENUM",
    );
  }
  const index = organizationIndex(ctx.state);
  if (!ctx.state.roots.some((r) => r.id === args.ParentId) && !index.ousById.has(args.ParentId)) {
    throw new AwsError("ParentNotFoundException", "We can't find a root or OU with the ParentId that you specified.", 400);
  }
  const ids =
    args.ChildType === "ACCOUNT"
      ? (index.accountsByParent.get(args.ParentId) ?? []).map((a) => a.id)
      : (index.ousByParent.get(args.ParentId) ?? []).map((ou) => ou.id);
  const page = pageOf(ids, args, ["ListChildren", args.ParentId, args.ChildType]);
  return { Children: page.items.map((id) => ({ Id: id, Type: args.ChildType })), NextToken: page.nextToken };
};

export const ORGANIZATIONS_TREE_OPERATIONS: Record<string, JsonHandler> = {
  DescribeAccount: describeAccount,
  DescribeOrganizationalUnit: describeOrganizationalUnit,
  ListChildren: listChildren,
};
