import { readFileSync } from "node:fs";
import { z } from "zod";
import type { SimState } from "../model/state";
import { buildState, type BuildOptions } from "./build-state";
import { DEMO_SCENARIO } from "./demo/demo-scenario";
import { buildScaleState } from "./scale/build-scale-state";
import { SCENARIO_SPEC, type ScenarioSpec } from "./scenario-spec";

const SCALE = /^scale:(\d+)$/;

/** Reads and validates a JSON scenario file (the trust boundary for user-supplied scenarios). */
export function readScenarioFile(path: string): ScenarioSpec {
  const raw: unknown = JSON.parse(readFileSync(path, "utf8"));
  const parsed = SCENARIO_SPEC.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`invalid scenario file ${path}:\n${z.prettifyError(parsed.error)}`);
  }
  return raw as ScenarioSpec;
}

/** `demo`, `scale:<N>` or a path to a JSON scenario file; or a spec object. */
export function loadScenario(scenario: string | ScenarioSpec, options: BuildOptions = {}): SimState {
  if (typeof scenario !== "string") return buildState(scenario, options);
  if (scenario === "demo") return buildState(DEMO_SCENARIO, options);
  const scale = SCALE.exec(scenario);
  if (scale) return buildScaleState(Number(scale[1]), options);
  return buildState(readScenarioFile(scenario), options);
}
