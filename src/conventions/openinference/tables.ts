import type { Cost, SpanType } from "../../canonical/span.js";
import { OI, OI_SPAN_KINDS } from "./keys.js";
import { type PartialUsage } from "../../readers/context.js";
/** `openinference.span.kind` -> MLflow span type. */
export const OI_KIND_SPAN_TYPES: Readonly<Record<string, SpanType>> = {
  [OI_SPAN_KINDS.LLM]: "LLM",
  [OI_SPAN_KINDS.CHAIN]: "CHAIN",
  [OI_SPAN_KINDS.TOOL]: "TOOL",
  [OI_SPAN_KINDS.AGENT]: "AGENT",
  [OI_SPAN_KINDS.RETRIEVER]: "RETRIEVER",
  [OI_SPAN_KINDS.RERANKER]: "RERANKER",
  [OI_SPAN_KINDS.EMBEDDING]: "EMBEDDING",
  [OI_SPAN_KINDS.GUARDRAIL]: "GUARDRAIL",
  [OI_SPAN_KINDS.EVALUATOR]: "EVALUATOR",
  // MLflow has no prompt-rendering type; a template render is a step of a chain.
  [OI_SPAN_KINDS.PROMPT]: "CHAIN",
  [OI_SPAN_KINDS.UNKNOWN]: "UNKNOWN",
};

/** Token-count key -> canonical usage field. */
export const OI_USAGE_FIELDS: readonly (readonly [string, keyof PartialUsage])[] = [
  [OI.tokenPrompt, "input_tokens"],
  [OI.tokenCompletion, "output_tokens"],
  [OI.tokenTotal, "total_tokens"],
  [OI.tokenPromptCacheRead, "cache_read_input_tokens"],
  [OI.tokenPromptCacheWrite, "cache_creation_input_tokens"],
  [OI.tokenPromptAudio, "input_audio_tokens"],
  [OI.tokenCompletionReasoning, "reasoning_tokens"],
  [OI.tokenCompletionAudio, "output_audio_tokens"],
];

/** Cost key -> canonical cost field. */
export const OI_COST_FIELDS: readonly (readonly [string, keyof Cost & string])[] = [
  [OI.costPrompt, "input_cost"],
  [OI.costCompletion, "output_cost"],
  [OI.costTotal, "total_cost"],
];
