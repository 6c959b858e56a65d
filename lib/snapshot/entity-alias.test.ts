import { describe, expect, it } from "vitest";
import { entityAlias } from "./entity-alias";
import { sql } from "./sql";

const role = entityAlias("IAM_ROLE", "r");
const credential = entityAlias("IAM_CREDENTIAL", "c");

describe("entityAlias", () => {
  it("reads data fields by their lib/aws names as text, JSON, boolean and int", () => {
    expect(role.text("roleName").text).toBe(`"r".data->>'roleName'`);
    expect(role.json("tags").text).toBe(`"r".data->'tags'`);
    expect(role.boolean("isServiceLinked").text).toBe(`("r".data->>'isServiceLinked')::boolean`);
    expect(role.integer("maxSessionDuration").text).toBe(`("r".data->>'maxSessionDuration')::int`);
  });

  it("reads nested fields and tuple positions by path", () => {
    expect(role.textAt("identityCenter", "permissionSetArn").text).toBe(`"r".data#>>'{identityCenter,permissionSetArn}'`);
    expect(credential.textAt("accessKeys", "1", "lastUsedAt").text).toBe(`"c".data#>>'{accessKeys,1,lastUsedAt}'`);
  });

  it("binds the kind and snapshot of an as-of filter as parameters", () => {
    const filter = sql`${role.asOf(7)}`;
    expect(filter.text).toBe(`"r".kind = $1::"EntityKind" AND "r"."validFrom" <= $2 AND ("r"."validTo" IS NULL OR "r"."validTo" > $3)`);
    expect(filter.values).toEqual(["IAM_ROLE", 7, 7]);
  });

  it("refuses an alias or a field name that is not a plain identifier", () => {
    expect(() => entityAlias("IAM_ROLE", `r" OR 1=1 --`)).toThrow(/not a table alias/);
    // @ts-expect-error a field that IamRole does not have fails to compile
    expect(() => role.text("roleName' OR '1")).toThrow(/not a JSON field name/);
  });

  it("rejects at compile time fields the kind's lib/aws type does not have", () => {
    // @ts-expect-error IamRole has `roleName`, not `name`
    role.text("name");
    // @ts-expect-error `isServiceLinked` is boolean, `roleName` is not
    role.boolean("roleName");
    // @ts-expect-error the credential report keeps exactly two access keys
    credential.textAt("accessKeys", "2", "active");
    // @ts-expect-error an ACCOUNT alias does not have IAM role fields
    entityAlias("ACCOUNT", "a").text("roleName");
  });
});
