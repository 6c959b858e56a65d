import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";

/** Debian's AWS CLI v2 (`/usr/bin/aws`, installed by .ci/run), else an `aws` v2 on PATH; null when there is none. */
export function findAwsCliV2(): string | null {
  for (const candidate of ["/usr/bin/aws", "aws"]) {
    try {
      if (execFileSync(candidate, ["--version"], { encoding: "utf8" }).startsWith("aws-cli/2")) return candidate;
    } catch {
      // not installed under this name
    }
  }
  return null;
}

// A fixed PATH, no inherited environment: a developer's profile, credentials or region cannot leak in.
const CLI_PATH = "/usr/local/bin:/usr/bin:/bin";

/** What `aws configure list-profiles` reads from a config file with this text (no other AWS settings leak in). */
export function listProfilesWithAwsCli(aws: string, text: string, file: string): string[] {
  writeFileSync(file, text);
  const out = execFileSync(aws, ["configure", "list-profiles"], {
    encoding: "utf8",
    env: {
      NODE_ENV: "test",
      PATH: CLI_PATH,
      HOME: "/nonexistent",
      AWS_CONFIG_FILE: file,
      AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/credentials",
    },
  });
  return out.split("\n").filter(Boolean);
}

/** One value as the AWS CLI resolves it for a profile (`aws configure get`). */
export function awsConfigGet(aws: string, file: string, profile: string, key: string): string {
  return execFileSync(aws, ["configure", "get", key, "--profile", profile], {
    encoding: "utf8",
    env: {
      NODE_ENV: "test",
      PATH: CLI_PATH,
      HOME: "/nonexistent",
      AWS_CONFIG_FILE: file,
      AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/credentials",
    },
  }).trim();
}

/** A python3 that imports botocore (the AWS CLI's config loader), or null. */
export function findBotocorePython(): string | null {
  for (const candidate of ["python3", "/usr/bin/python3"]) {
    try {
      execFileSync(candidate, ["-c", "import botocore.configloader"], { stdio: "ignore" });
      return candidate;
    } catch {
      // no botocore for this interpreter
    }
  }
  return null;
}

/** botocore's own reading of a config file: `{ profiles, sso_sessions }`. */
export function loadWithBotocore(
  python: string,
  file: string,
): { profiles: Record<string, Record<string, string>>; sso_sessions: Record<string, Record<string, string>> } {
  const script =
    "import sys, json, botocore.configloader as c\nd = c.load_config(sys.argv[1])\nprint(json.dumps({'profiles': d.get('profiles', {}), 'sso_sessions': d.get('sso_sessions', {})}))";
  return JSON.parse(execFileSync(python, ["-c", script, file], { encoding: "utf8" })) as ReturnType<typeof loadWithBotocore>;
}
