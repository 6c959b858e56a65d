import { describe, expect, it } from "vitest";
import { CREDENTIAL_REPORT_COLUMNS, parseCredentialReport } from "./credential-report-csv";

const HEADER = CREDENTIAL_REPORT_COLUMNS.join(",");
// Rows from AWS-WIRE §2.6 (22 fields each).
const ROOT =
  "<root_account>,arn:aws:iam::111122223333:root,2019-05-05T10:00:00+00:00,not_supported,2026-07-30T08:12:44+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A";
const ALICE =
  "alice,arn:aws:iam::111122223333:user/alice,2024-01-01T00:00:00+00:00,true,2026-07-29T17:03:10+00:00,2024-01-01T00:05:00+00:00,N/A,true,true,2024-01-02T09:00:00+00:00,2026-07-29T16:58:00+00:00,us-east-1,iam,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A";
const CI_BOT =
  "ci-bot,arn:aws:iam::111122223333:user/automation/ci-bot,2023-03-03T12:00:00+00:00,false,N/A,N/A,N/A,false,true,2023-03-03T12:01:00+00:00,N/A,N/A,N/A,true,2025-11-01T00:00:00+00:00,2026-07-30T02:00:00+00:00,N/A,s3,false,N/A,false,N/A";
const BOB =
  "bob,arn:aws:iam::111122223333:user/bob,2025-06-01T00:00:00+00:00,true,no_information,2025-06-01T00:00:00+00:00,2025-08-30T00:00:00+00:00,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A";

function makeReport(rows: string[], newline = "\n", trailing = true): string {
  return [HEADER, ...rows].join(newline) + (trailing ? newline : "");
}

describe("parseCredentialReport", () => {
  it("reads the root row with not_supported fields as null", () => {
    const [root] = parseCredentialReport(makeReport([ROOT]));
    expect(root).toMatchObject({
      key: "arn:aws:iam::111122223333:root",
      isRoot: true,
      passwordEnabled: null,
      passwordLastUsedAt: "2026-07-30T08:12:44.000Z",
      passwordLastChangedAt: null,
      mfaActive: true,
    });
  });

  it("turns N/A and no_information into null and offset dates into UTC ISO", () => {
    const [, alice, ciBot, bob] = parseCredentialReport(makeReport([ROOT, ALICE, CI_BOT, BOB]));
    expect(alice?.accessKeys[0]).toEqual({
      active: true,
      lastRotatedAt: "2024-01-02T09:00:00.000Z",
      lastUsedAt: "2026-07-29T16:58:00.000Z",
      lastUsedRegion: "us-east-1",
      lastUsedService: "iam",
    });
    expect(alice?.passwordNextRotationAt).toBeNull();
    expect(ciBot?.passwordEnabled).toBe(false);
    expect(ciBot?.accessKeys[1]).toMatchObject({ active: true, lastUsedRegion: null, lastUsedService: "s3" });
    expect(bob?.passwordLastUsedAt).toBeNull();
    expect(bob?.passwordNextRotationAt).toBe("2025-08-30T00:00:00.000Z");
    expect(bob?.certificates).toEqual([
      { active: false, lastRotatedAt: null },
      { active: false, lastRotatedAt: null },
    ]);
  });

  it("accepts CRLF line ends, a missing trailing newline and upper-case booleans", () => {
    const rows = parseCredentialReport(makeReport([ALICE.replace(",true,true,", ",TRUE,TRUE,")], "\r\n", false));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.mfaActive).toBe(true);
    expect(rows[0]?.accessKeys[0].active).toBe(true);
  });

  it("finds columns by name, so a reordered or extended header still parses", () => {
    const csv = "arn,user,mfa_active,some_new_column\narn:aws:iam::111122223333:user/x,x,true,whatever\n";
    expect(parseCredentialReport(csv)[0]).toMatchObject({ user: "x", mfaActive: true, passwordEnabled: null });
  });

  it("keeps a quoted user name that contains a comma in one field", () => {
    const csv = `user,arn,mfa_active\n"a,b",arn:aws:iam::111122223333:user/ab,false\n`;
    expect(parseCredentialReport(csv)[0]).toMatchObject({ user: "a,b", arn: "arn:aws:iam::111122223333:user/ab", mfaActive: false });
  });

  it("returns no rows for a report with only a header", () => {
    expect(parseCredentialReport(HEADER + "\n")).toEqual([]);
  });
});
