import { describe, expect, it } from "vitest";
import { formatDemoBanner } from "./demo-banner";

const ADMIN = {
  username: "demo_admin",
  password: "correct-horse-battery",
  totpSecret: "JBSWY3DPEHPK3PXP",
  otpauthUri: "otpauth://totp/Vigil:demo_admin?secret=JBSWY3DPEHPK3PXP&issuer=Vigil",
};
// The top row of a QR code's three finder squares, as qrcode-terminal's half-block rendering draws it.
const FINDER_ROW = /█ ▄▄▄▄▄ █.*█ ▄▄▄▄▄ █/;

describe("the demo banner", () => {
  it("shows the otpauth URI both as text and as a terminal QR code", () => {
    const banner = formatDemoBanner("http://127.0.0.1:3000", ADMIN);
    expect(banner).toContain(`otpauth URI  ${ADMIN.otpauthUri}`);
    expect(banner).toMatch(FINDER_ROW);
    expect(banner).toContain("Console      http://127.0.0.1:3000");
  });
});
