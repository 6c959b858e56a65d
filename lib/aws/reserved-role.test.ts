import { describe, expect, it } from "vitest";
import { parseReservedRoleName, parseReservedSsoArn, parseReservedSsoRole } from "./reserved-role";

describe("reserved Identity Center roles", () => {
  it("recognises a role under the path without a region segment", () => {
    expect(parseReservedSsoRole("/aws-reserved/sso.amazonaws.com/", "AWSReservedSSO_AdministratorAccess_0123456789abcdef")).toEqual({
      permissionSetName: "AdministratorAccess",
      suffix: "0123456789abcdef",
      region: null,
      permissionSetArn: null,
    });
  });

  it("recognises a role under the path with a region segment and keeps the region", () => {
    expect(parseReservedSsoRole("/aws-reserved/sso.amazonaws.com/eu-west-1/", "AWSReservedSSO_ReadOnly_a8154c80336f8ef7")).toMatchObject({
      permissionSetName: "ReadOnly",
      region: "eu-west-1",
    });
  });

  it("strips only the final suffix from a permission set name with underscores", () => {
    expect(parseReservedRoleName("AWSReservedSSO_Data_Platform_Admin_e62cac11786225d8")).toEqual({
      permissionSetName: "Data_Platform_Admin",
      suffix: "e62cac11786225d8",
    });
  });

  it("keeps a trailing 16-hex-looking underscore part inside the name when it is not last", () => {
    expect(parseReservedRoleName("AWSReservedSSO_x_0123456789abcdef_0123456789abcdef")?.permissionSetName).toBe("x_0123456789abcdef");
  });

  it("does not treat a look-alike role outside the reserved path as Identity Center's", () => {
    expect(parseReservedSsoRole("/", "AWSReservedSSO_AdministratorAccess_0123456789abcdef")).toBeNull();
    expect(parseReservedSsoRole("/aws-reserved/sso.amazonaws.com/", "TeamAuditRole")).toBeNull();
  });

  it("reads the permission set from an IAM role ARN and the user from a session ARN", () => {
    expect(
      parseReservedSsoArn(
        "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Dev_Ops_0123456789abcdef",
      ),
    ).toEqual({ permissionSetName: "Dev_Ops", sessionName: null });
    expect(
      parseReservedSsoArn("arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_AdministratorAccess_0123456789abcdef/alice@example.com"),
    ).toEqual({ permissionSetName: "AdministratorAccess", sessionName: "alice@example.com" });
    expect(parseReservedSsoArn("arn:aws:sts::111122223333:assumed-role/TeamAuditRole/alice")).toBeNull();
  });
});
