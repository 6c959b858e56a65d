import { describe, expect, it } from "vitest";
import { buildTrustGraph, nodeId, type GraphEdge, type TrustGraph } from ".";
import {
  ALLOW_ASSUME,
  DEV,
  MANAGEMENT,
  OUTSIDE,
  PROD,
  PROD_OU,
  addRole,
  addUser,
  graphInventory,
  inline,
  policy,
  scp,
  trust,
} from "./testing/graph-inventory";

const arnOf = (accountId: string, name: string) => `arn:aws:iam::${accountId}:role/${name}`;
const assume = (graph: TrustGraph, from: string, to: string): GraphEdge | undefined =>
  graph.edges.find((e) => e.kind === "CAN_ASSUME" && e.from === from && e.to === to);

describe("buildTrustGraph: who can assume", () => {
  it("a same-account trust naming a role's ARN lets it in with no identity policy; an account-root trust needs its own allow", async () => {
    const state = graphInventory();
    const caller = addRole(state, PROD, "Caller");
    addRole(state, PROD, "ByArn", { trustPolicy: trust({ AWS: caller.arn }) });
    addRole(state, PROD, "ByRoot", { trustPolicy: trust({ AWS: `arn:aws:iam::${PROD}:root` }) });
    const graph = await buildTrustGraph(state);
    expect(assume(graph, caller.arn, arnOf(PROD, "ByArn"))).toMatchObject({ conditional: false, grantedBy: "trust-policy" });
    expect(assume(graph, caller.arn, arnOf(PROD, "ByRoot"))).toBeUndefined();

    caller.inlinePolicies = [inline("assume", ALLOW_ASSUME)];
    const withAllow = await buildTrustGraph(state);
    expect(assume(withAllow, caller.arn, arnOf(PROD, "ByRoot"))).toMatchObject({ grantedBy: "trust-and-identity", conditional: false });
  });

  it("a cross-account trust (bare id, or ARN) also needs the caller's own allow", async () => {
    const state = graphInventory();
    const caller = addRole(state, DEV, "Caller");
    addRole(state, PROD, "BareId", { trustPolicy: trust({ AWS: DEV }) });
    addRole(state, PROD, "ByArn", { trustPolicy: trust({ AWS: [caller.arn] }) });
    const without = await buildTrustGraph(state);
    expect(assume(without, caller.arn, arnOf(PROD, "BareId"))).toBeUndefined();
    expect(assume(without, caller.arn, arnOf(PROD, "ByArn"))).toBeUndefined();
    caller.attachedManagedPolicies = [{ name: "AdministratorAccess", arn: "arn:aws:iam::aws:policy/AdministratorAccess" }];
    state.awsManagedPolicies = [
      {
        key: "arn:aws:iam::aws:policy/AdministratorAccess",
        arn: "arn:aws:iam::aws:policy/AdministratorAccess",
        name: "AdministratorAccess",
        path: "/",
        versionId: "v1",
        document: policy({ Effect: "Allow", Action: "*", Resource: "*" }),
        source: "iam",
      },
    ];
    const withAllow = await buildTrustGraph(state);
    expect(assume(withAllow, caller.arn, arnOf(PROD, "BareId"))).toMatchObject({ grantedBy: "trust-and-identity", accountId: PROD });
    expect(assume(withAllow, caller.arn, arnOf(PROD, "ByArn"))).toBeDefined();
    expect(withAllow.notes.map((n) => n.code)).not.toContain("AWS_MANAGED_POLICY_OFFLINE_COPY");
  });

  it("reads Principal as a string `*`, Statement as one object, NotAction, and NotPrincipal", async () => {
    const state = graphInventory();
    const caller = addRole(state, PROD, "Caller", { inlinePolicies: [inline("assume", ALLOW_ASSUME)] });
    const other = addRole(state, PROD, "Other", { inlinePolicies: [inline("assume", ALLOW_ASSUME)] });
    addRole(state, PROD, "Star", {
      trustPolicy: { Version: "2012-10-17", Statement: { Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" } },
    });
    addRole(state, PROD, "NotAction", { trustPolicy: policy({ Effect: "Allow", Principal: { AWS: caller.arn }, NotAction: "s3:*" }) });
    addRole(state, PROD, "NotActionSts", { trustPolicy: policy({ Effect: "Allow", Principal: { AWS: caller.arn }, NotAction: "sts:*" }) });
    addRole(state, PROD, "NotPrincipal", {
      trustPolicy: policy({ Effect: "Allow", NotPrincipal: { AWS: other.arn }, Action: "sts:AssumeRole" }),
    });
    const graph = await buildTrustGraph(state);
    expect(assume(graph, caller.arn, arnOf(PROD, "Star"))).toBeDefined();
    expect(assume(graph, nodeId.anyPrincipal(), arnOf(PROD, "Star"))).toMatchObject({ conditional: false });
    expect(graph.nodes.get(nodeId.anyPrincipal())?.kind).toBe("ANY_PRINCIPAL");
    expect(assume(graph, caller.arn, arnOf(PROD, "NotAction"))).toBeDefined();
    expect(assume(graph, caller.arn, arnOf(PROD, "NotActionSts"))).toBeUndefined();
    expect(assume(graph, caller.arn, arnOf(PROD, "NotPrincipal"))).toBeDefined();
    expect(assume(graph, other.arn, arnOf(PROD, "NotPrincipal"))).toBeUndefined();
  });

  it("takes Principal.AWS as an array mixing ARNs and accounts, and names outside accounts as EXTERNAL_ACCOUNT", async () => {
    const state = graphInventory();
    const named = addRole(state, DEV, "Named", { inlinePolicies: [inline("assume", ALLOW_ASSUME)] });
    const unnamed = addRole(state, DEV, "Unnamed", { inlinePolicies: [inline("assume", ALLOW_ASSUME)] });
    const prodCaller = addRole(state, PROD, "ProdCaller", { inlinePolicies: [inline("assume", ALLOW_ASSUME)] });
    addRole(state, PROD, "Mixed", { trustPolicy: trust({ AWS: [named.arn, `arn:aws:iam::${OUTSIDE}:root`, PROD] }) });
    const graph = await buildTrustGraph(state);
    expect(assume(graph, named.arn, arnOf(PROD, "Mixed"))).toBeDefined();
    expect(assume(graph, unnamed.arn, arnOf(PROD, "Mixed"))).toBeUndefined();
    expect(assume(graph, prodCaller.arn, arnOf(PROD, "Mixed"))).toBeDefined();
    expect(assume(graph, nodeId.externalAccount(OUTSIDE), arnOf(PROD, "Mixed"))).toMatchObject({ conditional: false });
    expect(graph.nodes.get(nodeId.externalAccount(OUTSIDE))).toMatchObject({ kind: "EXTERNAL_ACCOUNT", accountId: OUTSIDE });
  });

  it("decides caller conditions (PrincipalOrgPaths, PrincipalTag, PrincipalArn, PrincipalType) from the inventory", async () => {
    const state = graphInventory();
    const prodRed = addRole(state, PROD, "ProdRed", { tags: { team: "red" }, inlinePolicies: [inline("a", ALLOW_ASSUME)] });
    const devRed = addRole(state, DEV, "DevRed", { tags: { team: "red" }, inlinePolicies: [inline("a", ALLOW_ASSUME)] });
    const prodBlue = addRole(state, PROD, "ProdBlue", { tags: { team: "blue" }, inlinePolicies: [inline("a", ALLOW_ASSUME)] });
    const user = addUser(state, PROD, "human", { inlinePolicies: [inline("a", ALLOW_ASSUME)] });
    const orgTrust = (condition: unknown) =>
      policy({ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole", Condition: condition });
    addRole(state, MANAGEMENT, "ProdOnly", {
      trustPolicy: orgTrust({ "ForAnyValue:StringLike": { "aws:PrincipalOrgPaths": `o-test/r-root/${PROD_OU}/*` } }),
    });
    addRole(state, MANAGEMENT, "RedOnly", {
      trustPolicy: orgTrust({ StringEquals: { "aws:PrincipalTag/team": "red", "aws:PrincipalOrgID": "o-test" } }),
    });
    addRole(state, MANAGEMENT, "ArnLike", { trustPolicy: orgTrust({ ArnLike: { "aws:PrincipalArn": `arn:aws:iam::*:role/Prod*` } }) });
    addRole(state, MANAGEMENT, "UsersOnly", {
      trustPolicy: orgTrust({ StringEquals: { "aws:PrincipalType": "User", "aws:PrincipalAccount": PROD } }),
    });
    const graph = await buildTrustGraph(state);
    const into = (name: string) => arnOf(MANAGEMENT, name);
    expect(assume(graph, prodRed.arn, into("ProdOnly"))).toMatchObject({ conditional: false });
    expect(assume(graph, devRed.arn, into("ProdOnly"))).toBeUndefined();
    expect(assume(graph, prodRed.arn, into("RedOnly"))).toMatchObject({ conditional: false });
    expect(assume(graph, devRed.arn, into("RedOnly"))).toMatchObject({ conditional: false });
    expect(assume(graph, prodBlue.arn, into("RedOnly"))).toBeUndefined();
    expect(assume(graph, user.arn, into("RedOnly"))).toBeUndefined();
    expect(assume(graph, prodBlue.arn, into("ArnLike"))).toMatchObject({ conditional: false });
    expect(assume(graph, devRed.arn, into("ArnLike"))).toBeUndefined();
    expect(assume(graph, user.arn, into("UsersOnly"))).toMatchObject({ conditional: false });
    expect(assume(graph, prodRed.arn, into("UsersOnly"))).toBeUndefined();
    // Anyone outside: the org id is unknown for them, so the edge holds only under that condition.
    expect(assume(graph, nodeId.anyPrincipal(), into("RedOnly"))).toMatchObject({ conditional: true });
  });

  it("a request-time condition (ExternalId, MFA, SourceIp) makes the edge conditional and lists it; never dropped", async () => {
    const state = graphInventory();
    const caller = addRole(state, PROD, "Caller", { inlinePolicies: [inline("a", ALLOW_ASSUME)] });
    addRole(state, PROD, "External", {
      trustPolicy: trust({ AWS: caller.arn }, { Sid: "Vendor", Condition: { StringEquals: { "sts:ExternalId": "abc" } } }),
    });
    addRole(state, PROD, "Mfa", {
      trustPolicy: trust({ AWS: caller.arn }, { Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } }),
    });
    addRole(state, PROD, "FromOffice", {
      trustPolicy: trust({ AWS: caller.arn }, { Condition: { IpAddress: { "aws:SourceIp": "10.0.0.0/8" } } }),
    });
    const graph = await buildTrustGraph(state);
    expect(assume(graph, caller.arn, arnOf(PROD, "External"))).toEqual({
      from: caller.arn,
      to: arnOf(PROD, "External"),
      kind: "CAN_ASSUME",
      accountId: PROD,
      action: "sts:AssumeRole",
      conditional: true,
      conditions: [{ operator: "StringEquals", key: "sts:ExternalId", values: ["abc"], policy: "trust", statementSid: "Vendor" }],
      grantedBy: "trust-policy",
    });
    expect(assume(graph, caller.arn, arnOf(PROD, "Mfa"))?.conditions?.[0]).toMatchObject({
      key: "aws:MultiFactorAuthPresent",
      values: ["true"],
    });
    expect(assume(graph, caller.arn, arnOf(PROD, "FromOffice"))).toMatchObject({ conditional: true });
  });

  it("an identity-policy condition is listed as identity", async () => {
    const state = graphInventory();
    const mfaOnly = policy({
      Effect: "Allow",
      Action: "sts:AssumeRole",
      Resource: "*",
      Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } },
    });
    const caller = addUser(state, DEV, "human", { inlinePolicies: [inline("mfa", mfaOnly)] });
    addRole(state, PROD, "Target", { trustPolicy: trust({ AWS: DEV }) });
    const graph = await buildTrustGraph(state);
    expect(assume(graph, caller.arn, arnOf(PROD, "Target"))?.conditions).toEqual([
      { operator: "Bool", key: "aws:MultiFactorAuthPresent", values: ["true"], policy: "identity", statementSid: null },
    ]);
  });

  it("an SCP denying sts:AssumeRole on the caller's path removes the edge; the management account is exempt", async () => {
    const state = graphInventory();
    const prodCaller = addRole(state, PROD, "ProdCaller", { inlinePolicies: [inline("a", ALLOW_ASSUME)] });
    const devCaller = addRole(state, DEV, "DevCaller", { inlinePolicies: [inline("a", ALLOW_ASSUME)] });
    const mgmtCaller = addRole(state, MANAGEMENT, "MgmtCaller", { inlinePolicies: [inline("a", ALLOW_ASSUME)] });
    const target = addRole(state, DEV, "Target", { trustPolicy: trust({ AWS: [PROD, DEV, MANAGEMENT] }) });
    const denyAssume = policy({ Effect: "Deny", Action: "sts:AssumeRole", Resource: "*" });
    state.serviceControlPolicies.push(scp("p-deny-ou", denyAssume, [PROD_OU]));
    const graph = await buildTrustGraph(state);
    expect(assume(graph, prodCaller.arn, target.arn)).toBeUndefined();
    expect(assume(graph, devCaller.arn, target.arn)).toBeDefined();

    state.serviceControlPolicies.push(scp("p-deny-root", denyAssume, ["r-root"]));
    const rootDeny = await buildTrustGraph(state);
    expect(assume(rootDeny, devCaller.arn, target.arn)).toBeUndefined();
    expect(assume(rootDeny, mgmtCaller.arn, target.arn)).toBeDefined();
  });

  it("SCPs do not restrict a service-linked role", async () => {
    const state = graphInventory();
    const linked = addRole(state, PROD, "AWSServiceRoleForX", {
      isServiceLinked: true,
      path: "/aws-service-role/x.amazonaws.com/",
      inlinePolicies: [inline("a", ALLOW_ASSUME)],
    });
    const plain = addRole(state, PROD, "Plain", { inlinePolicies: [inline("a", ALLOW_ASSUME)] });
    const target = addRole(state, DEV, "Target", { trustPolicy: trust({ AWS: PROD }) });
    state.serviceControlPolicies.push(scp("p-deny", policy({ Effect: "Deny", Action: "sts:AssumeRole", Resource: "*" }), [PROD]));
    const graph = await buildTrustGraph(state);
    expect(assume(graph, linked.arn, target.arn)).toBeDefined();
    expect(assume(graph, plain.arn, target.arn)).toBeUndefined();
  });

  it("SCPs not collected are not invented: a note says so and the edge stands", async () => {
    const state = graphInventory();
    const caller = addRole(state, PROD, "Caller", { inlinePolicies: [inline("a", ALLOW_ASSUME)] });
    const target = addRole(state, DEV, "Target", { trustPolicy: trust({ AWS: PROD }) });
    state.serviceControlPolicies.push(scp("p-deny", policy({ Effect: "Deny", Action: "*", Resource: "*" }), [PROD]));
    delete state.coverage.serviceControlPolicies;
    const graph = await buildTrustGraph(state);
    expect(assume(graph, caller.arn, target.arn)).toBeDefined();
    expect(graph.notes).toContainEqual(
      expect.objectContaining({ code: "SCPS_NOT_COLLECTED", message: expect.stringContaining("not applied") }),
    );
  });

  it("a permissions boundary without sts:AssumeRole removes the edge; one with it keeps it", async () => {
    const state = graphInventory();
    const boundaryArn = `arn:aws:iam::${DEV}:policy/s3-only`;
    state.iamByAccount[DEV]!.policies.push({
      key: boundaryArn,
      accountId: DEV,
      arn: boundaryArn,
      name: "s3-only",
      policyId: "ANPAS3ONLY",
      path: "/",
      description: null,
      defaultVersionId: "v1",
      attachmentCount: 1,
      isAttachable: true,
      createdAt: null,
      updatedAt: null,
      document: policy({ Effect: "Allow", Action: "s3:*", Resource: "*" }),
    });
    const bounded = addRole(state, DEV, "Bounded", {
      inlinePolicies: [inline("all", policy({ Effect: "Allow", Action: "*", Resource: "*" }))],
      permissionsBoundaryArn: boundaryArn,
    });
    const free = addRole(state, DEV, "Free", { inlinePolicies: [inline("all", policy({ Effect: "Allow", Action: "*", Resource: "*" }))] });
    const target = addRole(state, PROD, "Target", { trustPolicy: trust({ AWS: DEV }) });
    const graph = await buildTrustGraph(state);
    expect(assume(graph, bounded.arn, target.arn)).toBeUndefined();
    expect(assume(graph, free.arn, target.arn)).toBeDefined();
  });

  it("a unique id names a deleted principal: no edge, a note", async () => {
    const state = graphInventory();
    addRole(state, PROD, "Caller", { inlinePolicies: [inline("a", ALLOW_ASSUME)] });
    const target = addRole(state, PROD, "Target", { trustPolicy: trust({ AWS: "AROAJQABLZS4A3QDU576Q" }) });
    const graph = await buildTrustGraph(state);
    expect(graph.incoming.get(target.arn) ?? []).toEqual([]);
    expect(graph.notes).toContainEqual(expect.objectContaining({ code: "TRUST_DANGLING_PRINCIPAL", resourceArn: target.arn }));
  });

  it("services and federated providers get edges (shown, not evaluated), conditional on the statement's conditions", async () => {
    const state = graphInventory();
    const saml = `arn:aws:iam::${PROD}:saml-provider/AWSSSO_abc_DO_NOT_DELETE`;
    const ec2 = addRole(state, PROD, "Ec2Role");
    const federated = addRole(state, PROD, "Federated", {
      trustPolicy: policy({
        Effect: "Allow",
        Principal: { Federated: saml },
        Action: ["sts:AssumeRoleWithSAML", "sts:TagSession"],
        Condition: { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } },
      }),
    });
    const graph = await buildTrustGraph(state);
    expect(assume(graph, nodeId.service("ec2.amazonaws.com"), ec2.arn)).toMatchObject({ action: "sts:AssumeRole", conditional: false });
    expect(assume(graph, nodeId.federated(saml), federated.arn)).toMatchObject({ action: "sts:AssumeRoleWithSAML", conditional: true });
    expect(graph.nodes.get(nodeId.federated(saml))).toMatchObject({ kind: "FEDERATED_PROVIDER", accountId: PROD });
  });
});

describe("buildTrustGraph: Identity Center", () => {
  it("links users to groups, assignments to permission sets per account, and each permission set to its reserved role", async () => {
    const state = graphInventory();
    const idc = state.identityCenter!;
    const psArn = "arn:aws:sso:::permissionSet/ssoins-test/ps-Admin";
    idc.users.push({
      key: "u1",
      userId: "u1",
      userName: "alice",
      displayName: "Alice",
      primaryEmail: "alice@example.com",
      givenName: null,
      familyName: null,
      status: "ENABLED",
      externalIds: [],
    });
    idc.groups.push({ key: "g1", groupId: "g1", displayName: "Admins", description: null, externalIds: [] });
    idc.memberships.push({ key: "g1|u1", membershipId: "m1", groupId: "g1", userId: "u1" });
    idc.permissionSets.push({
      key: psArn,
      arn: psArn,
      name: "Admin",
      description: null,
      createdAt: null,
      sessionDuration: "PT8H",
      relayState: null,
      awsManagedPolicies: [],
      customerManagedPolicies: [],
      inlinePolicy: inline("inline", ALLOW_ASSUME),
      permissionsBoundary: null,
      tags: {},
      provisionedAccountIds: [PROD],
    });
    idc.assignments.push({
      key: `${PROD}|${psArn}|GROUP|g1`,
      accountId: PROD,
      permissionSetArn: psArn,
      principalType: "GROUP",
      principalId: "g1",
    });
    const reserved = addRole(state, PROD, "AWSReservedSSO_Admin_0123456789abcdef", {
      path: "/aws-reserved/sso.amazonaws.com/",
      identityCenter: { permissionSetName: "Admin", suffix: "0123456789abcdef", region: null, permissionSetArn: null },
    });
    reserved.arn = `arn:aws:iam::${PROD}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef`;
    reserved.key = reserved.arn;
    // The empty proxy pattern: the permission set's inline policy is what lets its reserved role assume across accounts.
    const target = addRole(state, DEV, "TeamRole", { trustPolicy: trust({ AWS: PROD }) });
    const graph = await buildTrustGraph(state);
    const kinds = (kind: string) => graph.edges.filter((e) => e.kind === kind).map(({ from, to, accountId }) => ({ from, to, accountId }));
    expect(kinds("MEMBER_OF")).toEqual([{ from: "idc-user:u1", to: "idc-group:g1", accountId: null }]);
    expect(kinds("ASSIGNED")).toEqual([{ from: "idc-group:g1", to: `permission-set:${psArn}`, accountId: PROD }]);
    expect(kinds("PROVISIONED_AS")).toEqual([{ from: `permission-set:${psArn}`, to: reserved.arn, accountId: PROD }]);
    expect(graph.nodes.get(reserved.arn)?.kind).toBe("RESERVED_ROLE");
    expect(assume(graph, reserved.arn, target.arn)).toBeDefined();
  });
});
