import { describe, expect, it } from "vitest";
import { terminalSafe, textTable } from "./terminal-text";

describe("terminal text", () => {
  it("replaces control characters (ANSI escapes, C1) so a name from AWS cannot drive the terminal", () => {
    expect(terminalSafe("role\u001b[31mRed\u0007\u009b")).toBe("role?[31mRed??");
    expect(terminalSafe("café ✓")).toBe("café ✓");
  });

  it("aligns columns and cuts cells past their width with an ellipsis", () => {
    const text = textTable<[string, string]>(
      [
        ["NAME", (r) => r[0], 6],
        ["NOTE", (r) => r[1], 20],
      ],
      [
        ["a", "short"],
        ["averylongname", "x"],
      ],
    );
    expect(text).toBe("NAME    NOTE\na       short\navery…  x\n");
  });
});
