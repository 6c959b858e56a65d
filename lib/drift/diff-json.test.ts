import { describe, expect, it } from "vitest";
import { diffJson } from "./diff-json";

const trust = (statement: unknown, extra: Record<string, unknown> = {}) => ({ Version: "2012-10-17", Statement: statement, ...extra });
const allowEc2 = { Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" };

describe("diffJson on plain JSON", () => {
  it("reports nothing for equal values whatever their key order", () => {
    expect(diffJson({ a: 1, b: { c: [1, 2], d: null } }, { b: { d: null, c: [1, 2] }, a: 1 })).toEqual([]);
  });

  it("names each changed, added and removed path with its values", () => {
    const changes = diffJson(
      { sessionDuration: "PT1H", tags: { team: "a" }, old: true },
      { sessionDuration: "PT8H", tags: { team: "a", env: "prod" } },
    );
    expect(changes).toEqual([
      { path: "old", kind: "removed", before: true },
      { path: "sessionDuration", kind: "changed", before: "PT1H", after: "PT8H" },
      { path: "tags.env", kind: "added", after: "prod" },
    ]);
  });

  it("quotes keys that are not identifiers", () => {
    expect(diffJson({ tags: { "team name": "a" } }, { tags: { "team name": "b" } })).toEqual([
      { path: 'tags["team name"]', kind: "changed", before: "a", after: "b" },
    ]);
  });

  it("matches array elements by identity so an insertion does not shift the rest", () => {
    const before = {
      attached: [
        { arn: "arn:b", name: "B" },
        { arn: "arn:c", name: "C" },
      ],
    };
    const after = {
      attached: [
        { arn: "arn:a", name: "A" },
        { arn: "arn:b", name: "B" },
        { arn: "arn:c", name: "C2" },
      ],
    };
    expect(diffJson(before, after)).toEqual([
      { path: "attached[arn=arn:a]", kind: "added", after: { arn: "arn:a", name: "A" } },
      { path: "attached[arn=arn:c].name", kind: "changed", before: "C", after: "C2" },
    ]);
  });

  it("diffs arrays of objects without an identity position by position", () => {
    expect(diffJson({ keys: [{ active: true }, { active: false }] }, { keys: [{ active: true }, { active: true }] })).toEqual([
      { path: "keys[1].active", kind: "changed", before: false, after: true },
    ]);
  });

  it("reports the values added to and removed from a list of plain values", () => {
    expect(diffJson(["a", "b"], ["b", "c"])).toEqual([
      { path: "", kind: "removed", before: "a" },
      { path: "", kind: "added", after: "c" },
    ]);
  });

  it("keeps order meaningful in plain JSON: a reordering is one change of the whole list", () => {
    expect(diffJson([1, 2], [2, 1])).toEqual([{ path: "", kind: "changed", before: [1, 2], after: [2, 1] }]);
  });

  it("tells null from absent and a type change from a value change", () => {
    expect(diffJson({ a: null }, {})).toEqual([{ path: "a", kind: "removed", before: null }]);
    expect(diffJson({ a: "1" }, { a: 1 })).toEqual([{ path: "a", kind: "changed", before: "1", after: 1 }]);
  });

  it("survives hostile nesting by reporting a deep difference on its subtree", () => {
    const deep = (leaf: number) => {
      let value: unknown = leaf;
      for (let i = 0; i < 2_000; i++) value = { n: value };
      return value;
    };
    const changes = diffJson(deep(1), deep(2));
    expect(changes).toHaveLength(1);
    expect(changes[0]?.kind).toBe("changed");
  });
});

describe("diffJson on IAM policy documents: cosmetic differences", () => {
  it("treats Statement as one object and as a one-element list alike", () => {
    expect(diffJson(trust(allowEc2), trust([allowEc2]))).toEqual([]);
  });

  it("ignores statement order and identical duplicate statements", () => {
    const other = { Effect: "Deny", Principal: "*", Action: "sts:TagSession" };
    expect(diffJson(trust([allowEc2, other]), trust([other, allowEc2, allowEc2]))).toEqual([]);
  });

  it("ignores string vs one-element list, order, duplicates and action-name case in value lists", () => {
    const before = trust({
      Effect: "Allow",
      Principal: { AWS: ["arn:aws:iam::1:role/a", "arn:aws:iam::1:role/b"] },
      Action: ["s3:GetObject", "s3:PutObject"],
    });
    const after = trust({
      Effect: "Allow",
      Principal: { AWS: ["arn:aws:iam::1:role/b", "arn:aws:iam::1:role/a"] },
      Action: ["S3:PUTOBJECT", "s3:getobject", "s3:GetObject"],
    });
    expect(diffJson(before, after)).toEqual([]);
    expect(diffJson(trust({ ...allowEc2, Action: "sts:AssumeRole" }), trust({ ...allowEc2, Action: ["sts:AssumeRole"] }))).toEqual([]);
  });

  it('treats Principal "*" and {"AWS": "*"} alike, as AWS documents', () => {
    expect(
      diffJson(
        trust({ Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" }),
        trust({ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" }),
      ),
    ).toEqual([]);
  });

  it("ignores Sid and Id labels, and condition-key case", () => {
    const cond = (key: string) => ({ ...allowEc2, Condition: { StringEquals: { [key]: "o-abc" } } });
    expect(
      diffJson(trust({ ...cond("aws:PrincipalOrgID"), Sid: "A" }), trust({ ...cond("aws:principalorgid"), Sid: "B" }, { Id: "x" })),
    ).toEqual([]);
  });
});

describe("diffJson on IAM policy documents: semantic differences", () => {
  it("reads a widened trust as one principal added to the paired statement", () => {
    const before = trust([
      { Sid: "Ops", Effect: "Allow", Principal: { AWS: "arn:aws:iam::111111111111:role/ops" }, Action: "sts:AssumeRole" },
    ]);
    const after = trust({
      Sid: "Ops",
      Effect: "Allow",
      Principal: { AWS: ["arn:aws:iam::111111111111:role/ops", "arn:aws:iam::111111111111:root"] },
      Action: "sts:AssumeRole",
    });
    expect(diffJson(before, after)).toEqual([
      { path: "Statement[Sid=Ops].Principal.AWS", kind: "added", after: "arn:aws:iam::111111111111:root" },
    ]);
  });

  it("pairs statements without Sid by similarity and labels them by position", () => {
    const before = trust([allowEc2, { Effect: "Allow", Principal: { AWS: "arn:aws:iam::1:role/a" }, Action: "sts:AssumeRole" }]);
    const after = trust([allowEc2, { Effect: "Allow", Principal: { AWS: "arn:aws:iam::1:role/b" }, Action: "sts:AssumeRole" }]);
    expect(diffJson(before, after)).toEqual([
      { path: "Statement[1].Principal.AWS", kind: "removed", before: "arn:aws:iam::1:role/a" },
      { path: "Statement[1].Principal.AWS", kind: "added", after: "arn:aws:iam::1:role/b" },
    ]);
  });

  it("reports a statement with nothing in common as removed or added whole", () => {
    const deny = { Effect: "Deny", NotPrincipal: { AWS: "arn:aws:iam::1:root" }, NotAction: "iam:*" };
    expect(diffJson(trust([allowEc2]), trust([allowEc2, deny]))).toEqual([{ path: "Statement[1]", kind: "added", after: deny }]);
    expect(diffJson(trust([allowEc2, deny]), trust(allowEc2))).toEqual([{ path: "Statement[1]", kind: "removed", before: deny }]);
  });

  it("reports Version, Effect and condition changes field by field", () => {
    const before = trust({
      Effect: "Allow",
      Principal: { AWS: "arn:aws:iam::1:root" },
      Action: "sts:AssumeRole",
      Condition: { StringEquals: { "sts:ExternalId": "abc" } },
    });
    const after = {
      Version: "2008-10-17",
      Statement: {
        Effect: "Deny",
        Principal: { AWS: "arn:aws:iam::1:root" },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "sts:ExternalId": "ABC" }, Bool: { "aws:MultiFactorAuthPresent": true } },
      },
    };
    expect(diffJson(before, after)).toEqual([
      { path: "Version", kind: "changed", before: "2012-10-17", after: "2008-10-17" },
      { path: "Statement[0].Effect", kind: "changed", before: "Allow", after: "Deny" },
      { path: "Statement[0].Condition.Bool", kind: "added", after: { "aws:MultiFactorAuthPresent": ["true"] } },
      { path: "Statement[0].Condition.StringEquals.sts:ExternalId", kind: "removed", before: "abc" },
      { path: "Statement[0].Condition.StringEquals.sts:ExternalId", kind: "added", after: "ABC" },
    ]);
  });

  it("reports a Principal → NotPrincipal swap", () => {
    const statement = (field: string) => ({
      Effect: "Allow",
      [field]: { AWS: "arn:aws:iam::1:root" },
      Action: "sts:AssumeRole",
      Resource: "*",
    });
    expect(diffJson(trust(statement("Principal")), trust(statement("NotPrincipal")))).toEqual([
      { path: "Statement[0].Principal", kind: "removed", before: { AWS: "arn:aws:iam::1:root" } },
      { path: "Statement[0].NotPrincipal", kind: "added", after: { AWS: "arn:aws:iam::1:root" } },
    ]);
  });

  it("keeps resource ARN case meaningful", () => {
    const policy = (resource: string) => trust({ Effect: "Allow", Action: "s3:GetObject", Resource: resource });
    expect(diffJson(policy("arn:aws:s3:::Bucket/*"), policy("arn:aws:s3:::bucket/*"))).toHaveLength(2);
  });

  it("diffs policy documents nested in entity data, alongside plain fields", () => {
    const role = (principal: string, maxSessionDuration: number) => ({
      maxSessionDuration,
      trustPolicy: trust([{ Effect: "Allow", Principal: { AWS: principal }, Action: "sts:AssumeRole" }]),
      inlinePolicies: [{ name: "p", document: trust({ Effect: "Allow", Action: ["s3:GetObject"], Resource: "*" }) }],
    });
    const after = role("arn:aws:iam::1:role/b", 7200);
    after.inlinePolicies[0]!.document = trust({ Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: "*" });
    expect(diffJson(role("arn:aws:iam::1:role/a", 3600), after)).toEqual([
      { path: "inlinePolicies[name=p].document.Statement[0].Action", kind: "added", after: "s3:PutObject" },
      { path: "maxSessionDuration", kind: "changed", before: 3600, after: 7200 },
      { path: "trustPolicy.Statement[0].Principal.AWS", kind: "removed", before: "arn:aws:iam::1:role/a" },
      { path: "trustPolicy.Statement[0].Principal.AWS", kind: "added", after: "arn:aws:iam::1:role/b" },
    ]);
  });

  it("falls back to a plain diff for malformed statement fields", () => {
    const changes = diffJson(trust({ Effect: "Allow", Action: { odd: 1 } }), trust({ Effect: "Allow", Action: { odd: 2 } }));
    expect(changes).toEqual([{ path: "Statement[0].Action.odd", kind: "changed", before: 1, after: 2 }]);
  });
});
