import { describe, expect, it } from "vitest";
import { collectReferences, humanize, layoutEvidence } from "./evidence-layout";

const ROLE = "arn:aws:iam::111122223333:role/Deploy";
const PS = "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-0123456789abcdef";

describe("finding evidence layout", () => {
  it("names keys for people", () => {
    expect(humanize("updateAssumeRolePolicyEvents")).toBe("Update assume role policy events");
    expect(humanize("access_key_1_last_rotated")).toBe("Access key 1 last rotated");
  });

  it("puts facts (an empty list reads as a dash) in one list and gives credential-report fields, events, diffs and documents their own parts", () => {
    const parts = layoutEvidence({
      keySlot: "access_key_1",
      ageDays: 120,
      reasons: ["no-activity-90-days", "owner-unknown"],
      credentialReport: { user: "ci", access_key_1_active: true },
      recentEvents: [{ eventTime: "2025-01-02T03:04:05Z", eventName: "ConsoleLogin", actorArn: "arn:aws:iam::111122223333:user/bg" }],
      diff: [{ path: "Statement[0].Principal.AWS", kind: "changed", before: "a", after: "*" }],
      statement: { Effect: "Allow", Principal: "*" },
      updateAssumeRolePolicyEvents: [],
    });
    expect(parts.map((part) => part.kind)).toEqual(["fields", "credentialReport", "events", "changes", "json"]);
    expect(parts[0]).toEqual({
      kind: "fields",
      entries: [
        ["Key slot", "access_key_1"],
        ["Age days", 120],
        ["Reasons", "no-activity-90-days, owner-unknown"],
        ["Update assume role policy events", "—"],
      ],
    });
  });

  it("a list that is not all events is shown as JSON, not as an event table", () => {
    const parts = layoutEvidence({ samples: [{ eventTime: "2025-01-02T03:04:05Z", eventName: "X" }, { other: 1 }] });
    expect(parts).toEqual([{ kind: "json", label: "Samples", value: expect.any(Array) }]);
  });

  it("collects each linkable resource once, from anywhere in the evidence, and ignores ids that are not under an account key", () => {
    const references = collectReferences({
      statement: { Principal: { AWS: ["arn:aws:iam::444455556666:root", ROLE] } },
      assignment: { key: `111122223333|${PS}|GROUP|g-1` },
      targetRoleArn: ROLE,
      account: { id: "999988887777", accountId: "111122223333" },
      count: "123456789012",
      s3: "arn:aws:s3:::bucket",
    });
    expect(references.map((r) => r.text)).toEqual(["arn:aws:iam::444455556666:root", ROLE, "111122223333", PS]);
  });

  it("stops at 50 references however large the evidence", () => {
    const many = Array.from({ length: 500 }, (_, i) => `arn:aws:iam::111122223333:role/r${i}`);
    expect(collectReferences({ principals: many })).toHaveLength(50);
  });
});
