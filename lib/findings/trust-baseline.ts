/** Trust-policy baselines come from lib/drift (the first version Vigil saw, or the newest approval). */
export type { TrustBaseline } from "../drift";
