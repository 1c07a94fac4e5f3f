import type { SpanType } from "../../canonical/span.js";

/** `lmnr.span.type` -> span type (MLflow maps DEFAULT to CHAIN too). */
export const SPAN_TYPES: Readonly<Record<string, SpanType>> = {
  EXECUTOR: "AGENT",
  TOOL: "TOOL",
  LLM: "LLM",
  CACHED: "LLM",
  EVALUATOR: "EVALUATOR",
  EVALUATION: "EVALUATOR",
  HUMAN_EVALUATOR: "EVALUATOR",
  DEFAULT: "CHAIN",
  PIPELINE: "CHAIN",
};
