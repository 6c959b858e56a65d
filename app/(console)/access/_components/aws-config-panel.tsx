import { AccessError, awsConfigSettingsFromEnv, getAwsConfig } from "@/lib/access";
import type { Db } from "@/lib/db";

/**
 * "Get me there": the AWS CLI v2 config for a person (or group) as of a snapshot, to download or
 * copy: an sso-session, a profile per account × permission set, a chained profile per proxy or
 * bastion hop. Names and values are sanitized by lib/access; React escapes the text here.
 */
export async function AwsConfigPanel({ db, principal, snapshotId }: { db: Db; principal: string; snapshotId: number }) {
  let file;
  try {
    file = await getAwsConfig(db, { principal, snapshotId }, awsConfigSettingsFromEnv());
  } catch (error) {
    if (error instanceof AccessError) return <p className="inv-muted">{error.message}</p>;
    throw error;
  }
  if (file.profiles.length === 0) return <p className="inv-muted">No account to sign in to: no permission set is assigned.</p>;
  const chained = file.profiles.filter((p) => p.kind === "chained").length;
  const href = `data:text/plain;charset=utf-8,${encodeURIComponent(file.text)}`;
  return (
    <div className="aws-config-panel" data-testid="aws-config-panel">
      <p>
        {file.profiles.length - chained} sign-in profile{file.profiles.length - chained === 1 ? "" : "s"} and {chained} chained profile
        {chained === 1 ? "" : "s"} (proxy and bastion hops). Save as <code>~/.aws/config</code> (or point <code>AWS_CONFIG_FILE</code> at
        it), run <code>aws sso login --sso-session vigil</code>, then <code>aws … --profile &lt;name&gt;</code>.{" "}
        <a href={href} download={file.fileName}>
          Download
        </a>
      </p>
      <details>
        <summary>Show the config (select to copy)</summary>
        <pre aria-label="AWS CLI config" tabIndex={0}>
          {file.text}
        </pre>
      </details>
    </div>
  );
}
