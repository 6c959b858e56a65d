import { describe, expect, it } from "vitest";
import { CHECKOUT_STATUSES } from "@/lib/breakglass";
import { toCheckoutStatus } from "./load-checkouts";

describe("toCheckoutStatus", () => {
  it("reads every database status as the machine's status", () => {
    expect(toCheckoutStatus("ROTATION_PENDING")).toBe("rotation-pending");
    expect(toCheckoutStatus("REQUEST_EXPIRED")).toBe("request-expired");
    for (const status of CHECKOUT_STATUSES) expect(toCheckoutStatus(status.toUpperCase().replaceAll("-", "_"))).toBe(status);
  });

  it("refuses a status the machine does not know rather than showing it as anything", () => {
    expect(() => toCheckoutStatus("SAFE")).toThrow("unknown checkout status SAFE");
  });
});
