import type { SimState } from "../model/state";
import type { FaultEngine } from "../faults/fault-engine";

/** Mutable server-wide state: `reset` swaps `state` for a freshly built one. */
export interface SimRuntime {
  state: SimState;
  faults: FaultEngine;
  /** Wall clock for live behaviour; injectable for tests. */
  clock: () => Date;
  rebuild: () => SimState;
  /** Waits out an injected latency (a real timer unless a test observes it). */
  delay: (ms: number) => Promise<void>;
}
