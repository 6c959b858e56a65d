import Link from "next/link";
import { AccessError, getAccessContext, getAccessExplanation, type AccessExplanation, type ChainStep } from "@/lib/access";
import { accountHref, iamUserHref, idcGroupHref, idcUserHref, permissionSetHref, roleHref } from "../../_components/inventory-links";
import { Mono, PageHeader, Section } from "../../_components/page-header";
import { PageState } from "../../_components/page-state";
import { SnapshotSelector } from "../../_components/snapshot-selector";
import type { RawSearchParams } from "../../_components/url";
import { openInventoryPage } from "../../_data/open-inventory-page";
import { explainPageParams } from "./explain-params";

export const dynamic = "force-dynamic";

const PATH = "/access/explain";
// A datalist is a convenience, not an index: past this many entries typing the ARN is faster than scrolling.
const MAX_SUGGESTIONS = 2000;

type Outcome = { state: "none" } | { state: "error"; message: string } | { state: "ready"; explanation: AccessExplanation };

export default async function ExplainAccessPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const page = await openInventoryPage(explainPageParams, searchParams);
  if (page.state !== "ready") return <PageState title="Why can't I reach it?" path={PATH} problem={page} />;
  const { db, params, query, snapshot } = page;
  const context = await getAccessContext(db, snapshot.id);
  const people = (context.state.identityCenter?.users ?? []).slice(0, MAX_SUGGESTIONS);
  const roles = Object.values(context.state.iamByAccount)
    .flatMap((iam) => iam.roles)
    .filter((role) => !role.isServiceLinked)
    .slice(0, MAX_SUGGESTIONS);
  let outcome: Outcome = { state: "none" };
  if (params.principal && params.role) {
    try {
      outcome = {
        state: "ready",
        explanation: await getAccessExplanation(db, { principal: params.principal, targetRoleArn: params.role, snapshotId: snapshot.id }),
      };
    } catch (error) {
      if (!(error instanceof AccessError)) throw error;
      outcome = { state: "error", message: error.message };
    }
  }
  return (
    <>
      <PageHeader title="Why can't I reach it?" breadcrumbs={[{ label: "Access", href: "/access" }]}>
        <SnapshotSelector path={PATH} query={query} snapshot={snapshot} options={page.snapshots} />
      </PageHeader>
      <form method="get" action={PATH} className="inv-toolbar" aria-label="Explain access">
        {params.snapshot ? <input type="hidden" name="snapshot" value={String(params.snapshot)} /> : null}
        <label>
          Person or role
          <input
            name="principal"
            list="explain-people"
            defaultValue={params.principal ?? ""}
            size={36}
            placeholder="email, user name, group or IAM ARN"
            required
          />
        </label>
        <label>
          Target role
          <input
            name="role"
            list="explain-roles"
            defaultValue={params.role ?? ""}
            size={60}
            placeholder="arn:aws:iam::123456789012:role/Name"
            required
          />
        </label>
        <button type="submit">Explain</button>
        <datalist id="explain-people">
          {people.map((u) => (
            <option key={u.userId} value={u.primaryEmail ?? u.userName}>
              {u.displayName ?? u.userName}
            </option>
          ))}
        </datalist>
        <datalist id="explain-roles">
          {roles.map((r) => (
            <option key={r.arn} value={r.arn} />
          ))}
        </datalist>
      </form>
      {outcome.state === "error" ? (
        <div className="inv-notice inv-error" role="alert">
          {outcome.message}
        </div>
      ) : null}
      {outcome.state === "ready" ? <ExplanationView explanation={outcome.explanation} /> : null}
      {outcome.state === "none" ? (
        <p className="inv-muted">
          Pick a person (or group, IAM user or role) and the role they should reach: Vigil walks every chain they have and names the first
          missing link.
        </p>
      ) : null}
    </>
  );
}

function ExplanationView({ explanation: e }: { explanation: AccessExplanation }) {
  const target = `${e.target.roleName} in ${e.target.accountName ? `${e.target.accountName} (${e.target.accountId})` : e.target.accountId}`;
  return (
    <>
      <Section title="Verdict">
        <p data-testid="explain-verdict" className={e.reachable ? "inv-notice" : "inv-notice inv-error"}>
          {e.reachable ? `${e.subject.label} can reach ${target}.` : `${e.subject.label} cannot reach ${target}.`}
          {e.reachable && e.conditions.length > 0
            ? ` Only when: ${e.conditions.map((c) => `${c.key} ${c.operator} ${c.values.join(", ")}`).join("; ")}.`
            : null}
        </p>
      </Section>
      <Section title={e.reachable ? "Path" : "Closest chain tried"}>
        <ol className="explain-chain" aria-label="Chain">
          {e.chain.map((s, i) => (
            <li key={i}>
              <StepLabel step={s} />
            </li>
          ))}
        </ol>
        {!e.reachable ? (
          <p className="inv-muted">
            {e.tried} chain{e.tried === 1 ? "" : "s"} considered.
          </p>
        ) : null}
      </Section>
      {e.missing ? (
        <>
          <Section title="Missing link">
            <p data-testid="explain-missing">
              <Mono>{e.missing.code}</Mono> {e.missing.summary}
            </p>
            {e.missing.fragment ? (
              <>
                <p>Decided by the {e.missing.fragment.source}:</p>
                <pre aria-label="Deciding fragment">{e.missing.fragment.json}</pre>
              </>
            ) : null}
          </Section>
          <Section title="Fix">
            <p>{e.missing.fix.text}</p>
            {e.missing.fix.cli ? (
              <>
                <p>AWS CLI:</p>
                <pre aria-label="AWS CLI fix">{e.missing.fix.cli}</pre>
              </>
            ) : null}
            {e.missing.fix.terraform ? (
              <>
                <p>Terraform:</p>
                <pre aria-label="Terraform fix">{e.missing.fix.terraform}</pre>
              </>
            ) : null}
          </Section>
        </>
      ) : null}
    </>
  );
}

function StepLabel({ step }: { step: ChainStep }) {
  if (step.kind === "MISSING") return <strong>✗ {step.label}</strong>;
  const kind = step.kind.toLowerCase().replace(/_/g, " ");
  const href = stepHref(step);
  return (
    <>
      <span className="inv-muted">{kind}</span> {href ? <Link href={href}>{step.label}</Link> : step.label}
      {step.accountId ? (
        <span className="inv-muted">
          {" "}
          (<Link href={accountHref(step.accountId)}>{step.accountId}</Link>)
        </span>
      ) : null}
    </>
  );
}

function stepHref(step: ChainStep): string | null {
  const id = step.id ?? "";
  switch (step.kind) {
    case "IAM_ROLE":
    case "RESERVED_ROLE":
      return step.arn ? roleHref(step.arn) : null;
    case "IAM_USER":
      return step.arn ? iamUserHref(step.arn) : null;
    case "IDC_USER":
      return idcUserHref(id.slice("idc-user:".length));
    case "IDC_GROUP":
      return idcGroupHref(id.slice("idc-group:".length));
    case "PERMISSION_SET":
      return step.arn ? permissionSetHref(step.arn) : null;
    default:
      return null;
  }
}
