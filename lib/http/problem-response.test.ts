import { describe, expect, it } from "vitest";
import { APP_ERROR_STATUS, AppError } from "../errors";
import { problemResponse } from "./problem-response";

describe("problem responses", () => {
  it("answers problem+json with the status from the one table", async () => {
    const response = problemResponse(new AppError("FORBIDDEN", "requires role admin"), "/api/x");
    expect(response.status).toBe(APP_ERROR_STATUS.FORBIDDEN);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ status: 403, code: "FORBIDDEN", detail: "requires role admin" });
  });
});
