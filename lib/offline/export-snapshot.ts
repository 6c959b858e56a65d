import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { once } from "node:events";
import { findTrailEventsForExport } from "../cloudtrail";
import type { Db } from "../db";
import { getLatestReadableSnapshot, getSnapshotOrThrow, readSnapshotState } from "../snapshot";
import { writeCredentialReportCsv } from "./credential-report-csv-writer";
import { isWritten } from "./is-written";
import { LAYOUT } from "./layout";
import { resolveInside } from "./path-segment";
import type { ExportManifest } from "./schemas/manifest";
import { toAuthorizationDetails, toListRoles } from "./to-cli-iam";
import { toIdentityCenterFiles, toOrganizationFiles } from "./to-cli-organization";
import { toPolicyFiles } from "./to-cli-policies";

/** CloudTrail events exported with a snapshot: those LookupEvents could still return at its as-of time. */
export const EXPORT_CLOUDTRAIL_WINDOW_DAYS = 90;

export interface ExportSnapshotResult {
  snapshotId: number;
  asOf: Date;
  files: number;
  cloudTrailEvents: number;
}

export class ExportError extends Error {
  override name = "ExportError";
}

async function writeText(root: string, path: string, text: string): Promise<void> {
  const full = resolveInside(root, path);
  await mkdir(dirname(full), { recursive: true });
  await writeFile(full, text);
}

/** Streams one `{"Events":[…]}` file per account so a large export never sits in memory. */
class LookupEventsWriter {
  private readonly streams = new Map<string, { stream: WriteStream; count: number }>();
  constructor(private readonly root: string) {}

  async add(accountId: string, region: string, element: unknown): Promise<void> {
    const key = `${accountId}\u0000${region}`;
    let entry = this.streams.get(key);
    if (!entry) {
      const full = resolveInside(this.root, LAYOUT.exportedLookupEvents(accountId, region));
      await mkdir(dirname(full), { recursive: true });
      entry = { stream: createWriteStream(full), count: 0 };
      entry.stream.write('{\n  "Events": [\n');
      this.streams.set(key, entry);
    }
    const ok = entry.stream.write(`${entry.count > 0 ? ",\n" : ""}    ${JSON.stringify(element)}`);
    entry.count++;
    if (!ok) await once(entry.stream, "drain");
  }

  async close(): Promise<number> {
    for (const { stream } of this.streams.values()) {
      stream.end("\n  ]\n}\n");
      await once(stream, "finish");
    }
    return this.streams.size;
  }
}

function lookupEventsElement(row: {
  eventId: string;
  eventName: string;
  eventSource: string;
  eventTime: Date;
  actorUserName: string | null;
  raw: unknown;
}) {
  const raw = (typeof row.raw === "object" && row.raw !== null ? row.raw : {}) as Record<string, unknown>;
  const identity = (raw.userIdentity ?? {}) as Record<string, unknown>;
  const resources = Array.isArray(raw.resources) ? (raw.resources as Array<Record<string, unknown>>) : [];
  return {
    EventId: row.eventId,
    EventName: row.eventName,
    ReadOnly: raw.readOnly === undefined ? undefined : String(raw.readOnly),
    AccessKeyId: typeof identity.accessKeyId === "string" ? identity.accessKeyId : undefined,
    EventTime: row.eventTime.toISOString(),
    EventSource: row.eventSource,
    Username: row.actorUserName ?? undefined,
    Resources: resources.map((r) => ({ ResourceType: r.type, ResourceName: r.ARN })),
    CloudTrailEvent: JSON.stringify(raw),
  };
}

/**
 * `vigil export-snapshot <id|latest> <dir>`: the snapshot's state in the offline layout (README.md),
 * plus the CloudTrail events of its window as `lookup-events` output. The target directory must be
 * empty or absent, so an export is never mixed with older files.
 */
export async function exportSnapshot(db: Db, ref: number | "latest", dir: string): Promise<ExportSnapshotResult> {
  const snapshotId = ref === "latest" ? (await getLatestReadableSnapshot(db))?.id : ref;
  if (snapshotId === undefined) throw new ExportError("there is no readable snapshot to export");
  const existing = await readdir(dir).catch(() => [] as string[]);
  if (existing.length > 0) throw new ExportError(`${dir} is not empty`);

  const [state, snapshot] = await Promise.all([readSnapshotState(db, snapshotId), getSnapshotOrThrow(db, snapshotId)]);
  const reportTimes = ((snapshot.stats as { credentialReportsGeneratedAt?: Record<string, string | null> } | null)
    ?.credentialReportsGeneratedAt ?? {}) as Record<string, string | null>;

  const coverage = state.coverage;
  const manifest: ExportManifest = {
    format: "vigil-offline/2",
    snapshotId,
    asOf: snapshot.asOf.toISOString(),
    exportedAt: new Date().toISOString(),
    coverage,
  };
  // Every path is built (and checked against the target) before the first write.
  const files = new Map<string, string>();
  const json = (path: string, value: unknown) => files.set(path, `${JSON.stringify(value, null, 2)}\n`);
  json(LAYOUT.manifest, manifest);
  for (const [path, value] of toOrganizationFiles(state)) json(path, value);
  for (const [path, value] of toPolicyFiles(state, coverage)) json(path, value);
  if (state.identityCenter)
    for (const [path, value] of toIdentityCenterFiles(state.identityCenter, coverage.identityCenter)) json(path, value);
  for (const [accountId, iam] of Object.entries(state.iamByAccount)) {
    const status = coverage.accounts[accountId]?.authorizationDetails ?? "SKIPPED";
    const hasEntities = iam.roles.length + iam.users.length + iam.groups.length + iam.policies.length > 0;
    if (isWritten(status, hasEntities)) json(LAYOUT.authorizationDetails(accountId), toAuthorizationDetails(iam));
    const listRoles = toListRoles(iam, status === "COLLECTED");
    if (isWritten(status, listRoles.Roles.length > 0)) json(LAYOUT.listRoles(accountId), listRoles);
    if (!iam.credentialReport) continue;
    files.set(LAYOUT.credentialReportCsv(accountId), writeCredentialReportCsv(iam.credentialReport.rows));
    const generatedAt = reportTimes[accountId];
    if (generatedAt) json(LAYOUT.getCredentialReport(accountId), { GeneratedTime: generatedAt, ReportFormat: "text/csv" });
  }
  const paths = [...files.keys()];
  // An empty permission-sets folder says "read, there are none" (read-import-directory.ts).
  const hasNoPermissionSets = state.identityCenter?.permissionSets.length === 0 && coverage.identityCenter.permissionSets === "COLLECTED";
  for (const path of hasNoPermissionSets ? [...paths, `${LAYOUT.permissionSetsDir}/`] : paths) resolveInside(dir, path);

  await mkdir(dir, { recursive: true });
  for (const [path, text] of files) await writeText(dir, path, text);
  if (hasNoPermissionSets) await mkdir(resolveInside(dir, LAYOUT.permissionSetsDir), { recursive: true });
  let written = files.size;

  const writer = new LookupEventsWriter(dir);
  let cloudTrailEvents = 0;
  const from = new Date(snapshot.asOf.getTime() - EXPORT_CLOUDTRAIL_WINDOW_DAYS * 24 * 3600 * 1000);
  try {
    for await (const row of findTrailEventsForExport(db, { from, to: snapshot.asOf })) {
      await writer.add(row.accountId, row.awsRegion ?? "", lookupEventsElement(row));
      cloudTrailEvents++;
    }
  } finally {
    written += await writer.close();
  }
  return { snapshotId, asOf: snapshot.asOf, files: written, cloudTrailEvents };
}
