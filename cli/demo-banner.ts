import qrcode from "qrcode-terminal";
import type { DemoAdmin } from "./demo-admin";

/** The one place the demo admin's secrets are shown: printed once, never logged. */
export function formatDemoBanner(url: string, admin: DemoAdmin): string {
  return [
    "",
    "  Vigil demo is running",
    "",
    `  Console      ${url}`,
    `  Username     ${admin.username}`,
    `  Password     ${admin.password}`,
    `  TOTP secret  ${admin.totpSecret}`,
    `  otpauth URI  ${admin.otpauthUri}`,
    "",
    "  Scan this with an authenticator app (or add the secret or the URI by hand) to sign in:",
    "",
    renderQrCode(admin.otpauthUri),
    "  These credentials are new on every `vigil demo` run.",
    "",
    "  Press Ctrl-C to stop.",
    "",
  ].join("\n");
}

function renderQrCode(text: string): string {
  let rendered = "";
  // qrcode-terminal calls back synchronously; `small` uses half blocks, two modules per character row.
  qrcode.generate(text, { small: true }, (code) => (rendered = code));
  return rendered
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");
}
