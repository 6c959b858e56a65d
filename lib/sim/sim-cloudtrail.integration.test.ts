import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CloudTrailClient, LookupEventsCommand, paginateLookupEvents } from "@aws-sdk/client-cloudtrail";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { startSimServer, type SimServer } from "./index";
import { credentialsOf, errorOf, simClientConfig, TEST_NOW } from "./testing/sim-client-config";

let server: SimServer;

beforeAll(async () => {
  server = await startSimServer({ scenario: "demo", now: TEST_NOW });
});
afterAll(() => server.close());

async function trailFor(accountId: string, region: string): Promise<CloudTrailClient> {
  const sts = new STSClient(simClientConfig(server));
  const assumed = await sts.send(
    new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/VigilAuditRole`, RoleSessionName: "vigil" }),
  );
  return new CloudTrailClient(simClientConfig(server, { credentials: credentialsOf(assumed), region }));
}

describe("CloudTrail LookupEvents through the real SDK", () => {
  it("pages an account's regional history to the end, newest first, within 90 days", async () => {
    const ct = await trailFor("590123456780", "eu-west-1");
    const times: number[] = [];
    for await (const page of paginateLookupEvents({ client: ct, pageSize: 50 }, { EndTime: TEST_NOW }))
      times.push(...(page.Events ?? []).map((e) => (e.EventTime as Date).getTime()));
    expect(times.length).toBe(server.state.cloudTrail.list("590123456780", "eu-west-1").filter((r) => r.eventTime <= TEST_NOW).length);
    expect(times.length).toBeGreaterThan(100);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(TEST_NOW.getTime() - (times.at(-1) as number)).toBeLessThanOrEqual(90 * 86_400_000);
  });

  it("shapes AssumeRoleWithSAML events as Identity Center writes them", async () => {
    const ct = await trailFor("590123456780", "eu-west-1");
    const out = await ct.send(
      new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: "EventName", AttributeValue: "AssumeRoleWithSAML" }], MaxResults: 5 }),
    );
    expect(out.Events?.length).toBe(5);
    const event = JSON.parse(out.Events?.[0]?.CloudTrailEvent as string);
    expect(event.userIdentity.type).toBe("SAMLUser");
    expect(event.requestParameters.roleArn).toMatch(/:role\/aws-reserved\/sso\.amazonaws\.com\/eu-west-1\/AWSReservedSSO_/);
    expect(event.requestParameters.principalArn).toMatch(/:saml-provider\/AWSSSO_[0-9a-f]{16}_DO_NOT_DELETE$/);
    expect(event.recipientAccountId).toBe("590123456780");
    expect(out.Events?.[0]?.Username).toBe(event.userIdentity.userName);
  });

  it("records proxy chains as AssumeRole from an AWSReservedSSO session, and denied ones for the broken chain", async () => {
    const payments = await trailFor("590123456780", "us-east-1");
    const ok = await payments.send(
      new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: "EventName", AttributeValue: "AssumeRole" }], MaxResults: 50 }),
    );
    const chained = ok.Events?.map((e) => JSON.parse(e.CloudTrailEvent as string)).find((e) =>
      e.requestParameters?.roleArn?.endsWith(":role/team/PaymentsTeamRole"),
    );
    expect(chained?.userIdentity.sessionContext.sessionIssuer.userName).toMatch(/^AWSReservedSSO_Payments-Proxy_/);
    expect(chained?.errorCode).toBeUndefined();
    const data = await trailFor("501234567891", "us-east-1");
    const denied: Array<Record<string, unknown>> = [];
    for await (const page of paginateLookupEvents(
      { client: data },
      { LookupAttributes: [{ AttributeKey: "ResourceName", AttributeValue: "arn:aws:iam::501234567891:role/team/DataTeamRole" }] },
    )) {
      denied.push(...(page.Events ?? []).map((e) => JSON.parse(e.CloudTrailEvent as string)));
    }
    expect(denied.length).toBeGreaterThan(0);
    expect(denied.every((e) => e.errorCode === "AccessDenied")).toBe(true);
  });

  it("keeps ConsoleLogin events in several regions and the break-glass sign-in in us-east-1", async () => {
    const mgmt = new CloudTrailClient(simClientConfig(server, { region: "us-east-1" }));
    const logins = await mgmt.send(
      new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: "Username", AttributeValue: "breakglass-admin" }] }),
    );
    const login = logins.Events?.map((e) => JSON.parse(e.CloudTrailEvent as string)).find((e) => e.eventName === "ConsoleLogin");
    expect(login?.additionalEventData.MFAUsed).toBe("Yes");
    expect(login?.userIdentity.type).toBe("IAMUser");
    const regions = server.state.regions.filter((r) =>
      server.state.cloudTrail.list("501234567891", r).some((e) => e.eventName === "ConsoleLogin"),
    );
    expect(regions.length).toBeGreaterThan(1);
  });

  it("validates attributes, time range, MaxResults and tokens like AWS", async () => {
    const ct = new CloudTrailClient(simClientConfig(server));
    const two = [
      { AttributeKey: "EventName" as const, AttributeValue: "A" },
      { AttributeKey: "Username" as const, AttributeValue: "B" },
    ];
    expect((await errorOf(ct.send(new LookupEventsCommand({ LookupAttributes: two })))).name).toBe("InvalidLookupAttributesException");
    expect(
      (await errorOf(ct.send(new LookupEventsCommand({ StartTime: TEST_NOW, EndTime: new Date(TEST_NOW.getTime() - 1000) })))).name,
    ).toBe("InvalidTimeRangeException");
    expect((await errorOf(ct.send(new LookupEventsCommand({ MaxResults: 51 })))).name).toBe("InvalidMaxResultsException");
    const first = await ct.send(new LookupEventsCommand({ MaxResults: 1 }));
    expect(
      (
        await errorOf(
          ct.send(
            new LookupEventsCommand({
              MaxResults: 1,
              NextToken: first.NextToken,
              LookupAttributes: [{ AttributeKey: "ReadOnly", AttributeValue: "true" }],
            }),
          ),
        )
      ).name,
    ).toBe("InvalidNextTokenException");
  });

  it("returns events added through the admin API", async () => {
    server.admin.addCloudTrailEvents("612345678902", {
      region: "eu-north-1",
      events: [
        {
          eventVersion: "1.08",
          eventTime: "2026-11-19T10:00:00Z",
          eventSource: "iam.amazonaws.com",
          eventName: "CreateUser",
          readOnly: false,
          userIdentity: { type: "IAMUser", userName: "jordan.lee", accessKeyId: "AKIAEXAMPLE" },
        },
      ],
    });
    const ct = await trailFor("612345678902", "eu-north-1");
    const out = await ct.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: "EventName", AttributeValue: "CreateUser" }] }));
    expect(out.Events?.map((e) => [e.Username, e.ReadOnly, e.AccessKeyId])).toEqual([["jordan.lee", "false", "AKIAEXAMPLE"]]);
  });
});
