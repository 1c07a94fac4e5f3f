import type { SpanType } from "../../canonical/span.js";
import type { LANGFUSE_TYPES } from "./keys.js";

/**
 * `langfuse.observation.type` -> span type, as MLflow's Langfuse translator maps them; `generation`
 * becomes CHAT_MODEL instead of LLM when its input is chat messages (parse/index.ts), and `event`,
 * which MLflow leaves without a type, is UNKNOWN like a plain `span`.
 */
export const SPAN_TYPES: Readonly<Record<(typeof LANGFUSE_TYPES)[number], SpanType>> = {
  generation: "LLM",
  embedding: "EMBEDDING",
  tool: "TOOL",
  retriever: "RETRIEVER",
  agent: "AGENT",
  chain: "CHAIN",
  evaluator: "EVALUATOR",
  guardrail: "GUARDRAIL",
  span: "UNKNOWN",
  event: "UNKNOWN",
};
