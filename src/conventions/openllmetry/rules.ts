import { LLM_TYPES, type Citation, type FieldHint, type KeyPatternRule, type KeyRule, type PresenceRule, type RequirableField } from "../rule-types.js";

/**
 * OpenLLMetry's keys: the JS package the captures use, and the Python package whose 0.5 release moved
 * the `llm.*` aliases and the indexed prompt keys to GenAI spellings (its MIGRATION.md, per section).
 */
const JS_ATTRIBUTES = "@traceloop/ai-semantic-conventions@0.27.0:dist/src/SemanticAttributes.d.ts";
const MIGRATION = "traceloop/openllmetry@0e63444:packages/opentelemetry-semantic-conventions-ai/MIGRATION.md";
const REMOVED = `${MIGRATION}#1-removed-constants-previously-duplicated-upstream`;
const RENAMED = `${MIGRATION}#2-renamed-constants-stay-in-spanattributes-new-gen_ai_-prefix`;
const CACHE_KEYS = `${MIGRATION}#cache-token-attributes`;
const TOOLS = `${MIGRATION}#4-tool-definitions-format-change`;
export const OPENLLMETRY_RULES_SOURCE: Citation = `${JS_ATTRIBUTES} — SpanAttributes, LLMRequestTypeValues, TraceloopSpanKindValues; renames from semconv_ai 0.5 (${MIGRATION})`;

/** A key that semconv_ai 0.5 renamed (the Python name moved from LLM_* to GEN_AI_*, the string with it). */
const renamed = (replacement: string, type?: KeyRule["type"]): KeyRule => ({
  ...(type ? { type } : {}),
  deprecated: { replacement, because: "renamed in semconv_ai 0.5" },
  spec: `${RENAMED} — renamed to ${replacement}`,
});
/** A key that semconv_ai 0.5 removed in favour of the upstream GenAI key. */
const removed = (replacement: string, type?: KeyRule["type"]): KeyRule => ({
  ...(type ? { type } : {}),
  deprecated: { replacement, because: "removed in semconv_ai 0.5 for the GenAI key" },
  spec: `${REMOVED} — replaced by ${replacement}`,
});
export const OPENLLMETRY_REQUEST_TYPES = ["chat", "completion", "embedding", "rerank", "unknown"] as const;
// "session" exists in the JS package only.
export const OPENLLMETRY_SPAN_KINDS = ["workflow", "task", "agent", "tool", "session", "unknown"] as const;

export const OPENLLMETRY_KEYS: Record<string, KeyRule> = {
  // semconv_ai 0.5 replaced the request type with gen_ai.operation.name; the JS package (0.27) still writes it.
  "llm.request.type": { type: "string", values: OPENLLMETRY_REQUEST_TYPES, deprecated: { replacement: "gen_ai.operation.name", because: "removed in semconv_ai 0.5" }, spec: `${REMOVED} — LLM_REQUEST_TYPE replaced by gen_ai.operation.name` },
  "traceloop.span.kind": { type: "string", values: OPENLLMETRY_SPAN_KINDS, spec: `${JS_ATTRIBUTES} — TraceloopSpanKindValues (session in JS only)` },
  "llm.usage.total_tokens": renamed("gen_ai.usage.total_tokens", "int"),
  // The first releases' counts; later ones write gen_ai.usage.*, whose current spelling is input/output.
  "llm.usage.prompt_tokens": { type: "int", deprecated: { replacement: "gen_ai.usage.input_tokens" }, spec: `${REMOVED} — LLM_USAGE_PROMPT_TOKENS replaced by gen_ai.usage.input_tokens` },
  "llm.usage.completion_tokens": { type: "int", deprecated: { replacement: "gen_ai.usage.output_tokens" }, spec: `${REMOVED} — LLM_USAGE_COMPLETION_TOKENS replaced by gen_ai.usage.output_tokens` },
  "llm.usage.reasoning_tokens": renamed("gen_ai.usage.reasoning_tokens", "int"),
  "llm.is_streaming": renamed("gen_ai.is_streaming", "boolean"),
  "llm.user": renamed("gen_ai.user"),
  "llm.headers": renamed("gen_ai.headers"),
  "llm.request.repetition_penalty": renamed("gen_ai.request.repetition_penalty"),
  "llm.request.reasoning_effort": renamed("gen_ai.request.reasoning_effort"),
  "llm.response.finish_reason": renamed("gen_ai.response.finish_reason"),
  "llm.response.stop_reason": renamed("gen_ai.response.stop_reason"),
  "llm.top_k": removed("gen_ai.request.top_k"),
  "llm.frequency_penalty": removed("gen_ai.request.frequency_penalty"),
  "llm.presence_penalty": removed("gen_ai.request.presence_penalty"),
  "llm.chat.stop_sequences": removed("gen_ai.request.stop_sequences"),
  // The underscore cache keys took the GenAI dotted spelling in 0.5 (GenAI has since renamed the write count).
  "gen_ai.usage.cache_read_input_tokens": { type: "int", deprecated: { replacement: "gen_ai.usage.cache_read.input_tokens", because: "the string changed in semconv_ai 0.5" }, spec: `${CACHE_KEYS} — now gen_ai.usage.cache_read.input_tokens` },
  "gen_ai.usage.cache_creation_input_tokens": {
    type: "int",
    deprecated: { replacement: "gen_ai.usage.cache_write.input_tokens", because: "semconv_ai 0.5 moved it to gen_ai.usage.cache_creation.input_tokens, which GenAI renamed" },
    spec: `${CACHE_KEYS} — now gen_ai.usage.cache_creation.input_tokens (GenAI's cache_write.input_tokens since #440)`,
  },
  "traceloop.entity.name": { type: "string", spec: `${JS_ATTRIBUTES} — TRACELOOP_ENTITY_NAME` },
};

/** The indexed forms that semconv_ai 0.5 replaced with one JSON attribute each. */
export const OPENLLMETRY_KEY_PATTERNS: readonly KeyPatternRule[] = [
  { prefix: "gen_ai.prompt.", display: "gen_ai.prompt.N.*", deprecated: { replacement: "gen_ai.input.messages", because: "the indexed prompt keys of releases before semconv_ai 0.5" }, spec: `${REMOVED} — LLM_PROMPTS removed; the chat history goes in gen_ai.input.messages` },
  { prefix: "gen_ai.completion.", display: "gen_ai.completion.N.*", deprecated: { replacement: "gen_ai.output.messages", because: "the indexed completion keys of releases before semconv_ai 0.5" }, spec: `${REMOVED} — LLM_COMPLETIONS removed; the replies go in gen_ai.output.messages` },
  { prefix: "llm.request.functions.", display: "llm.request.functions.N.*", deprecated: { replacement: "gen_ai.tool.definitions", because: "removed in semconv_ai 0.5" }, spec: `${REMOVED} — LLM_REQUEST_FUNCTIONS replaced by gen_ai.tool.definitions` },
  { prefix: "gen_ai.tool.definitions.", display: "gen_ai.tool.definitions.N.*", deprecated: { replacement: "gen_ai.tool.definitions (one JSON array)", because: "semconv_ai 0.5 writes one JSON attribute" }, spec: `${TOOLS} — one JSON array instead of indexed keys` },
];

export const OPENLLMETRY_PRESENCE: readonly PresenceRule[] = [
  {
    anyOf: ["llm.request.type", "traceloop.span.kind", "gen_ai.operation.name"],
    level: "recommended",
    because: "it decides the span type",
    spec: `${JS_ATTRIBUTES} — LLM_REQUEST_TYPE / TRACELOOP_SPAN_KIND; the package sets no level: recommended so the span type is known`,
  },
];

export const OPENLLMETRY_HINTS: Record<RequirableField, FieldHint> = {
  spanType: { default: "traceloop.span.kind (or llm.request.type on model calls)" },
  inputs: { default: "traceloop.entity.input", byType: { ...LLM_TYPES("gen_ai.prompt.N.role and gen_ai.prompt.N.content"), EMBEDDING: "gen_ai.prompt.N.content" } },
  // OpenLLMetry records no embedding vectors.
  outputs: { default: "traceloop.entity.output", byType: { ...LLM_TYPES("gen_ai.completion.N.role and gen_ai.completion.N.content"), EMBEDDING: null } },
  // Releases from 0.27 write the GenAI spellings; the older gen_ai.usage.prompt_tokens are deprecated.
  tokenUsage: { default: "gen_ai.usage.input_tokens and gen_ai.usage.output_tokens", byType: { EMBEDDING: "gen_ai.usage.input_tokens" } },
  model: { default: "gen_ai.request.model" },
  provider: { default: "gen_ai.provider.name (older releases: gen_ai.system)" },
  tools: { default: "llm.request.functions.N.name" },
};
