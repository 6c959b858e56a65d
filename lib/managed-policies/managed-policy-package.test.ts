import { describe, expect, it } from "vitest";
import { openManagedPolicyPackage } from ".";

describe("openManagedPolicyPackage", () => {
  it("reads AWS's default version of the named policies, and nothing for an unknown name", () => {
    const packaged = openManagedPolicyPackage();
    const found = packaged.read(["AdministratorAccess", "ViewOnlyAccess", "VigilNoSuchPolicy"]);

    expect(packaged.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect([...found.keys()].sort()).toEqual(["AdministratorAccess", "ViewOnlyAccess"]);
    expect(found.get("AdministratorAccess")).toMatchObject({
      arn: "arn:aws:iam::aws:policy/AdministratorAccess",
      versionId: expect.stringMatching(/^v\d+$/),
      document: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] },
    });
    expect(found.get("ViewOnlyAccess")?.arn).toBe("arn:aws:iam::aws:policy/job-function/ViewOnlyAccess");
  });
});
