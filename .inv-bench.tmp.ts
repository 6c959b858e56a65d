import { createDb } from "/work/main/lib/db/client";
import { prepareTemplateDatabase, createDatabaseFromTemplate, dropDatabase } from "/work/main/lib/testing/test-databases";
import { findAccounts, findIamRoles, findIamUsers, findPermissionSets, findAssignments, findIdcGroups, getIamRole } from "/work/main/lib/inventory";

const server = "postgresql://postgres@127.0.0.1:5432/postgres";
const ACCOUNTS = 1000, ROLES_PER = 60, USERS_PER = 3, PS = 300, ASSIGN = 20000, GROUPS = 500, IDC_USERS = 5000;

async function main() {
  const template = await prepareTemplateDatabase(server);
  const url = await createDatabaseFromTemplate(server, template);
  const db = createDb(url, { maxConnections: 4 });
  try {
    await db.$executeRawUnsafe(`INSERT INTO "Snapshot"(source,status,"asOf") VALUES ('LIVE','COMPLETE',now()),('LIVE','COMPLETE',now())`);
    const ins = async (sql: string) => { const t = Date.now(); await db.$executeRawUnsafe(sql); console.log("seed", Date.now() - t, "ms"); };
    await ins(`INSERT INTO "EntityVersion"(kind,"naturalKey","accountId","contentHash",data,"validFrom")
      SELECT 'ACCOUNT', lpad(a::text,12,'1'), lpad(a::text,12,'1'), 'h', jsonb_build_object('id', lpad(a::text,12,'1'), 'name', 'acct-'||a, 'email', 'a'||a||'@x.com', 'status','ACTIVE','ouPath','Root/OU'||(a%20),'tags','{}'::jsonb), 1 FROM generate_series(1,${ACCOUNTS}) a`);
    await ins(`INSERT INTO "EntityVersion"(kind,"naturalKey","accountId","contentHash",data,"validFrom","validTo")
      SELECT 'IAM_ROLE', 'arn:aws:iam::'||lpad(a::text,12,'1')||':role/r'||r, lpad(a::text,12,'1'), 'h',
        jsonb_build_object('roleName', CASE WHEN r%5=0 THEN 'AWSReservedSSO_PS'||(r%${PS})||'_0123456789abcdef' ELSE 'role-'||r END, 'path','/','accountId',lpad(a::text,12,'1'),
          'maxSessionDuration',3600,'isServiceLinked',false,'createdAt','2024-01-01T00:00:00Z','lastUsedAt', CASE WHEN r%3=0 THEN NULL ELSE '2024-05-'||lpad((1+r%28)::text,2,'0')||'T00:00:00Z' END,
          'trustPolicy', '{"Version":"2012-10-17","Statement":[]}'::jsonb,
          'identityCenter', CASE WHEN r%5=0 THEN jsonb_build_object('permissionSetName','PS'||(r%${PS}),'permissionSetArn',NULL) ELSE NULL END),
        1, CASE WHEN r%10=0 THEN 2 END
      FROM generate_series(1,${ACCOUNTS}) a, generate_series(1,${ROLES_PER}) r`);
    await ins(`INSERT INTO "EntityVersion"(kind,"naturalKey","accountId","contentHash",data,"validFrom")
      SELECT kind, "naturalKey", "accountId", 'h2', data || '{"maxSessionDuration":7200}', 2 FROM "EntityVersion" WHERE kind='IAM_ROLE' AND "validTo"=2`);
    await ins(`INSERT INTO "EntityVersion"(kind,"naturalKey","accountId","contentHash",data,"validFrom")
      SELECT 'IAM_USER', 'arn:aws:iam::'||lpad(a::text,12,'1')||':user/u'||u, lpad(a::text,12,'1'), 'h', jsonb_build_object('userName','u'||u,'path','/','groupNames','[]'::jsonb), 1
      FROM generate_series(1,${ACCOUNTS}) a, generate_series(1,${USERS_PER}) u`);
    await ins(`INSERT INTO "EntityVersion"(kind,"naturalKey","accountId","contentHash",data,"validFrom")
      SELECT 'IAM_CREDENTIAL', "naturalKey", "accountId", 'h', jsonb_build_object('isRoot',false,'passwordEnabled',true,'mfaActive',(random()<0.5),'accessKeys','[{"active":true,"lastRotatedAt":"2023-01-01T00:00:00Z"},{"active":false}]'::jsonb), 1
      FROM "EntityVersion" WHERE kind='IAM_USER'`);
    await ins(`INSERT INTO "EntityVersion"(kind,"naturalKey","accountId","contentHash",data,"validFrom")
      SELECT 'PERMISSION_SET', 'arn:aws:sso:::permissionSet/ssoins-1/ps-'||p, NULL, 'h', jsonb_build_object('name','PS'||p,'sessionDuration','PT'||(1+p%12)||'H','awsManagedPolicies','[]'::jsonb,'customerManagedPolicies','[]'::jsonb,'provisionedAccountIds','[]'::jsonb), 1 FROM generate_series(0,${PS - 1}) p`);
    await ins(`INSERT INTO "EntityVersion"(kind,"naturalKey","accountId","contentHash",data,"validFrom")
      SELECT 'IDC_USER', 'u-'||u, NULL, 'h', jsonb_build_object('userName','user'||u,'displayName','User '||u,'status','ENABLED'), 1 FROM generate_series(1,${IDC_USERS}) u`);
    await ins(`INSERT INTO "EntityVersion"(kind,"naturalKey","accountId","contentHash",data,"validFrom")
      SELECT 'IDC_GROUP', 'g-'||g, NULL, 'h', jsonb_build_object('displayName','Group '||g), 1 FROM generate_series(1,${GROUPS}) g`);
    await ins(`INSERT INTO "EntityVersion"(kind,"naturalKey","accountId","contentHash",data,"validFrom")
      SELECT 'IDC_GROUP_MEMBERSHIP', 'g-'||(1+u%${GROUPS})||'|u-'||u, NULL, 'h', jsonb_build_object('groupId','g-'||(1+u%${GROUPS}),'userId','u-'||u), 1 FROM generate_series(1,${IDC_USERS}) u`);
    await ins(`INSERT INTO "EntityVersion"(kind,"naturalKey","accountId","contentHash",data,"validFrom")
      SELECT 'ACCOUNT_ASSIGNMENT', 'k'||i, lpad((1+i%${ACCOUNTS})::text,12,'1'), 'h', jsonb_build_object('accountId',lpad((1+i%${ACCOUNTS})::text,12,'1'),'permissionSetArn','arn:aws:sso:::permissionSet/ssoins-1/ps-'||(i%${PS}),'principalType','GROUP','principalId','g-'||(1+i%${GROUPS})), 1 FROM generate_series(1,${ASSIGN}) i`);
    await db.$executeRawUnsafe(`ANALYZE "EntityVersion"`);
    const p = { dir: "asc" as const, page: 1, pageSize: 50 };
    const time = async (label: string, fn: () => Promise<unknown>) => {
      await fn(); const runs = 5; const t = performance.now();
      for (let i = 0; i < runs; i++) await fn();
      console.log(label.padEnd(48), ((performance.now() - t) / runs).toFixed(1), "ms");
    };
    await time("findAccounts default", () => findAccounts(db, { snapshotId: 2, sort: "name", ...p }));
    await time("findAccounts search", () => findAccounts(db, { snapshotId: 2, search: "acct-99", sort: "name", ...p }));
    await time("findIamRoles default (60k roles)", () => findIamRoles(db, { snapshotId: 2, sort: "name", ...p }));
    await time("findIamRoles page 500", () => findIamRoles(db, { snapshotId: 2, sort: "name", ...p, page: 500 }));
    await time("findIamRoles sort lastUsed desc", () => findIamRoles(db, { snapshotId: 2, sort: "lastUsedAt", ...p, dir: "desc" }));
    await time("findIamRoles type=sso (name lookup)", () => findIamRoles(db, { snapshotId: 2, type: "sso", sort: "account", ...p }));
    await time("findIamRoles account filter", () => findIamRoles(db, { snapshotId: 2, accountId: "111111111500", sort: "name", ...p }));
    await time("findIamRoles permissionSet filter", () => findIamRoles(db, { snapshotId: 2, permissionSetArn: "arn:aws:sso:::permissionSet/ssoins-1/ps-5", sort: "name", ...p }));
    await time("findIamRoles search", () => findIamRoles(db, { snapshotId: 2, search: "role-7", sort: "name", ...p }));
    await time("getIamRole", () => getIamRole(db, 2, "arn:aws:iam::111111111500:role/r10"));
    await time("findIamUsers mfa=no", () => findIamUsers(db, { snapshotId: 2, mfa: "no", sort: "key1RotatedAt", ...p }));
    await time("findPermissionSets sort assignments", () => findPermissionSets(db, { snapshotId: 2, sort: "assignments", ...p }));
    await time("findAssignments by permission set", () => findAssignments(db, { snapshotId: 2, permissionSetArn: "arn:aws:sso:::permissionSet/ssoins-1/ps-5", sort: "principal", ...p }));
    await time("findIdcGroups sort members", () => findIdcGroups(db, { snapshotId: 2, sort: "members", ...p }));
  } finally {
    await db.$disconnect();
    await dropDatabase(server, url);
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
