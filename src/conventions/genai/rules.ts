import { ATTR_GEN_AI_COMPLETION, ATTR_GEN_AI_INPUT_MESSAGES, ATTR_GEN_AI_OPENAI_REQUEST_RESPONSE_FORMAT, ATTR_GEN_AI_OPENAI_REQUEST_SEED, ATTR_GEN_AI_OPENAI_REQUEST_SERVICE_TIER, ATTR_GEN_AI_OPENAI_RESPONSE_SERVICE_TIER, ATTR_GEN_AI_OPENAI_RESPONSE_SYSTEM_FINGERPRINT, ATTR_GEN_AI_OPERATION_NAME, ATTR_GEN_AI_OUTPUT_MESSAGES, ATTR_GEN_AI_PROMPT, ATTR_GEN_AI_PROVIDER_NAME, ATTR_GEN_AI_REQUEST_FREQUENCY_PENALTY, ATTR_GEN_AI_REQUEST_MAX_TOKENS, ATTR_GEN_AI_REQUEST_MODEL, ATTR_GEN_AI_REQUEST_PRESENCE_PENALTY, ATTR_GEN_AI_REQUEST_SEED, ATTR_GEN_AI_REQUEST_STOP_SEQUENCES, ATTR_GEN_AI_REQUEST_TEMPERATURE, ATTR_GEN_AI_REQUEST_TOP_P, ATTR_GEN_AI_RESPONSE_FINISH_REASONS, ATTR_GEN_AI_RESPONSE_MODEL, ATTR_GEN_AI_SYSTEM, ATTR_GEN_AI_SYSTEM_INSTRUCTIONS, ATTR_GEN_AI_TOOL_DEFINITIONS, ATTR_GEN_AI_TOOL_NAME, ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS, ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS, ATTR_GEN_AI_USAGE_COMPLETION_TOKENS, ATTR_GEN_AI_USAGE_INPUT_TOKENS, ATTR_GEN_AI_USAGE_OUTPUT_TOKENS, ATTR_GEN_AI_USAGE_PROMPT_TOKENS } from "@opentelemetry/semantic-conventions/incubating";
import type { Attributes } from "../../canonical/span.js";
import type { Citation, EventRule, FieldHint, KeyRule, PresenceRule, RequirableField } from "../rule-types.js";
/**
 * Where the GenAI rules come from. The conventions live in the semantic-conventions-genai repository,
 * which has no releases: rules cite the commit they were checked at. Keys that left the spec are cited
 * from the last npm constants that carry them, whose JSDoc names each replacement.
 */
const GENAI_REPO = "open-telemetry/semantic-conventions-genai@9430220";
const SPANS = `${GENAI_REPO}:docs/gen-ai/gen-ai-spans.md`;
const AGENT_SPANS = `${GENAI_REPO}:docs/gen-ai/gen-ai-agent-spans.md`;
const REGISTRY = `${GENAI_REPO}:docs/registry/attributes/gen-ai.md`;
/** Where the cache_creation -> cache_write rename was decided. */
const RENAME_440 = "open-telemetry/semantic-conventions-genai@b944970:changelog.d/440.breaking.md";
const NPM_1_45 = "@opentelemetry/semantic-conventions@1.45.0:dist/experimental_attributes.d.mts";
const NPM_EVENTS = "@opentelemetry/semantic-conventions@1.45.0:dist/experimental_events.d.mts";
/** The registry row of a key: its anchor is the key with dots and underscores as dashes. */
const reg = (key: string, words?: string): Citation => `${REGISTRY}#${key.replace(/[._]/g, "-")}${words ? ` — ${words}` : ""}`;
const deprecatedIn145 = (replacement: string): Citation => `${NPM_1_45} — deprecated, replaced by ${replacement}`;

export const GENAI_RULES_SOURCE: Citation = `${SPANS} — GenAI client spans, their attributes and requirement levels`;

export const GENAI_OPERATIONS = [
  "chat",
  "create_agent",
  "create_memory",
  "create_memory_store",
  "delete_memory",
  "delete_memory_store",
  "embeddings",
  "execute_tool",
  "generate_content",
  "invoke_agent",
  "invoke_workflow",
  "plan",
  "retrieval",
  "search_memory",
  "text_completion",
  "update_memory",
  "upsert_memory",
] as const;

export const GENAI_PROVIDERS = [
  "anthropic",
  "aws.bedrock",
  "azure.ai.inference",
  "azure.ai.openai",
  "cohere",
  "deepseek",
  "gcp.gemini",
  "gcp.gen_ai",
  "gcp.vertex_ai",
  "groq",
  "ibm.watsonx.ai",
  "mistral_ai",
  "moonshot_ai",
  "openai",
  "perplexity",
  "x_ai",
] as const;

/** The new name of the cache-write count (semantic-conventions-genai #440; not in the npm constants yet). */
export const GENAI_CACHE_WRITE_INPUT_TOKENS = "gen_ai.usage.cache_write.input_tokens";
const RETRIEVAL_TOP_K = "gen_ai.retrieval.top_k";
const REQUEST_TOP_K = "gen_ai.request.top_k";

const MODEL_CALLS: ReadonlySet<string> = new Set(["chat", "text_completion", "generate_content", "embeddings"]);
const isModelCall = (a: Attributes) => {
  const operation = a[ATTR_GEN_AI_OPERATION_NAME];
  return typeof operation === "string" && MODEL_CALLS.has(operation);
};
const isOperation = (name: string) => (a: Attributes) => a[ATTR_GEN_AI_OPERATION_NAME] === name;
/**
 * Operations whose spans must name the provider: inference (chat, text_completion, generate_content),
 * embeddings, create_agent and invoke_agent. Tool execution, workflows and operations outside the
 * spec's list (plan, memory operations, the AI SDK 7 agent_step) have no such requirement.
 */
const PROVIDER_REQUIRED: ReadonlySet<string> = new Set(["chat", "text_completion", "generate_content", "embeddings", "create_agent", "invoke_agent"]);
const needsProvider = (a: Attributes) => {
  const operation = a[ATTR_GEN_AI_OPERATION_NAME];
  return typeof operation === "string" && PROVIDER_REQUIRED.has(operation);
};

export const GENAI_KEYS: Record<string, KeyRule> = {
  [ATTR_GEN_AI_OPERATION_NAME]: { type: "string", values: GENAI_OPERATIONS, open: true, spec: `${SPANS}#inference — well-known operation names (custom ones allowed)` },
  [ATTR_GEN_AI_PROVIDER_NAME]: { type: "string", values: GENAI_PROVIDERS, open: true, spec: `${SPANS}#inference — well-known provider names (custom ones allowed)` },
  [ATTR_GEN_AI_REQUEST_MODEL]: { type: "string", spec: reg(ATTR_GEN_AI_REQUEST_MODEL) },
  [ATTR_GEN_AI_RESPONSE_MODEL]: { type: "string", spec: reg(ATTR_GEN_AI_RESPONSE_MODEL) },
  [ATTR_GEN_AI_REQUEST_TEMPERATURE]: { type: "number", spec: reg(ATTR_GEN_AI_REQUEST_TEMPERATURE) },
  [ATTR_GEN_AI_REQUEST_TOP_P]: { type: "number", spec: reg(ATTR_GEN_AI_REQUEST_TOP_P) },
  [ATTR_GEN_AI_REQUEST_FREQUENCY_PENALTY]: { type: "number", spec: reg(ATTR_GEN_AI_REQUEST_FREQUENCY_PENALTY) },
  [ATTR_GEN_AI_REQUEST_PRESENCE_PENALTY]: { type: "number", spec: reg(ATTR_GEN_AI_REQUEST_PRESENCE_PENALTY) },
  [ATTR_GEN_AI_REQUEST_MAX_TOKENS]: { type: "int", spec: reg(ATTR_GEN_AI_REQUEST_MAX_TOKENS) },
  [ATTR_GEN_AI_REQUEST_SEED]: { type: "int", spec: reg(ATTR_GEN_AI_REQUEST_SEED) },
  [ATTR_GEN_AI_REQUEST_STOP_SEQUENCES]: { type: "string[]", spec: reg(ATTR_GEN_AI_REQUEST_STOP_SEQUENCES) },
  // An int now (a double in npm 1.45); retrieval spans have their own key.
  [REQUEST_TOP_K]: {
    type: "int",
    deprecated: { replacement: RETRIEVAL_TOP_K, when: isOperation("retrieval"), because: "on a retrieval span" },
    spec: `${SPANS}#retrievals — retrieval spans list gen_ai.retrieval.top_k (Recommended, int); gen_ai.request.top_k is listed on inference spans only, as the sampling setting (int)`,
  },
  [RETRIEVAL_TOP_K]: { type: "int", spec: `${SPANS}#retrievals — recommended, int` },
  [ATTR_GEN_AI_RESPONSE_FINISH_REASONS]: { type: "string[]", spec: reg(ATTR_GEN_AI_RESPONSE_FINISH_REASONS) },
  [ATTR_GEN_AI_USAGE_INPUT_TOKENS]: { type: "int", spec: reg(ATTR_GEN_AI_USAGE_INPUT_TOKENS) },
  [ATTR_GEN_AI_USAGE_OUTPUT_TOKENS]: { type: "int", spec: reg(ATTR_GEN_AI_USAGE_OUTPUT_TOKENS) },
  [ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS]: { type: "int", spec: reg(ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS) },
  [GENAI_CACHE_WRITE_INPUT_TOKENS]: { type: "int", spec: `${RENAME_440} — the new name of the cache-write count` },
  // Renamed by #440, which no release carries yet: the spans document and the registry at the commits
  // cited here still list the old key (Recommended), and AI SDK 7, Spring AI and MLflow write or read it.
  // So an info, not a warning, and nothing at all when the span also has the new key (the transition
  // form the GenAI emitter writes).
  [ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS]: {
    type: "int",
    deprecated: {
      replacement: GENAI_CACHE_WRITE_INPUT_TOKENS,
      when: (a) => !Object.prototype.hasOwnProperty.call(a, GENAI_CACHE_WRITE_INPUT_TOKENS),
      because: "renamed by semantic-conventions-genai #440, not yet released; write both during the transition",
      severity: "info",
    },
    spec: `${RENAME_440} — renamed to gen_ai.usage.cache_write.input_tokens (unreleased; ${SPANS}#inference still lists the old key)`,
  },
  [ATTR_GEN_AI_INPUT_MESSAGES]: { type: "json-array", spec: reg(ATTR_GEN_AI_INPUT_MESSAGES, "a list of messages (structured, or JSON on spans)") },
  [ATTR_GEN_AI_OUTPUT_MESSAGES]: { type: "json-array", spec: reg(ATTR_GEN_AI_OUTPUT_MESSAGES, "a list of messages (structured, or JSON on spans)") },
  [ATTR_GEN_AI_SYSTEM_INSTRUCTIONS]: { type: "json-array", spec: reg(ATTR_GEN_AI_SYSTEM_INSTRUCTIONS, "a list of parts (structured, or JSON on spans)") },
  [ATTR_GEN_AI_TOOL_DEFINITIONS]: { type: "json-array", spec: reg(ATTR_GEN_AI_TOOL_DEFINITIONS, "a list of tool definitions") },
  [ATTR_GEN_AI_TOOL_NAME]: { type: "string", spec: reg(ATTR_GEN_AI_TOOL_NAME) },
  // Deprecated keys, with the replacement the registry names.
  [ATTR_GEN_AI_SYSTEM]: { type: "string", deprecated: { replacement: ATTR_GEN_AI_PROVIDER_NAME }, spec: deprecatedIn145(ATTR_GEN_AI_PROVIDER_NAME) },
  [ATTR_GEN_AI_USAGE_PROMPT_TOKENS]: { type: "int", deprecated: { replacement: ATTR_GEN_AI_USAGE_INPUT_TOKENS }, spec: deprecatedIn145(ATTR_GEN_AI_USAGE_INPUT_TOKENS) },
  [ATTR_GEN_AI_USAGE_COMPLETION_TOKENS]: { type: "int", deprecated: { replacement: ATTR_GEN_AI_USAGE_OUTPUT_TOKENS }, spec: deprecatedIn145(ATTR_GEN_AI_USAGE_OUTPUT_TOKENS) },
  [ATTR_GEN_AI_PROMPT]: { deprecated: { replacement: ATTR_GEN_AI_INPUT_MESSAGES }, spec: `${NPM_1_45} — removed without a named replacement; content now goes in ${ATTR_GEN_AI_INPUT_MESSAGES}` },
  [ATTR_GEN_AI_COMPLETION]: { deprecated: { replacement: ATTR_GEN_AI_OUTPUT_MESSAGES }, spec: `${NPM_1_45} — removed without a named replacement; content now goes in ${ATTR_GEN_AI_OUTPUT_MESSAGES}` },
  [ATTR_GEN_AI_OPENAI_REQUEST_SEED]: { deprecated: { replacement: ATTR_GEN_AI_REQUEST_SEED }, spec: deprecatedIn145(ATTR_GEN_AI_REQUEST_SEED) },
  [ATTR_GEN_AI_OPENAI_REQUEST_RESPONSE_FORMAT]: { deprecated: { replacement: "gen_ai.output.type" }, spec: deprecatedIn145("gen_ai.output.type") },
  [ATTR_GEN_AI_OPENAI_REQUEST_SERVICE_TIER]: { deprecated: { replacement: "openai.request.service_tier" }, spec: deprecatedIn145("openai.request.service_tier") },
  [ATTR_GEN_AI_OPENAI_RESPONSE_SERVICE_TIER]: { deprecated: { replacement: "openai.response.service_tier" }, spec: deprecatedIn145("openai.response.service_tier") },
  [ATTR_GEN_AI_OPENAI_RESPONSE_SYSTEM_FINGERPRINT]: { deprecated: { replacement: "openai.response.system_fingerprint" }, spec: deprecatedIn145("openai.response.system_fingerprint") },
};

/**
 * The content events of GenAI 1.36 and earlier (span events or log records). The spec replaced them
 * with the message attributes on the span, or one `gen_ai.client.inference.operation.details` event.
 */
const CONTENT_EVENT_REPLACEMENT = `${ATTR_GEN_AI_INPUT_MESSAGES} / ${ATTR_GEN_AI_OUTPUT_MESSAGES} on the span, or a gen_ai.client.inference.operation.details event`;
const contentEvent = (event: string, replacement: string): EventRule => ({
  deprecated: { replacement, because: "a GenAI 1.36 content event" },
  spec: `${NPM_EVENTS} — ${event} deprecated: chat history goes on the message attributes or the operation.details event (${GENAI_REPO}:docs/gen-ai/gen-ai-events.md)`,
});
export const GENAI_EVENTS: Record<string, EventRule> = {
  "gen_ai.system.message": contentEvent("gen_ai.system.message", `gen_ai.system_instructions (or ${CONTENT_EVENT_REPLACEMENT})`),
  "gen_ai.user.message": contentEvent("gen_ai.user.message", `${ATTR_GEN_AI_INPUT_MESSAGES} (or a gen_ai.client.inference.operation.details event)`),
  "gen_ai.assistant.message": contentEvent("gen_ai.assistant.message", `${ATTR_GEN_AI_INPUT_MESSAGES} (or a gen_ai.client.inference.operation.details event)`),
  "gen_ai.tool.message": contentEvent("gen_ai.tool.message", `${ATTR_GEN_AI_INPUT_MESSAGES} (or a gen_ai.client.inference.operation.details event)`),
  "gen_ai.choice": contentEvent("gen_ai.choice", `${ATTR_GEN_AI_OUTPUT_MESSAGES} (or a gen_ai.client.inference.operation.details event)`),
};

export const GENAI_PRESENCE: readonly PresenceRule[] = [
  { anyOf: [ATTR_GEN_AI_OPERATION_NAME], level: "required", spec: `${SPANS}#inference — Required on every GenAI span (also #embeddings, #retrievals, #execute-tool-span)` },
  {
    anyOf: [ATTR_GEN_AI_PROVIDER_NAME, ATTR_GEN_AI_SYSTEM],
    level: "required",
    when: needsProvider,
    spec: `${SPANS}#inference — Required on inference and embeddings spans; ${AGENT_SPANS} also on create_agent / invoke_agent`,
  },
  // Required on retrieval only when a provider is involved, which the span cannot show: recommended.
  {
    anyOf: [ATTR_GEN_AI_PROVIDER_NAME, ATTR_GEN_AI_SYSTEM],
    level: "recommended",
    when: isOperation("retrieval"),
    spec: `${SPANS}#retrievals — Conditionally Required when applicable; a span cannot show it applies, so recommended`,
  },
  {
    anyOf: [ATTR_GEN_AI_REQUEST_MODEL],
    level: "recommended",
    when: isModelCall,
    because: "MLflow's model field",
    spec: `${SPANS}#inference — Conditionally Required if available; held as recommended`,
  },
  {
    anyOf: [ATTR_GEN_AI_USAGE_INPUT_TOKENS, ATTR_GEN_AI_USAGE_PROMPT_TOKENS],
    level: "recommended",
    when: isModelCall,
    because: "token usage and cost",
    notOnError: true,
    spec: `${SPANS}#inference — Recommended (also #embeddings)`,
  },
  {
    anyOf: [ATTR_GEN_AI_USAGE_OUTPUT_TOKENS, ATTR_GEN_AI_USAGE_COMPLETION_TOKENS],
    level: "recommended",
    when: isOperation("chat"),
    because: "token usage and cost",
    notOnError: true,
    spec: `${SPANS}#inference — Recommended`,
  },
  { anyOf: [ATTR_GEN_AI_RESPONSE_MODEL], level: "recommended", when: isModelCall, notOnError: true, spec: `${SPANS}#inference — Recommended` },
  { anyOf: [ATTR_GEN_AI_RESPONSE_FINISH_REASONS], level: "recommended", when: isOperation("chat"), notOnError: true, spec: `${SPANS}#inference — Recommended` },
  { anyOf: [ATTR_GEN_AI_TOOL_NAME], level: "recommended", when: isOperation("execute_tool"), spec: `${SPANS}#execute-tool-span — Required; held as recommended, since MLflow needs only the span's own name` },
];

export const GENAI_HINTS: Record<RequirableField, FieldHint> = {
  spanType: { default: "gen_ai.operation.name" },
  inputs: {
    default: "gen_ai.input.messages",
    // The spec has no keys for an embedding's input text or vectors.
    byType: { TOOL: "gen_ai.tool.call.arguments", EMBEDDING: null, RETRIEVER: "gen_ai.retrieval.query.text" },
  },
  outputs: { default: "gen_ai.output.messages", byType: { TOOL: "gen_ai.tool.call.result", EMBEDDING: null, RETRIEVER: "gen_ai.retrieval.documents" } },
  tokenUsage: { default: "gen_ai.usage.input_tokens and gen_ai.usage.output_tokens", byType: { EMBEDDING: "gen_ai.usage.input_tokens" } },
  model: { default: "gen_ai.request.model" },
  provider: { default: "gen_ai.provider.name" },
  tools: { default: "gen_ai.tool.definitions" },
};
