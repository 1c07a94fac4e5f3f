/**
 * Langfuse SDK v3+ (JS `@langfuse/tracing` / `@langfuse/otel`, Python `langfuse`) attribute keys. The
 * SDK writes every observation as an OTel span in its own `langfuse.*` namespace; the OTel status is
 * never set (errors are `langfuse.observation.level = ERROR`).
 *
 * Sources: `LangfuseOtelSpanAttributes` in `@langfuse/core@5.11.1` and the captured fixtures in
 * fixtures/langfuse/ (docs/langfuse.md lists every key with examples).
 */
import type { DetectRule } from "../types.js";

export const LANGFUSE = {
  /** generation, span, agent, tool, chain, retriever, embedding, evaluator, guardrail, event. */
  type: "langfuse.observation.type",
  /** The caller's input: JSON text of any value, or a plain string written as is. */
  input: "langfuse.observation.input",
  output: "langfuse.observation.output",
  model: "langfuse.observation.model.name",
  /** JSON object of request parameters (`{"max_tokens":64,"temperature":0.2,"response_format":""}`). */
  modelParameters: "langfuse.observation.model.parameters",
  /** JSON object of counts: `input`, `output`, `total` and details `input_<kind>` / `output_<kind>`. */
  usageDetails: "langfuse.observation.usage_details",
  /** JSON object of USD costs, same keys as the usage. */
  costDetails: "langfuse.observation.cost_details",
  /** DEBUG, DEFAULT, WARNING, ERROR. */
  level: "langfuse.observation.level",
  statusMessage: "langfuse.observation.status_message",
} as const;

export const LANGFUSE_TYPES = ["generation", "span", "agent", "tool", "chain", "retriever", "embedding", "evaluator", "guardrail", "event"] as const;
export const LANGFUSE_LEVELS = ["DEBUG", "DEFAULT", "WARNING", "ERROR"] as const;

/**
 * Usage-detail keys that are parts of the prompt the SDK took out of `input` (observeOpenAI subtracts
 * every `prompt_tokens_details` entry): every `input_*` key, plus Anthropic-style spellings a
 * hand-written usage may use. Added back so `input_tokens` includes them.
 */
export const INPUT_DETAIL_PREFIX = "input_";
export const OUTPUT_DETAIL_PREFIX = "output_";
/** Details that name a canonical extra count. */
export const USAGE_EXTRAS = {
  input_cached_tokens: "cache_read_input_tokens",
  input_cache_read: "cache_read_input_tokens",
  input_cache_creation: "cache_creation_input_tokens",
  input_audio_tokens: "input_audio_tokens",
  output_reasoning_tokens: "reasoning_tokens",
  output_audio_tokens: "output_audio_tokens",
} as const;
/** Anthropic-style detail keys (not `input_*`) that are also outside `input`. */
export const CACHE_KEYS = { cache_read_input_tokens: "cache_read_input_tokens", cache_creation_input_tokens: "cache_creation_input_tokens" } as const;

/**
 * Detection: the observation keys this parser reads, exactly, and Langfuse's own prefixes. Not the
 * whole `langfuse.observation.` prefix: LiveKit Agents writes `langfuse.observation.completion_start_time`
 * on its GenAI spans for Langfuse's UI, and such a span is no Langfuse observation.
 */
export const LANGFUSE_DETECTION: readonly DetectRule[] = [
  ...[LANGFUSE.type, LANGFUSE.input, LANGFUSE.output, LANGFUSE.model, LANGFUSE.modelParameters, LANGFUSE.usageDetails, LANGFUSE.costDetails, LANGFUSE.level, LANGFUSE.statusMessage].map(
    (prefix) => ({ prefix, exact: true }),
  ),
  { prefix: "langfuse.observation.metadata" },
  { prefix: "langfuse.observation.prompt." },
  { prefix: "langfuse.trace." },
  // Older SDKs' spellings of the propagated ids (current ones write `session.id` / `user.id`).
  { prefix: "langfuse.session.id", exact: true },
  { prefix: "langfuse.user.id", exact: true },
];
