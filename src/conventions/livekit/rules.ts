import { LLM_TYPES, type Citation, type FieldHint, type KeyRule, type PresenceRule, type RequirableField } from "../rule-types.js";

const TRACE_TYPES = "@livekit/agents@1.9.0:dist/telemetry/trace_types.js";
export const LK_RULES_SOURCE: Citation = `${TRACE_TYPES} — the lk.* keys (GenAI keys in dist/telemetry/gen_ai.js)`;

export const LK_KEYS: Record<string, KeyRule> = {
  "lk.pii.chat_ctx": { type: "json-object", spec: TRACE_TYPES },
  "lk.chat_ctx": { type: "json-object", spec: TRACE_TYPES },
  "lk.pii.response.function_calls": { type: "json-array", spec: TRACE_TYPES },
  "lk.response.function_calls": { type: "json-array", spec: TRACE_TYPES },
  "lk.retry_count": { type: "int", spec: TRACE_TYPES },
  "lk.function_tool.is_error": { type: "boolean", spec: TRACE_TYPES },
};

export const LK_PRESENCE: readonly PresenceRule[] = [];

export const LK_HINTS: Record<RequirableField, FieldHint> = {
  spanType: { default: "gen_ai.operation.name" },
  inputs: { default: "lk.pii.user_input", byType: { ...LLM_TYPES("lk.pii.chat_ctx (or gen_ai.input.messages on llm_request)"), TOOL: "lk.pii.function_tool.arguments" } },
  outputs: { default: "lk.pii.response.text", byType: { ...LLM_TYPES("lk.pii.response.text / lk.pii.response.function_calls"), TOOL: "lk.pii.function_tool.output" } },
  tokenUsage: { default: "gen_ai.usage.input_tokens and gen_ai.usage.output_tokens (llm_request spans)" },
  model: { default: "gen_ai.request.model" },
  provider: { default: "gen_ai.provider.name" },
  tools: { default: "gen_ai.tool.definitions (llm_request spans)", byType: { AGENT: null, TOOL: null } },
};
