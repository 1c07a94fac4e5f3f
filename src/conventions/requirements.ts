/**
 * Conformance tables used by `validateSpan`: value types, enumerated values, deprecated keys and
 * required / recommended keys of each convention. Facts come from the specs:
 * - GenAI: the attribute registry as published in @opentelemetry/semantic-conventions 1.45 (incubating),
 *   whose JSDoc names each deprecated key's replacement;
 * - OpenInference: Arize-ai/openinference `spec/semantic_conventions.md`;
 * - OpenLLMetry: `@traceloop/ai-semantic-conventions` (SpanAttributes, LLMRequestTypeValues, TraceloopSpanKindValues);
 * - Vercel AI SDK: its telemetry docs and the keys `ai` 6 writes (see src/conventions/vercel.ts).
 */
import {
  ATTR_GEN_AI_COMPLETION,
  ATTR_GEN_AI_INPUT_MESSAGES,
  ATTR_GEN_AI_OPENAI_REQUEST_RESPONSE_FORMAT,
  ATTR_GEN_AI_OPENAI_REQUEST_SEED,
  ATTR_GEN_AI_OPENAI_REQUEST_SERVICE_TIER,
  ATTR_GEN_AI_OPENAI_RESPONSE_SERVICE_TIER,
  ATTR_GEN_AI_OPENAI_RESPONSE_SYSTEM_FINGERPRINT,
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_OUTPUT_MESSAGES,
  ATTR_GEN_AI_PROMPT,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_REQUEST_FREQUENCY_PENALTY,
  ATTR_GEN_AI_REQUEST_MAX_TOKENS,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_REQUEST_PRESENCE_PENALTY,
  ATTR_GEN_AI_REQUEST_SEED,
  ATTR_GEN_AI_REQUEST_STOP_SEQUENCES,
  ATTR_GEN_AI_REQUEST_TEMPERATURE,
  ATTR_GEN_AI_REQUEST_TOP_P,
  ATTR_GEN_AI_RESPONSE_FINISH_REASONS,
  ATTR_GEN_AI_RESPONSE_MODEL,
  ATTR_GEN_AI_SYSTEM,
  ATTR_GEN_AI_SYSTEM_INSTRUCTIONS,
  ATTR_GEN_AI_TOOL_DEFINITIONS,
  ATTR_GEN_AI_TOOL_NAME,
  ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_COMPLETION_TOKENS,
  ATTR_GEN_AI_USAGE_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_OUTPUT_TOKENS,
  ATTR_GEN_AI_USAGE_PROMPT_TOKENS,
} from "@opentelemetry/semantic-conventions/incubating";
import type { Attributes, Convention, SpanType } from "../span.js";
import { VERCEL, VERCEL_OPERATIONS, VERCEL_USAGE_KEYS } from "./vercel.js";

export type ValueType = "string" | "int" | "number" | "boolean" | "string[]" | "json-array" | "json-object";

export interface KeyRule {
  type?: ValueType;
  /** Known values; `open` enums accept others with an info diagnostic, closed ones with a warning. */
  values?: readonly string[];
  open?: boolean;
  /** Deprecated: the key to use instead (or undefined when the spec has no replacement). */
  deprecated?: { replacement?: string };
}

export interface PresenceRule {
  /**
   * Any of these keys satisfies the rule (e.g. a key and its deprecated spelling). A `*` segment stands
   * for any index of a flattened list: `retrieval.documents.*.document.content` is met by
   * `retrieval.documents.3.document.content`. The first entry is a plain key: the diagnostic names it.
   */
  anyOf: readonly string[];
  level: "required" | "recommended";
  /** The rule applies only when this returns true (e.g. for model-call operations). */
  when?: (attributes: Attributes) => boolean;
  /** Why, in a few words, for the message. */
  because?: string;
  /** Not expected on a span whose status is ERROR (a failed call has no reply, usage or response model). */
  notOnError?: boolean;
}

export const GENAI_OPERATIONS = [
  "chat",
  "create_agent",
  "embeddings",
  "execute_tool",
  "generate_content",
  "invoke_agent",
  "invoke_workflow",
  "retrieval",
  "text_completion",
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
  "openai",
  "perplexity",
  "x_ai",
] as const;

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

const GENAI_KEYS: Record<string, KeyRule> = {
  [ATTR_GEN_AI_OPERATION_NAME]: { type: "string", values: GENAI_OPERATIONS, open: true },
  [ATTR_GEN_AI_PROVIDER_NAME]: { type: "string", values: GENAI_PROVIDERS, open: true },
  [ATTR_GEN_AI_REQUEST_MODEL]: { type: "string" },
  [ATTR_GEN_AI_RESPONSE_MODEL]: { type: "string" },
  [ATTR_GEN_AI_REQUEST_TEMPERATURE]: { type: "number" },
  [ATTR_GEN_AI_REQUEST_TOP_P]: { type: "number" },
  [ATTR_GEN_AI_REQUEST_FREQUENCY_PENALTY]: { type: "number" },
  [ATTR_GEN_AI_REQUEST_PRESENCE_PENALTY]: { type: "number" },
  [ATTR_GEN_AI_REQUEST_MAX_TOKENS]: { type: "int" },
  [ATTR_GEN_AI_REQUEST_SEED]: { type: "int" },
  [ATTR_GEN_AI_REQUEST_STOP_SEQUENCES]: { type: "string[]" },
  [ATTR_GEN_AI_RESPONSE_FINISH_REASONS]: { type: "string[]" },
  [ATTR_GEN_AI_USAGE_INPUT_TOKENS]: { type: "int" },
  [ATTR_GEN_AI_USAGE_OUTPUT_TOKENS]: { type: "int" },
  [ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS]: { type: "int" },
  [ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS]: { type: "int" },
  [ATTR_GEN_AI_INPUT_MESSAGES]: { type: "json-array" },
  [ATTR_GEN_AI_OUTPUT_MESSAGES]: { type: "json-array" },
  [ATTR_GEN_AI_SYSTEM_INSTRUCTIONS]: { type: "json-array" },
  [ATTR_GEN_AI_TOOL_DEFINITIONS]: { type: "json-array" },
  [ATTR_GEN_AI_TOOL_NAME]: { type: "string" },
  // Deprecated keys, with the replacement the registry names.
  [ATTR_GEN_AI_SYSTEM]: { type: "string", deprecated: { replacement: ATTR_GEN_AI_PROVIDER_NAME } },
  [ATTR_GEN_AI_USAGE_PROMPT_TOKENS]: { type: "int", deprecated: { replacement: ATTR_GEN_AI_USAGE_INPUT_TOKENS } },
  [ATTR_GEN_AI_USAGE_COMPLETION_TOKENS]: { type: "int", deprecated: { replacement: ATTR_GEN_AI_USAGE_OUTPUT_TOKENS } },
  [ATTR_GEN_AI_PROMPT]: { deprecated: { replacement: ATTR_GEN_AI_INPUT_MESSAGES } },
  [ATTR_GEN_AI_COMPLETION]: { deprecated: { replacement: ATTR_GEN_AI_OUTPUT_MESSAGES } },
  [ATTR_GEN_AI_OPENAI_REQUEST_SEED]: { deprecated: { replacement: ATTR_GEN_AI_REQUEST_SEED } },
  [ATTR_GEN_AI_OPENAI_REQUEST_RESPONSE_FORMAT]: { deprecated: { replacement: "gen_ai.output.type" } },
  [ATTR_GEN_AI_OPENAI_REQUEST_SERVICE_TIER]: { deprecated: { replacement: "openai.request.service_tier" } },
  [ATTR_GEN_AI_OPENAI_RESPONSE_SERVICE_TIER]: { deprecated: { replacement: "openai.response.service_tier" } },
  [ATTR_GEN_AI_OPENAI_RESPONSE_SYSTEM_FINGERPRINT]: { deprecated: { replacement: "openai.response.system_fingerprint" } },
};

const GENAI_PRESENCE: readonly PresenceRule[] = [
  { anyOf: [ATTR_GEN_AI_OPERATION_NAME], level: "required" },
  { anyOf: [ATTR_GEN_AI_PROVIDER_NAME, ATTR_GEN_AI_SYSTEM], level: "required", when: needsProvider },
  // Required on retrieval only when a provider is involved, which the span cannot show: recommended.
  { anyOf: [ATTR_GEN_AI_PROVIDER_NAME, ATTR_GEN_AI_SYSTEM], level: "recommended", when: isOperation("retrieval") },
  { anyOf: [ATTR_GEN_AI_REQUEST_MODEL], level: "recommended", when: isModelCall, because: "MLflow's model field" },
  { anyOf: [ATTR_GEN_AI_USAGE_INPUT_TOKENS, ATTR_GEN_AI_USAGE_PROMPT_TOKENS], level: "recommended", when: isModelCall, because: "token usage and cost", notOnError: true },
  { anyOf: [ATTR_GEN_AI_USAGE_OUTPUT_TOKENS, ATTR_GEN_AI_USAGE_COMPLETION_TOKENS], level: "recommended", when: isOperation("chat"), because: "token usage and cost", notOnError: true },
  { anyOf: [ATTR_GEN_AI_RESPONSE_MODEL], level: "recommended", when: isModelCall, notOnError: true },
  { anyOf: [ATTR_GEN_AI_RESPONSE_FINISH_REASONS], level: "recommended", when: isOperation("chat"), notOnError: true },
  { anyOf: [ATTR_GEN_AI_TOOL_NAME], level: "recommended", when: isOperation("execute_tool") },
];

/** OpenInference span kinds (closed list in the spec). */
export const OPENINFERENCE_SPAN_KINDS = [
  "LLM",
  "CHAIN",
  "TOOL",
  "AGENT",
  "RETRIEVER",
  "RERANKER",
  "EMBEDDING",
  "GUARDRAIL",
  "EVALUATOR",
  "PROMPT",
  "UNKNOWN",
] as const;

const OPENINFERENCE_KEYS: Record<string, KeyRule> = {
  "openinference.span.kind": { type: "string", values: OPENINFERENCE_SPAN_KINDS },
  "llm.model_name": { type: "string" },
  "llm.provider": { type: "string" },
  "llm.system": { type: "string" },
  "llm.invocation_parameters": { type: "json-object" },
  "llm.token_count.prompt": { type: "int" },
  "llm.token_count.completion": { type: "int" },
  "llm.token_count.total": { type: "int" },
  "llm.token_count.prompt_details.cache_read": { type: "int" },
  "llm.token_count.prompt_details.cache_write": { type: "int" },
  "llm.token_count.prompt_details.audio": { type: "int" },
  "llm.token_count.completion_details.reasoning": { type: "int" },
  "llm.token_count.completion_details.audio": { type: "int" },
  "input.mime_type": { type: "string", values: ["text/plain", "application/json"], open: true },
  "output.mime_type": { type: "string", values: ["text/plain", "application/json"], open: true },
};

const isOiKind = (kind: string) => (a: Attributes) => a["openinference.span.kind"] === kind;

/**
 * Besides `input.value` / `output.value`, the keys each span kind records its inputs and outputs in
 * (the parser reads them into MLflow's inputs/outputs): an embedding span's vectors, a retriever's
 * documents, a reranker's query and documents are its outputs, with no `output.value` at all.
 */
const OI_IO_BY_KIND: Readonly<Record<string, { inputs: readonly string[]; outputs: readonly string[] }>> = {
  LLM: { inputs: ["llm.input_messages.*.message.role"], outputs: ["llm.output_messages.*.message.role"] },
  EMBEDDING: { inputs: ["embedding.embeddings.*.embedding.text"], outputs: ["embedding.embeddings.*.embedding.vector"] },
  RETRIEVER: { inputs: [], outputs: ["retrieval.documents.*.document.content"] },
  RERANKER: { inputs: ["reranker.query", "reranker.input_documents.*.document.content"], outputs: ["reranker.output_documents.*.document.content"] },
};
const OI_KINDS_WITH_LISTS = new Set(Object.keys(OI_IO_BY_KIND));
/** Without a kind (or with an unknown one) the type is inferred from what is present: accept any list. */
const OI_ANY_LIST = {
  inputs: Object.values(OI_IO_BY_KIND).flatMap((io) => io.inputs),
  outputs: Object.values(OI_IO_BY_KIND).flatMap((io) => io.outputs),
};
const isOiUnlistedKind = (a: Attributes) => {
  const kind = a["openinference.span.kind"];
  return typeof kind === "string" && (OPENINFERENCE_SPAN_KINDS as readonly string[]).includes(kind) && !OI_KINDS_WITH_LISTS.has(kind);
};
const isOiUnknownKind = (a: Attributes) => {
  const kind = a["openinference.span.kind"];
  return typeof kind !== "string" || !(OPENINFERENCE_SPAN_KINDS as readonly string[]).includes(kind);
};
const oiInputOutput = (field: "inputs" | "outputs"): PresenceRule[] => {
  const key = field === "inputs" ? "input.value" : "output.value";
  const common = { level: "recommended", because: `MLflow's ${field}`, notOnError: field === "outputs" } as const;
  return [
    ...Object.entries(OI_IO_BY_KIND).map(([kind, io]) => ({ ...common, anyOf: [key, ...io[field]], when: isOiKind(kind) })),
    { ...common, anyOf: [key], when: isOiUnlistedKind },
    { ...common, anyOf: [key, ...OI_ANY_LIST[field]], when: isOiUnknownKind },
  ];
};

const OPENINFERENCE_PRESENCE: readonly PresenceRule[] = [
  { anyOf: ["openinference.span.kind"], level: "required", because: "it decides the span type" },
  { anyOf: ["llm.model_name"], level: "recommended", when: isOiKind("LLM"), because: "MLflow's model field" },
  { anyOf: ["llm.token_count.prompt"], level: "recommended", when: isOiKind("LLM"), because: "token usage and cost", notOnError: true },
  { anyOf: ["llm.token_count.completion"], level: "recommended", when: isOiKind("LLM"), because: "token usage and cost", notOnError: true },
  ...oiInputOutput("inputs"),
  ...oiInputOutput("outputs"),
];

export const OPENLLMETRY_REQUEST_TYPES = ["chat", "completion", "embedding", "rerank", "unknown"] as const;
// "session" exists in the JS package only.
export const OPENLLMETRY_SPAN_KINDS = ["workflow", "task", "agent", "tool", "session", "unknown"] as const;

const OPENLLMETRY_KEYS: Record<string, KeyRule> = {
  "llm.request.type": { type: "string", values: OPENLLMETRY_REQUEST_TYPES },
  "traceloop.span.kind": { type: "string", values: OPENLLMETRY_SPAN_KINDS },
  "llm.usage.total_tokens": { type: "int" },
  // The first releases' counts; later ones write gen_ai.usage.*, whose current spelling is input/output.
  "llm.usage.prompt_tokens": { type: "int", deprecated: { replacement: "gen_ai.usage.input_tokens" } },
  "llm.usage.completion_tokens": { type: "int", deprecated: { replacement: "gen_ai.usage.output_tokens" } },
  "llm.is_streaming": { type: "boolean" },
  "traceloop.entity.name": { type: "string" },
};

const OPENLLMETRY_PRESENCE: readonly PresenceRule[] = [
  {
    anyOf: ["llm.request.type", "traceloop.span.kind", "gen_ai.operation.name"],
    level: "recommended",
    because: "it decides the span type",
  },
];

/** The Vercel AI SDK's `ai.operationId` values (ai 6; an open list, the SDK adds operations). */
const VERCEL_OPERATION_IDS: readonly string[] = Object.values(VERCEL_OPERATIONS).flat();
const VERCEL_MODEL_CALLS: ReadonlySet<string> = new Set(VERCEL_OPERATIONS.modelCalls);
const isVercelModelCall = (a: Attributes) => {
  const operation = a[VERCEL.operationId];
  return typeof operation === "string" && VERCEL_MODEL_CALLS.has(operation);
};

const VERCEL_KEYS: Record<string, KeyRule> = {
  [VERCEL.operationId]: { type: "string", values: VERCEL_OPERATION_IDS, open: true },
  [VERCEL.modelId]: { type: "string" },
  [VERCEL.modelProvider]: { type: "string" },
  [VERCEL.prompt]: { type: "json-object" },
  [VERCEL.promptMessages]: { type: "json-array" },
  [VERCEL.promptTools]: { type: "string[]" },
  [VERCEL.responseToolCalls]: { type: "json-array" },
  [VERCEL.responseText]: { type: "string" },
  [VERCEL.responseFinishReason]: { type: "string" },
  // No deprecations: ai 6 still writes the AI SDK 4 spellings (promptTokens) on generateObject spans.
  ...Object.fromEntries(Object.values(VERCEL_USAGE_KEYS).flat().map((key) => [key, { type: "int" } satisfies KeyRule])),
};

const VERCEL_PRESENCE: readonly PresenceRule[] = [
  { anyOf: [VERCEL.operationId], level: "required", because: "it decides the span type" },
  { anyOf: [VERCEL.modelId], level: "recommended", when: isVercelModelCall, because: "MLflow's model field" },
  { anyOf: [VERCEL.promptMessages], level: "recommended", when: isVercelModelCall, because: "MLflow's inputs (telemetry recordInputs)" },
  { anyOf: ["ai.usage.inputTokens", "ai.usage.promptTokens"], level: "recommended", when: isVercelModelCall, because: "token usage and cost", notOnError: true },
  { anyOf: ["ai.usage.outputTokens", "ai.usage.completionTokens"], level: "recommended", when: isVercelModelCall, because: "token usage and cost", notOnError: true },
];

/** Maps, not records: attribute keys such as "constructor" must not find Object.prototype members. */
export const KEY_RULES: Readonly<Record<Convention, ReadonlyMap<string, KeyRule>>> = {
  mlflow: new Map(),
  genai: new Map(Object.entries(GENAI_KEYS)),
  openinference: new Map(Object.entries(OPENINFERENCE_KEYS)),
  openllmetry: new Map(Object.entries(OPENLLMETRY_KEYS)),
  "vercel-ai": new Map(Object.entries(VERCEL_KEYS)),
};

export const PRESENCE_RULES: Readonly<Record<Convention, readonly PresenceRule[]>> = {
  mlflow: [],
  genai: GENAI_PRESENCE,
  openinference: OPENINFERENCE_PRESENCE,
  openllmetry: OPENLLMETRY_PRESENCE,
  "vercel-ai": VERCEL_PRESENCE,
};

// ---------------------------------------------------------------------------------------------
// `validateSpan({ require })`: where each canonical field is required, and what to add when it is not.

/** Canonical fields of the translation that `validateSpan({ require })` can ask for. */
export const REQUIRABLE_FIELDS = ["spanType", "inputs", "outputs", "tokenUsage", "model", "provider", "tools"] as const;
export type RequirableField = (typeof REQUIRABLE_FIELDS)[number];

/** Spans that call a model: the only ones that can report usage, a model and a provider. */
const MODEL_CALL_TYPES: readonly SpanType[] = ["LLM", "CHAT_MODEL", "EMBEDDING"];

export interface FieldScope {
  /** Translated span types the field is required on; absent: every span that uses an LLM convention. */
  spanTypes?: readonly SpanType[];
  /** Not required when the span's status is ERROR: a failed call has no reply and, usually, no usage. */
  notOnError?: boolean;
}

/**
 * Where a required field applies. A tool, agent or workflow span never carries token usage, and a call
 * that failed has nothing to output: requiring those there would bury the real findings.
 */
export const FIELD_SCOPES: Readonly<Record<RequirableField, FieldScope>> = {
  spanType: {},
  inputs: {},
  outputs: { notOnError: true },
  tokenUsage: { spanTypes: MODEL_CALL_TYPES, notOnError: true },
  model: { spanTypes: MODEL_CALL_TYPES },
  provider: { spanTypes: MODEL_CALL_TYPES },
  tools: { spanTypes: ["LLM", "CHAT_MODEL"] },
};

/**
 * The attributes to add, in a convention, so the translation gets a field: `default`, overridden per
 * span type. `null` means the convention has no attribute our parsers read for that field on that span
 * type (GenAI has no key for an embedding's vectors); the field is then not required there, since no
 * fix exists in that convention.
 */
export interface FieldHint {
  default: string | null;
  byType?: Partial<Record<SpanType, string | null>>;
}

const LLM_TYPES = (hint: string | null): Partial<Record<SpanType, string | null>> => ({ LLM: hint, CHAT_MODEL: hint });

const GENAI_HINTS: Record<RequirableField, FieldHint> = {
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

const OPENINFERENCE_HINTS: Record<RequirableField, FieldHint> = {
  spanType: { default: "openinference.span.kind" },
  inputs: {
    default: "input.value",
    byType: {
      ...LLM_TYPES("llm.input_messages.N.message.role and .content (or input.value)"),
      EMBEDDING: "embedding.embeddings.N.embedding.text (or input.value)",
      RERANKER: "reranker.query or reranker.input_documents.N.document.content (or input.value)",
    },
  },
  outputs: {
    default: "output.value",
    byType: {
      ...LLM_TYPES("llm.output_messages.N.message.role and .content (or output.value)"),
      EMBEDDING: "embedding.embeddings.N.embedding.vector (or output.value)",
      RETRIEVER: "retrieval.documents.N.document.content (or output.value)",
      RERANKER: "reranker.output_documents.N.document.content (or output.value)",
    },
  },
  tokenUsage: { default: "llm.token_count.prompt and llm.token_count.completion", byType: { EMBEDDING: "llm.token_count.prompt" } },
  model: { default: "llm.model_name", byType: { EMBEDDING: "embedding.model_name (or llm.model_name)" } },
  provider: { default: "llm.provider" },
  tools: { default: "llm.tools.N.tool.json_schema" },
};

const OPENLLMETRY_HINTS: Record<RequirableField, FieldHint> = {
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

const VERCEL_HINTS: Record<RequirableField, FieldHint> = {
  spanType: { default: "ai.operationId" },
  // What the AI SDK records depends on experimental_telemetry { recordInputs, recordOutputs }.
  inputs: {
    default: "ai.prompt (telemetry recordInputs)",
    byType: {
      CHAT_MODEL: "ai.prompt.messages (telemetry recordInputs)",
      TOOL: "ai.toolCall.args",
      EMBEDDING: "ai.value or ai.values (telemetry recordInputs)",
      RERANKER: "ai.documents (telemetry recordInputs)",
    },
  },
  outputs: {
    default: "ai.response.text, ai.response.object or ai.response.toolCalls (telemetry recordOutputs)",
    byType: {
      TOOL: "ai.toolCall.result",
      EMBEDDING: "ai.embedding or ai.embeddings (telemetry recordOutputs)",
      RERANKER: "ai.ranking (telemetry recordOutputs)",
    },
  },
  tokenUsage: { default: "ai.usage.inputTokens and ai.usage.outputTokens", byType: { EMBEDDING: "ai.usage.tokens" } },
  model: { default: "ai.model.id" },
  provider: { default: "ai.model.provider" },
  // Tools are recorded on the provider request (doGenerate / doStream), not on the outer call.
  tools: { default: "ai.prompt.tools", byType: { LLM: null } },
};

const MLFLOW_HINTS: Record<RequirableField, FieldHint> = {
  spanType: { default: "mlflow.spanType" },
  inputs: { default: "mlflow.spanInputs" },
  outputs: { default: "mlflow.spanOutputs" },
  tokenUsage: { default: "mlflow.chat.tokenUsage" },
  model: { default: "mlflow.llm.model" },
  provider: { default: "mlflow.llm.provider" },
  tools: { default: "mlflow.chat.tools" },
};

export const FIELD_HINTS: Readonly<Record<Convention, Readonly<Record<RequirableField, FieldHint>>>> = {
  mlflow: MLFLOW_HINTS,
  genai: GENAI_HINTS,
  openinference: OPENINFERENCE_HINTS,
  openllmetry: OPENLLMETRY_HINTS,
  "vercel-ai": VERCEL_HINTS,
};

/** What to add in `convention` for `field` on a span of `spanType`; null when nothing can be added. */
export function fieldHint(convention: Convention, field: RequirableField, spanType: SpanType): string | null {
  const hint = FIELD_HINTS[convention][field];
  const byType = hint.byType?.[spanType];
  return byType !== undefined ? byType : hint.default;
}

/** Whether `field` is required on a translated span of `spanType` (status ERROR when `failed`). */
export function fieldApplies(field: RequirableField, spanType: SpanType, failed: boolean): boolean {
  const scope = FIELD_SCOPES[field];
  if (scope.spanTypes && !scope.spanTypes.includes(spanType)) return false;
  return !(scope.notOnError && failed);
}
