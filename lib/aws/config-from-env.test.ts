import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "../env";
import { awsConfigFromSettings } from "./config-from-env";

describe("AWS settings from the environment", () => {
  it("bounds every AWS call by VIGIL_AWS_TIMEOUT_MS, 30 s when unset", () => {
    expect(awsConfigFromSettings(parseEnv({})).timeoutMs).toBe(30_000);
    expect(awsConfigFromSettings(parseEnv({ VIGIL_AWS_TIMEOUT_MS: "250" })).timeoutMs).toBe(250);
  });

  it("refuses a timeout that is not a positive number of milliseconds, naming the setting", () => {
    for (const value of ["0", "-5", "soon"]) {
      expect(() => parseEnv({ VIGIL_AWS_TIMEOUT_MS: value })).toThrow(EnvError);
      expect(() => parseEnv({ VIGIL_AWS_TIMEOUT_MS: value })).toThrow(/VIGIL_AWS_TIMEOUT_MS/);
    }
  });
});
