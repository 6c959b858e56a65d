import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import type { z } from "zod";
import { ACCOUNT_ID, isOrgParentId, parseCredentialReport } from "../aws";
import { LAYOUT } from "./layout";
import { emptyPolicyFiles, readPolicyFile, type PolicyFiles } from "./read-policy-files";
import { EXPORT_MANIFEST } from "./schemas/manifest";
import { truncationMarker } from "./truncation";
import { GET_CREDENTIAL_REPORT, AUTHORIZATION_DETAILS, LIST_ROLES } from "./schemas/iam";
import {
  ACCOUNT_ASSIGNMENTS,
  LIST_GROUP_MEMBERSHIPS,
  LIST_GROUPS,
  LIST_INSTANCES,
  LIST_USERS,
  PERMISSION_SET_FILE,
} from "./schemas/identity-center";
import { DESCRIBE_ORGANIZATION, LIST_ACCOUNTS, LIST_OUS_FOR_PARENT, LIST_ROOTS, LIST_TAGS } from "./schemas/organizations";

type Out<S extends z.ZodType> = z.output<S>;

/** Inventory files are read whole; the largest real ones (GetAccountAuthorizationDetails) are tens of MB. */
export const MAX_IMPORT_FILE_BYTES = 256 * 1024 * 1024;

export interface AccountIamFiles {
  authorizationDetails?: Out<typeof AUTHORIZATION_DETAILS>;
  listRoles?: Out<typeof LIST_ROLES>;
  credentialReport?: { csv: string; generatedAt: string | null };
}

/** Everything found in an import directory, validated; absent files are simply absent. */
export interface ImportFiles {
  root: string;
  manifest?: z.output<typeof EXPORT_MANIFEST>;
  organization?: Out<typeof DESCRIBE_ORGANIZATION>;
  roots?: Out<typeof LIST_ROOTS>;
  accounts?: Out<typeof LIST_ACCOUNTS>;
  parents: Map<string, { ous?: Out<typeof LIST_OUS_FOR_PARENT>; accounts?: Out<typeof LIST_ACCOUNTS> }>;
  accountTags: Map<string, Out<typeof LIST_TAGS>>;
  iam: Map<string, AccountIamFiles>;
  identityCenter: {
    instances?: Out<typeof LIST_INSTANCES>;
    users?: Out<typeof LIST_USERS>;
    groups?: Out<typeof LIST_GROUPS>;
    memberships?: Array<Out<typeof LIST_GROUP_MEMBERSHIPS>>;
    permissionSets?: Array<{ file: string; data: Out<typeof PERMISSION_SET_FILE> }>;
    assignments?: Out<typeof ACCOUNT_ASSIGNMENTS>;
  };
  /** SCPs and AWS-managed policy documents */
  policies: PolicyFiles;
  /** the `cloudtrail/` folder when it holds at least one file */
  cloudTrailDir: string | null;
  /** relative paths of the files read */
  read: string[];
  /** relative paths of files that are not part of the layout (left alone, reported) */
  ignored: string[];
  /** files that are one page of a longer listing (relative path → the marker that says so); their sections are PARTIAL */
  truncated: Map<string, string>;
}

/** Every problem found in the directory, one line each, naming the file and the field. */
export class ImportValidationError extends Error {
  override name = "ImportValidationError";
  constructor(readonly problems: string[]) {
    super(`the import directory is not valid (${problems.length} problem(s)):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}

async function listFiles(root: string, dir = root): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) return listFiles(root, full);
      return entry.isFile() ? [relative(root, full).split(sep).join("/")] : [];
    }),
  );
  return nested.flat().sort();
}

/**
 * Reads and validates the whole directory before anything is written: any problem in any file is
 * collected, and one ImportValidationError lists them all.
 */
export async function readImportDirectory(root: string, opts: { maxFileBytes?: number } = {}): Promise<ImportFiles> {
  const maxFileBytes = opts.maxFileBytes ?? MAX_IMPORT_FILE_BYTES;
  if (!(await isDirectory(root))) throw new ImportValidationError([`${root}: not a directory`]);

  const problems: string[] = [];
  const files: ImportFiles = {
    root,
    parents: new Map(),
    accountTags: new Map(),
    iam: new Map(),
    identityCenter: {},
    policies: emptyPolicyFiles(),
    cloudTrailDir: null,
    read: [],
    ignored: [],
    truncated: new Map(),
  };

  // Checked before reading: a file is read whole, and an oversized one must not take the process down.
  const readText = async (path: string): Promise<string | undefined> => {
    files.read.push(path);
    const { size } = await stat(join(root, path));
    if (size > maxFileBytes) {
      problems.push(`${path}: ${size} bytes, over the limit of ${maxFileBytes} bytes for one file`);
      return undefined;
    }
    return readFile(join(root, path), "utf8");
  };
  const parse = async <S extends z.ZodType>(path: string, schema: S): Promise<Out<S> | undefined> => {
    const text = await readText(path);
    if (text === undefined) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      problems.push(`${path}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
      return undefined;
    }
    const marker = truncationMarker(json);
    if (marker) files.truncated.set(path, marker);
    const result = schema.safeParse(json);
    if (result.success) return result.data;
    for (const issue of result.error.issues.slice(0, 20)) {
      problems.push(`${path}: ${issue.path.length ? issue.path.join(".") : "(root)"}: ${issue.message}`);
    }
    return undefined;
  };
  const iamOf = (accountId: string) => {
    let entry = files.iam.get(accountId);
    if (!entry) files.iam.set(accountId, (entry = {}));
    return entry;
  };

  for (const path of await listFiles(root)) {
    const segments = path.split("/");
    const [top, second, third, fourth] = segments;
    if (top === LAYOUT.cloudTrailDir) {
      files.cloudTrailDir = join(root, LAYOUT.cloudTrailDir);
      continue;
    }
    if (await readPolicyFile(path, { files: files.policies, problems, ignored: files.ignored, parse })) continue;
    if (path === LAYOUT.manifest) files.manifest = await parse(path, EXPORT_MANIFEST);
    else if (path === LAYOUT.describeOrganization) files.organization = await parse(path, DESCRIBE_ORGANIZATION);
    else if (path === LAYOUT.listRoots) files.roots = await parse(path, LIST_ROOTS);
    else if (path === LAYOUT.listAccounts) files.accounts = await parse(path, LIST_ACCOUNTS);
    else if (path.startsWith(`${LAYOUT.parentsDir}/`) && segments.length === 4 && second === "parents" && third) {
      if (!isOrgParentId(third)) {
        problems.push(`${path}: folder name must be a root id (r-…) or an OU id (ou-…-…)`);
        continue;
      }
      const parent = files.parents.get(third) ?? {};
      files.parents.set(third, parent);
      if (fourth === "organizational-units.json") parent.ous = await parse(path, LIST_OUS_FOR_PARENT);
      else if (fourth === "accounts.json") parent.accounts = await parse(path, LIST_ACCOUNTS);
      else files.ignored.push(path);
    } else if (path.startsWith(`${LAYOUT.tagsDir}/`) && segments.length === 3 && third?.endsWith(".json")) {
      const accountId = third.slice(0, -".json".length);
      if (!ACCOUNT_ID.test(accountId)) problems.push(`${path}: file name must be a 12-digit account id`);
      else {
        const tags = await parse(path, LIST_TAGS);
        // One page of tags would rewrite the account's tags as fewer: leave them unknown instead.
        if (tags && !files.truncated.has(path)) files.accountTags.set(accountId, tags);
      }
    } else if (top === LAYOUT.iamDir && segments.length === 3 && second) {
      if (!ACCOUNT_ID.test(second)) {
        problems.push(`${path}: folder name must be a 12-digit account id`);
        continue;
      }
      if (path === LAYOUT.authorizationDetails(second)) iamOf(second).authorizationDetails = await parse(path, AUTHORIZATION_DETAILS);
      else if (path === LAYOUT.listRoles(second)) iamOf(second).listRoles = await parse(path, LIST_ROLES);
      else if (path === LAYOUT.credentialReportCsv(second)) {
        const csv = await readText(path);
        if (csv === undefined) continue;
        try {
          parseCredentialReport(csv);
          iamOf(second).credentialReport = { csv, generatedAt: iamOf(second).credentialReport?.generatedAt ?? null };
        } catch (err) {
          problems.push(`${path}: ${err instanceof Error ? err.message : String(err)}`);
        }
      } else if (path === LAYOUT.getCredentialReport(second)) {
        const report = await parse(path, GET_CREDENTIAL_REPORT);
        if (report) {
          const entry = iamOf(second);
          // The decoded CSV wins when both are present; the JSON still gives the generation time.
          const csv = entry.credentialReport?.csv ?? (report.Content ? Buffer.from(report.Content, "base64").toString("utf8") : undefined);
          if (csv !== undefined) entry.credentialReport = { csv, generatedAt: report.GeneratedTime ?? null };
        }
      } else files.ignored.push(path);
    } else if (path === LAYOUT.listInstances) files.identityCenter.instances = await parse(path, LIST_INSTANCES);
    else if (path === LAYOUT.users) files.identityCenter.users = await parse(path, LIST_USERS);
    else if (path === LAYOUT.groups) files.identityCenter.groups = await parse(path, LIST_GROUPS);
    else if (path === LAYOUT.groupMemberships || (path.startsWith(`${LAYOUT.groupMembershipsDir}/`) && path.endsWith(".json"))) {
      const memberships = await parse(path, LIST_GROUP_MEMBERSHIPS);
      if (memberships) (files.identityCenter.memberships ??= []).push(memberships);
    } else if (path.startsWith(`${LAYOUT.permissionSetsDir}/`) && segments.length === 3 && path.endsWith(".json")) {
      const data = await parse(path, PERMISSION_SET_FILE);
      if (data) (files.identityCenter.permissionSets ??= []).push({ file: path, data });
    } else if (path === LAYOUT.accountAssignments) files.identityCenter.assignments = await parse(path, ACCOUNT_ASSIGNMENTS);
    else files.ignored.push(path);
  }

  // An empty permission-sets folder means "read, there are none", not "not exported".
  if (!files.identityCenter.permissionSets && (await isDirectory(join(root, LAYOUT.permissionSetsDir))))
    files.identityCenter.permissionSets = [];

  if (problems.length > 0) throw new ImportValidationError(problems);
  return files;
}
