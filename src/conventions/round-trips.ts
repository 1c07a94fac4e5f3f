/**
 * LOSSES: what each emit target cannot carry through `toMlflowSpan(fromMlflowSpan(span, { to }))`, from
 * each writable folder's `losses.ts`. The README's "Round trips" tables render it, and
 * test/properties/carry.test.ts shows every entry happening and nothing else changing.
 *
 * It is documentation and a test oracle, not behaviour: no module of src imports this file (a
 * dependency rule checks it), so no bundle carries the loss texts. The record is typed by
 * `EmitTarget`, so a convention that gains an emitter fails `tsc` here until its losses are listed.
 */
import { GENAI_LOSSES } from "./genai/losses.js";
import type { EmitTarget } from "./index.js";
import { MLFLOW_LOSSES } from "./mlflow/losses.js";
import { OPENINFERENCE_LOSSES } from "./openinference/losses.js";
import { OPENLLMETRY_LOSSES } from "./openllmetry/losses.js";
import type { CarryLoss } from "./types.js";

export const LOSSES: Readonly<Record<EmitTarget, readonly CarryLoss[]>> = {
  mlflow: MLFLOW_LOSSES,
  openinference: OPENINFERENCE_LOSSES,
  openllmetry: OPENLLMETRY_LOSSES,
  genai: GENAI_LOSSES,
};
