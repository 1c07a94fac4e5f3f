import { LLM_TYPES, type FieldHint, type KeyRule, type PresenceRule, type RequirableField } from "../rule-types.js";
export const OPENLLMETRY_REQUEST_TYPES = ["chat", "completion", "embedding", "rerank", "unknown"] as const;
// "session" exists in the JS package only.
export const OPENLLMETRY_SPAN_KINDS = ["workflow", "task", "agent", "tool", "session", "unknown"] as const;

export const OPENLLMETRY_KEYS: Record<string, KeyRule> = {
  "llm.request.type": { type: "string", values: OPENLLMETRY_REQUEST_TYPES },
  "traceloop.span.kind": { type: "string", values: OPENLLMETRY_SPAN_KINDS },
  "llm.usage.total_tokens": { type: "int" },
  // The first releases' counts; later ones write gen_ai.usage.*, whose current spelling is input/output.
  "llm.usage.prompt_tokens": { type: "int", deprecated: { replacement: "gen_ai.usage.input_tokens" } },
  "llm.usage.completion_tokens": { type: "int", deprecated: { replacement: "gen_ai.usage.output_tokens" } },
  "llm.is_streaming": { type: "boolean" },
  "traceloop.entity.name": { type: "string" },
};

export const OPENLLMETRY_PRESENCE: readonly PresenceRule[] = [
  {
    anyOf: ["llm.request.type", "traceloop.span.kind", "gen_ai.operation.name"],
    level: "recommended",
    because: "it decides the span type",
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
