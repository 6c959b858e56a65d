import Link from "next/link";
import { z } from "zod";
import { getIamRole, getIamRoleHistory, getTrustDirectory, snapshotParam } from "@/lib/inventory";
import { describeTrustPolicy } from "@/lib/policy";
import { Badge } from "../../../_components/badges";
import { formatDateTime, formatSeconds } from "../../../_components/format";
import { DetailList, Mono, PageHeader, Section } from "../../../_components/page-header";
import { PageState } from "../../../_components/page-state";
import { SnapshotSelector } from "../../../_components/snapshot-selector";
import { TrustPolicyPrincipals } from "../../../_components/trust-policy-principals";
import { linkAsOf, type RawSearchParams } from "../../../_components/url";
import { openInventoryPage } from "../../../_data/open-inventory-page";
import { RoleHistory } from "./role-history";
import { RolePolicies } from "./role-policies";

const PATH = "/iam/roles/detail";
const params = z.object({
  snapshot: snapshotParam,
  arn: z.string().regex(/^arn:[\w-]+:iam::\d{12}:role\/.+$/, "arn must be an IAM role ARN"),
});

export default async function IamRolePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const page = await openInventoryPage(params, searchParams);
  if (page.state !== "ready") return <PageState title="IAM role" path="/iam/roles" problem={page} />;
  const { db, query, snapshot } = page;
  const { arn } = page.params;
  const [role, history, directory] = await Promise.all([
    getIamRole(db, snapshot.id, arn),
    getIamRoleHistory(db, arn),
    getTrustDirectory(db, snapshot.id),
  ]);
  const selector = <SnapshotSelector path={PATH} query={query} snapshot={snapshot} options={page.snapshots} />;
  if (!role) {
    return (
      <>
        <PageHeader title="IAM role">{selector}</PageHeader>
        <p>
          <Mono>{arn}</Mono> does not exist in snapshot #{snapshot.id}.
          {history.length ? " It exists in other snapshots; see its history below." : ""}
        </p>
        <RoleHistory versions={history} query={query} arn={arn} />
      </>
    );
  }
  return (
    <>
      <PageHeader title={role.roleName}>{selector}</PageHeader>
      <DetailList
        items={[
          ["ARN", <Mono key="arn">{role.arn}</Mono>],
          [
            "Account",
            <Link key="acct" href={linkAsOf(`/accounts/${role.accountId}`, query)}>
              {role.accountName ?? role.accountId} ({role.accountId})
            </Link>,
          ],
          ["Path", <Mono key="path">{role.path}</Mono>],
          [
            "Identity Center",
            role.permissionSetName ? (
              <span key="sso">
                <Badge tone="warn">reserved SSO role</Badge> for permission set{" "}
                {role.permissionSetArn ? (
                  <Link href={linkAsOf("/permission-sets/detail", query, { arn: role.permissionSetArn })}>{role.permissionSetName}</Link>
                ) : (
                  role.permissionSetName
                )}
              </span>
            ) : (
              "—"
            ),
          ],
          ["Service-linked", role.isServiceLinked ? "yes" : "no"],
          ["Max session", formatSeconds(role.maxSessionDuration)],
          ["Description", role.description ?? "—"],
          ["Created", formatDateTime(role.createdAt)],
          ["Last used", `${formatDateTime(role.lastUsedAt)}${role.lastUsedRegion ? ` in ${role.lastUsedRegion}` : ""}`],
          ["Permissions boundary", role.permissionsBoundaryArn ? <Mono key="pb">{role.permissionsBoundaryArn}</Mono> : "—"],
          [
            "Tags",
            Object.entries(role.tags)
              .map(([k, v]) => `${k}=${v}`)
              .join(", ") || "—",
          ],
        ]}
      />
      <Section title="Who can assume this">
        <TrustPolicyPrincipals trust={describeTrustPolicy(role.trustPolicy, directory)} document={role.trustPolicy} query={query} />
      </Section>
      <RolePolicies role={role} />
      <RoleHistory versions={history} query={query} arn={arn} />
    </>
  );
}
