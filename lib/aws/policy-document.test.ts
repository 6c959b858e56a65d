import { describe, expect, it } from "vitest";
import { decodePolicyDocument, namedPolicy } from "./policy-document";

// From AWS-WIRE §2.4 (GAAD sample, the reserved role's trust policy).
const ENCODED_TRUST =
  "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Federated%22%3A%22arn%3Aaws%3Aiam%3A%3A111122223333%3Asaml-provider%2FAWSSSO_0123456789abcdef_DO_NOT_DELETE%22%7D%2C%22Action%22%3A%5B%22sts%3AAssumeRoleWithSAML%22%2C%22sts%3ATagSession%22%5D%2C%22Condition%22%3A%7B%22StringEquals%22%3A%7B%22SAML%3Aaud%22%3A%22https%3A%2F%2Fsignin.aws.amazon.com%2Fsaml%22%7D%7D%7D%5D%7D";

describe("policy documents", () => {
  it("URL-decodes and parses an IAM policy document", () => {
    expect(decodePolicyDocument(ENCODED_TRUST)).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { Federated: "arn:aws:iam::111122223333:saml-provider/AWSSSO_0123456789abcdef_DO_NOT_DELETE" },
          Action: ["sts:AssumeRoleWithSAML", "sts:TagSession"],
          Condition: { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } },
        },
      ],
    });
  });

  it("parses a plain JSON document (SSO inline policy) without decoding it", () => {
    // A literal % in a plain document would break decodeURIComponent.
    const plain = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/100%"}]}';
    expect(decodePolicyDocument(plain)?.Statement).toEqual([{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/100%" }]);
  });

  it("keeps the decoded text and a null document when the JSON is invalid", () => {
    expect(namedPolicy("bad", "%7Bnot-json")).toEqual({ name: "bad", document: null, rawDocument: "{not-json" });
    expect(decodePolicyDocument(undefined)).toBeNull();
  });
});
