import { ATTR_GEN_AI_COMPLETION, ATTR_GEN_AI_INPUT_MESSAGES, ATTR_GEN_AI_OPENAI_REQUEST_RESPONSE_FORMAT, ATTR_GEN_AI_OPENAI_REQUEST_SEED, ATTR_GEN_AI_OPENAI_REQUEST_SERVICE_TIER, ATTR_GEN_AI_OPENAI_RESPONSE_SERVICE_TIER, ATTR_GEN_AI_OPENAI_RESPONSE_SYSTEM_FINGERPRINT, ATTR_GEN_AI_OPERATION_NAME, ATTR_GEN_AI_OUTPUT_MESSAGES, ATTR_GEN_AI_PROMPT, ATTR_GEN_AI_PROVIDER_NAME, ATTR_GEN_AI_REQUEST_FREQUENCY_PENALTY, ATTR_GEN_AI_REQUEST_MAX_TOKENS, ATTR_GEN_AI_REQUEST_MODEL, ATTR_GEN_AI_REQUEST_PRESENCE_PENALTY, ATTR_GEN_AI_REQUEST_SEED, ATTR_GEN_AI_REQUEST_STOP_SEQUENCES, ATTR_GEN_AI_REQUEST_TEMPERATURE, ATTR_GEN_AI_REQUEST_TOP_P, ATTR_GEN_AI_RESPONSE_FINISH_REASONS, ATTR_GEN_AI_RESPONSE_MODEL, ATTR_GEN_AI_SYSTEM, ATTR_GEN_AI_SYSTEM_INSTRUCTIONS, ATTR_GEN_AI_TOOL_DEFINITIONS, ATTR_GEN_AI_TOOL_NAME, ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS, ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS, ATTR_GEN_AI_USAGE_COMPLETION_TOKENS, ATTR_GEN_AI_USAGE_INPUT_TOKENS, ATTR_GEN_AI_USAGE_OUTPUT_TOKENS, ATTR_GEN_AI_USAGE_PROMPT_TOKENS } from "@opentelemetry/semantic-conventions/incubating";
import type { Attributes } from "../../canonical/span.js";
import { type FieldHint, type KeyRule, type PresenceRule, type RequirableField } from "../rule-types.js";
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

export const GENAI_KEYS: Record<string, KeyRule> = {
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

export const GENAI_PRESENCE: readonly PresenceRule[] = [
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
