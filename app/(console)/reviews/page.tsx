import { hasPermission, rolesWithPermission } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { listReviewCampaigns } from "@/lib/review";
import { requirePermission } from "@/app/_auth/require-session";
import { DataTable } from "../_components/data-table";
import { PageHeader } from "../_components/page-header";
import { campaignColumns } from "./campaign-columns";
import "./reviews.css";
import { StartCampaignForm } from "./start-campaign-form";

export const dynamic = "force-dynamic";

const PATH = "/reviews";

export default async function ReviewsPage() {
  const user = await requirePermission("review:read");
  const campaigns = await listReviewCampaigns(await getDb());
  const canStart = hasPermission(user, "review:sign-off");
  return (
    <>
      <PageHeader title="Access reviews">
        <p className="inv-muted">
          Every week, each way a person reaches an account is put to a reviewer (the account&apos;s owner, else the group&apos;s owner, else
          the default reviewer), who keeps it, revokes it or asks for more information. An auditor signs the campaign off.
        </p>
      </PageHeader>
      {canStart ? (
        <StartCampaignForm />
      ) : (
        <p className="inv-muted">
          Campaigns start on schedule; starting one by hand needs the role {rolesWithPermission("review:sign-off").join(", ")}.
        </p>
      )}
      <DataTable
        columns={campaignColumns()}
        page={{
          rows: campaigns,
          total: campaigns.length,
          page: 1,
          pageSize: Math.max(campaigns.length, 1),
          sort: { by: "createdAt", dir: "desc" },
        }}
        rowKey={(c) => String(c.id)}
        path={PATH}
        query={{}}
        canSort={false}
        empty="No campaign yet: the first one starts at the scheduled time (or with the button above, or `vigil review start`)."
      />
    </>
  );
}
