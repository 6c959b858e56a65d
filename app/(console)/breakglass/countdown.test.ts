import { describe, expect, it } from "vitest";
import { formatRemaining } from "./countdown";

describe("formatRemaining", () => {
  it("shows minutes and seconds, hours once there are any, and 'ended' at or after the end", () => {
    expect(formatRemaining(29 * 60_000 + 5_400)).toBe("29:05");
    expect(formatRemaining(999)).toBe("0:00");
    expect(formatRemaining(3_600_000 + 61_000)).toBe("1:01:01");
    expect(formatRemaining(0)).toBe("ended");
    expect(formatRemaining(-5_000)).toBe("ended");
  });
});
