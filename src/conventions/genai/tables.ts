import { ATTR_GEN_AI_EMBEDDINGS_DIMENSION_COUNT, ATTR_GEN_AI_OPENAI_REQUEST_RESPONSE_FORMAT, ATTR_GEN_AI_OPENAI_REQUEST_SEED, ATTR_GEN_AI_OPENAI_REQUEST_SERVICE_TIER, ATTR_GEN_AI_OUTPUT_TYPE, ATTR_GEN_AI_REQUEST_CHOICE_COUNT, ATTR_GEN_AI_REQUEST_ENCODING_FORMATS, ATTR_GEN_AI_REQUEST_FREQUENCY_PENALTY, ATTR_GEN_AI_REQUEST_MAX_TOKENS, ATTR_GEN_AI_REQUEST_PRESENCE_PENALTY, ATTR_GEN_AI_REQUEST_SEED, ATTR_GEN_AI_REQUEST_STOP_SEQUENCES, ATTR_GEN_AI_REQUEST_STREAM, ATTR_GEN_AI_REQUEST_TEMPERATURE, ATTR_GEN_AI_REQUEST_TOP_K, ATTR_GEN_AI_REQUEST_TOP_P, ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS, ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS, ATTR_GEN_AI_USAGE_COMPLETION_TOKENS, ATTR_GEN_AI_USAGE_INPUT_TOKENS, ATTR_GEN_AI_USAGE_OUTPUT_TOKENS, ATTR_GEN_AI_USAGE_PROMPT_TOKENS, ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS } from "@opentelemetry/semantic-conventions/incubating";
import { keyGroup, type KeyGroup } from "../../readers/groups.js";
import { OPENLLMETRY_GENAI_PARAMS, type ParamSpec } from "../../readers/params.js";
import { GENAI } from "./keys.js";
import type { SpanType } from "../../canonical/span.js";
/**
 * Request parameters: attribute key -> the OpenAI-style name used in canonical `inputs`.
 * `kind` says how the value is checked.
 */
export const GENAI_REQUEST_PARAMS: readonly ParamSpec[] = [
  { key: ATTR_GEN_AI_REQUEST_TEMPERATURE, param: "temperature", kind: "number" },
  { key: ATTR_GEN_AI_REQUEST_TOP_P, param: "top_p", kind: "number" },
  { key: ATTR_GEN_AI_REQUEST_TOP_K, param: "top_k", kind: "number" },
  { key: ATTR_GEN_AI_REQUEST_MAX_TOKENS, param: "max_tokens", kind: "int" },
  { key: ATTR_GEN_AI_REQUEST_FREQUENCY_PENALTY, param: "frequency_penalty", kind: "number" },
  { key: ATTR_GEN_AI_REQUEST_PRESENCE_PENALTY, param: "presence_penalty", kind: "number" },
  { key: ATTR_GEN_AI_REQUEST_STOP_SEQUENCES, param: "stop", kind: "strings" },
  { key: ATTR_GEN_AI_REQUEST_SEED, param: "seed", kind: "int" },
  { key: ATTR_GEN_AI_REQUEST_CHOICE_COUNT, param: "n", kind: "int" },
  { key: ATTR_GEN_AI_REQUEST_ENCODING_FORMATS, param: "encoding_formats", kind: "strings" },
  { key: ATTR_GEN_AI_REQUEST_STREAM, param: "stream", kind: "boolean" },
  { key: ATTR_GEN_AI_OUTPUT_TYPE, param: "output_type", kind: "any" },
  // Newest spec keys (semantic-conventions-genai registry), under the OpenAI request names.
  { key: "gen_ai.request.reasoning.level", param: "reasoning_effort", kind: "string" },
  { key: "gen_ai.request.previous_response.id", param: "previous_response_id", kind: "string" },
  { key: ATTR_GEN_AI_EMBEDDINGS_DIMENSION_COUNT, param: "dimensions", kind: "int" },
  // Deprecated OpenAI-specific spellings; read when the generic key is absent.
  { key: ATTR_GEN_AI_OPENAI_REQUEST_SEED, param: "seed", kind: "int" },
  { key: ATTR_GEN_AI_OPENAI_REQUEST_RESPONSE_FORMAT, param: "response_format", kind: "any" },
  { key: ATTR_GEN_AI_OPENAI_REQUEST_SERVICE_TIER, param: "service_tier", kind: "any" },
  { key: "openai.request.service_tier", param: "service_tier", kind: "any" },
];

/**
 * Token-count keys in the order they are tried for each canonical usage field: the spec key first,
 * then deprecated spellings, then variants real instrumentations write (Anthropic's own SDK writes
 * `cache_write`, Sentry-style SDKs `input_tokens.cached` / `output_tokens.reasoning`, some exporters
 * flat `cache_read_input_tokens`).
 */
export const GENAI_USAGE_KEYS = {
  input_tokens: [ATTR_GEN_AI_USAGE_INPUT_TOKENS, ATTR_GEN_AI_USAGE_PROMPT_TOKENS],
  output_tokens: [ATTR_GEN_AI_USAGE_OUTPUT_TOKENS, ATTR_GEN_AI_USAGE_COMPLETION_TOKENS],
  total_tokens: ["gen_ai.usage.total_tokens"],
  cache_read_input_tokens: [
    ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS,
    "gen_ai.usage.cache_read_input_tokens",
    "gen_ai.usage.input_tokens.cached",
  ],
  // The newest spec renames cache_creation to cache_write: the new name wins when both are there.
  cache_creation_input_tokens: [
    GENAI.cacheWriteTokens,
    ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS,
    "gen_ai.usage.cache_creation_input_tokens",
    "gen_ai.usage.input_tokens.cache_write",
  ],
  reasoning_tokens: [
    ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS,
    "gen_ai.usage.output_tokens.reasoning",
    "gen_ai.usage.reasoning_tokens",
  ],
  // The newest spec's per-modality counts; only audio has a canonical field (text and image stay in attributes).
  input_audio_tokens: [GENAI.audioInputTokens],
  output_audio_tokens: [GENAI.audioOutputTokens],
} as const;

/** Operations that call a model (span kind CLIENT when emitted). */
export const GENAI_MODEL_OPERATIONS: ReadonlySet<string> = new Set(["chat", "text_completion", "generate_content", "embeddings"]);
/** `gen_ai.operation.name` -> MLflow span type. Values not listed get an `unknown-operation` diagnostic. */
export const GENAI_OPERATION_SPAN_TYPES: Readonly<Record<string, SpanType>> = {
  chat: "CHAT_MODEL",
  text_completion: "LLM",
  generate_content: "LLM",
  // Not in the spec; MLflow's own GenAI translator maps it (OpenAI Responses API instrumentations).
  response: "LLM",
  embeddings: "EMBEDDING",
  execute_tool: "TOOL",
  create_agent: "AGENT",
  invoke_agent: "AGENT",
  plan: "AGENT",
  // Newest spec: reading back a stored model response (a model's output, no new generation).
  fetch_response: "LLM",
  invoke_workflow: "WORKFLOW",
  retrieval: "RETRIEVER",
  // Not in the spec; seen in vector-store and rerank instrumentations.
  search: "RETRIEVER",
  rerank: "RERANKER",
  // Not in the spec: the values AI SDK 7's `@ai-sdk/otel` writes (its mapOperationName). A step is one
  // turn of the agent loop (a model call and the tools it asked for): CHAIN, a grouping of calls, as
  // the agent itself is the invoke_agent span above it. decide / extract are one structured model call
  // each (their outer span wraps it); speech and transcription are model calls with audio in or out.
  agent_step: "CHAIN",
  decide: "LLM",
  extract: "LLM",
  "ai.generateSpeech": "LLM",
  "ai.transcribe": "LLM",
  "ai.streamTranscribe": "LLM",
  // Not in the spec: OpenLLMetry's custom values (Python semconv_ai 0.5 GenAICustomOperationName, JS SDK
  // 0.27 guardrails); the OpenLLMetry parser reads their content keys.
  execute_task: "TASK",
  llm_request: "LLM",
  vector_db_retrieve: "RETRIEVER",
  guard: "GUARDRAIL",
  "guardrail.run": "GUARDRAIL",
};

// ---------------------------------------------------------------------------------------------
// Key groups (readers/groups.ts): tables the parser skips when none of their keys is on the span.

/** The spec's `gen_ai.request.*` parameters nearly every chat call sets. */
const MAIN_PARAMS: ReadonlySet<string> = new Set(["temperature", "top_p", "top_k", "max_tokens", "frequency_penalty", "presence_penalty", "stop", "seed"]);
const isMainParam = (p: { key: string; param: string }) => p.key.startsWith("gen_ai.request.") && MAIN_PARAMS.has(p.param);
const MAIN_COUNTS: ReadonlySet<string> = new Set([ATTR_GEN_AI_USAGE_INPUT_TOKENS, ATTR_GEN_AI_USAGE_OUTPUT_TOKENS]);
const ALL_COUNT_KEYS: readonly string[] = Object.values(GENAI_USAGE_KEYS).flat();

/** Response metadata written beside the choices (and its deprecated `gen_ai.openai.response.*` spelling). */
export const GENAI_RESPONSE_EXTRAS: readonly (readonly [key: string, field: string])[] = [
  [GENAI.openaiSystemFingerprint, "system_fingerprint"],
  ["openai.response.system_fingerprint", "system_fingerprint"],
  [GENAI.openaiResponseServiceTier, "service_tier"],
  ["openai.response.service_tier", "service_tier"],
];

export const GENAI_GROUPS = {
  params: keyGroup("genai.params", GENAI_REQUEST_PARAMS.filter(isMainParam).map((p) => p.key)),
  paramsMore: keyGroup("genai.paramsMore", GENAI_REQUEST_PARAMS.filter((p) => !isMainParam(p)).map((p) => p.key)),
  openllmetryParams: keyGroup("genai.openllmetryParams", OPENLLMETRY_GENAI_PARAMS.map((p) => p.key)),
  usage: keyGroup("genai.usage", [...MAIN_COUNTS]),
  usageMore: keyGroup("genai.usageMore", ALL_COUNT_KEYS.filter((k) => !MAIN_COUNTS.has(k))),
  tool: keyGroup("genai.tool", [GENAI.toolCallArguments, GENAI.toolCallResult, GENAI.toolName, GENAI.toolCallId]),
  retrieval: keyGroup("genai.retrieval", [GENAI.retrievalQueryText, GENAI.retrievalDocuments, GENAI.retrievalTopK]),
  memory: keyGroup("genai.memory", [GENAI.memoryQueryText, GENAI.memoryRecords]),
  legacyContent: keyGroup("genai.legacyContent", [GENAI.prompt, GENAI.completion]),
  responseExtras: keyGroup("genai.responseExtras", GENAI_RESPONSE_EXTRAS.map(([key]) => key)),
  agent: keyGroup("genai.agent", [GENAI.agentName, GENAI.agentId]),
} as const;

/** The group of each entry of GENAI_REQUEST_PARAMS, in its order. */
export const GENAI_PARAM_GROUPS: readonly KeyGroup[] = GENAI_REQUEST_PARAMS.map((p) => (isMainParam(p) ? GENAI_GROUPS.params : GENAI_GROUPS.paramsMore));
/** The group of a key of GENAI_USAGE_KEYS. */
export const genaiUsageGroup = (key: string): KeyGroup => (MAIN_COUNTS.has(key) ? GENAI_GROUPS.usage : GENAI_GROUPS.usageMore);
