import Link from "next/link";
import { z } from "zod";
import { findPrincipalFindings } from "@/lib/findings";
import { findPrincipalActivity, getIamUser, getTrustDirectory, snapshotParam } from "@/lib/inventory";
import { Badge, FlagBadge } from "../../../_components/badges";
import { formatDateTime } from "../../../_components/format";
import { accountHref } from "../../../_components/inventory-links";
import { DetailList, Mono, PageHeader, Section } from "../../../_components/page-header";
import { PageState } from "../../../_components/page-state";
import { PrincipalActivityTable } from "../../../_components/principal-activity-table";
import { PrincipalFindingsList } from "../../../_components/principal-findings-list";
import { SnapshotSelector } from "../../../_components/snapshot-selector";
import { linkAsOf, type RawSearchParams } from "../../../_components/url";
import { openInventoryPage } from "../../../_data/open-inventory-page";
import { AccessKeysTable } from "./access-keys-table";
import { UserPolicies } from "./user-policies";

const PATH = "/iam/users/detail";
const LIST = { label: "IAM users", href: "/iam/users" };
const params = z.object({
  snapshot: snapshotParam,
  arn: z.string().regex(/^arn:[\w-]+:iam::\d{12}:user\/.+$/, "arn must be an IAM user ARN"),
});

export default async function IamUserPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const page = await openInventoryPage(params, searchParams);
  if (page.state !== "ready") return <PageState title="IAM user" path={LIST.href} problem={page} />;
  const { db, query, snapshot } = page;
  const { arn } = page.params;
  const user = await getIamUser(db, snapshot.id, arn);
  const selector = <SnapshotSelector path={PATH} query={query} snapshot={snapshot} options={page.snapshots} />;
  if (!user) {
    return (
      <>
        <PageHeader title="IAM user" breadcrumbs={[LIST]}>
          {selector}
        </PageHeader>
        <p>
          <Mono>{arn}</Mono> does not exist in snapshot #{snapshot.id}.
        </p>
      </>
    );
  }
  const [findings, activity, directory] = await Promise.all([
    findPrincipalFindings(db, { resourceArns: [user.arn] }),
    findPrincipalActivity(db, { kind: "iam-user", arn: user.arn, accountId: user.accountId, userName: user.userName }),
    getTrustDirectory(db, snapshot.id),
  ]);
  const credentials = user.credentials;
  return (
    <>
      <PageHeader title={user.userName} documentTitle={`${user.userName} (IAM user)`} breadcrumbs={[LIST]}>
        {selector}
      </PageHeader>
      <DetailList
        items={[
          ["ARN", <Mono key="arn">{user.arn}</Mono>],
          [
            "Account",
            <Link key="acct" href={linkAsOf(accountHref(user.accountId), query)}>
              {user.accountName ?? user.accountId} ({user.accountId})
            </Link>,
          ],
          ["Path", <Mono key="path">{user.path}</Mono>],
          ["Created", formatDateTime(user.createdAt)],
          [
            "Console password",
            credentials ? (
              <span key="pw">
                <FlagBadge value={credentials.passwordEnabled} good={false} />
                {credentials.passwordEnabled
                  ? ` last used ${formatDateTime(credentials.passwordLastUsedAt)}, changed ${formatDateTime(credentials.passwordLastChangedAt)}`
                  : null}
              </span>
            ) : (
              <Badge key="pw" title="the account's credential report was not collected, or the user is newer than it">
                no credential report
              </Badge>
            ),
          ],
          ["MFA", credentials ? <FlagBadge key="mfa" value={credentials.mfaActive} good={true} /> : "not collected"],
          ["Permissions boundary", user.permissionsBoundaryArn ? <Mono key="pb">{user.permissionsBoundaryArn}</Mono> : "none"],
          [
            "Tags",
            Object.entries(user.tags)
              .map(([k, v]) => `${k}=${v}`)
              .join(", ") || "none",
          ],
        ]}
      />
      <Section title="Access keys">
        {credentials ? (
          <AccessKeysTable keys={credentials.accessKeys} asOf={snapshot.asOf} />
        ) : (
          <p className="inv-muted">Not known: the account&apos;s credential report was not collected in this snapshot.</p>
        )}
      </Section>
      <UserPolicies user={user} />
      <Section title={`Open findings (${findings.length})`}>
        <PrincipalFindingsList findings={findings} />
      </Section>
      <Section title="Recent activity">
        <PrincipalActivityTable
          rows={activity}
          directory={directory}
          query={query}
          empty="No ingested CloudTrail event was made by this user (only sign-ins, role assumptions, access changes and designated users' events are ingested)."
        />
      </Section>
    </>
  );
}
