import { describe, expect, it } from "vitest";
import { tokenParts } from "./arn-text";

describe("tokenParts", () => {
  it("an ARN may wrap after each separator and nowhere inside a name", () => {
    const arn = "arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123";
    expect(tokenParts(arn)).toEqual([
      "arn:",
      "aws:",
      "iam:",
      ":",
      "123456789012:",
      "role/",
      "aws-reserved/",
      "sso.amazonaws.com/",
      "AWSReservedSSO_Admin_0123",
    ]);
    expect(tokenParts(arn).join("")).toBe(arn);
  });

  it("a value without separators is one unbreakable part", () => {
    expect(tokenParts("203.0.113.10")).toEqual(["203.0.113.10"]);
  });
});
