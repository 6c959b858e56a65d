import type { Secrets } from "./user-admin-actions";

/** Credentials exist in clear only in this one response; Vigil cannot show them again. */
export function SecretsOnce({ secrets }: { secrets: Secrets }) {
  return (
    <div className="badge warn" style={{ display: "block", borderRadius: 8, padding: 12, marginTop: 8 }} data-testid="secrets-once">
      <strong>Shown once — store these in the break-glass safe now.</strong>
      <pre>
        {[
          `username:    ${secrets.username}`,
          ...(secrets.password ? [`password:    ${secrets.password}`] : []),
          `TOTP secret: ${secrets.totpSecret}`,
          `TOTP URI:    ${secrets.otpauthUri}`,
        ].join("\n")}
      </pre>
    </div>
  );
}
