/**
 * Laminar (`@lmnr-ai/lmnr`) keys. Laminar's `observe()` spans (scope `lmnr.tracer`) carry only its own
 * `lmnr.span.*` keys; the LLM calls it instruments are OpenLLMetry / GenAI spans (read by those
 * parsers) with `lmnr.*` keys added. Source: `@lmnr-ai/lmnr@0.8.46` and the fixtures in
 * fixtures/laminar/ (docs/laminar.md).
 */
import type { DetectRule } from "../types.js";

export const LAMINAR = {
  /** EXECUTOR, TOOL, LLM, CACHED, EVALUATOR, EVALUATION, HUMAN_EVALUATOR, DEFAULT, PIPELINE. */
  type: "lmnr.span.type",
  /** JSON of the observed function's arguments: a list, or the object when it is the one argument. */
  input: "lmnr.span.input",
  /** JSON of the return value. */
  output: "lmnr.span.output",
  sessionId: "lmnr.association.properties.session_id",
  userId: "lmnr.association.properties.user_id",
} as const;

export const LAMINAR_DETECTION: readonly DetectRule[] = [{ prefix: "lmnr." }];
