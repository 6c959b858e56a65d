import { describe, expect, it } from "vitest";
import { z } from "zod";
import { zodIssueLines } from "./zod-issue-lines";

describe("zod issue lines", () => {
  it("each problem is one line naming its field, nested fields by their dotted path", () => {
    const schema = z.object({ pageSize: z.number().max(200, "pageSize must be at most 200"), db: z.object({ url: z.string() }) });
    const parsed = schema.safeParse({ pageSize: 5000, db: {} });
    expect(zodIssueLines(parsed.error!)).toEqual([
      "✖ pageSize must be at most 200 → at pageSize",
      "✖ Invalid input: expected string, received undefined → at db.url",
    ]);
  });

  it("a problem with the whole value has no field to name and is still one line", () => {
    expect(zodIssueLines(z.string().safeParse(1).error!)).toEqual(["✖ Invalid input: expected string, received number"]);
  });
});
