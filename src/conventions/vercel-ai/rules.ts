import type { Attributes } from "../../canonical/span.js";
import { VERCEL, VERCEL_OPERATIONS, VERCEL_USAGE_KEYS } from "./keys.js";
import { type FieldHint, type KeyRule, type PresenceRule, type RequirableField } from "../rule-types.js";
/** The Vercel AI SDK's `ai.operationId` values (ai 6; an open list, the SDK adds operations). */
const VERCEL_OPERATION_IDS: readonly string[] = Object.values(VERCEL_OPERATIONS).flat();
const VERCEL_MODEL_CALLS: ReadonlySet<string> = new Set(VERCEL_OPERATIONS.modelCalls);
const isVercelModelCall = (a: Attributes) => {
  const operation = a[VERCEL.operationId];
  return typeof operation === "string" && VERCEL_MODEL_CALLS.has(operation);
};

export const VERCEL_KEYS: Record<string, KeyRule> = {
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

export const VERCEL_PRESENCE: readonly PresenceRule[] = [
  { anyOf: [VERCEL.operationId], level: "required", because: "it decides the span type" },
  { anyOf: [VERCEL.modelId], level: "recommended", when: isVercelModelCall, because: "MLflow's model field" },
  { anyOf: [VERCEL.promptMessages], level: "recommended", when: isVercelModelCall, because: "MLflow's inputs (telemetry recordInputs)" },
  { anyOf: ["ai.usage.inputTokens", "ai.usage.promptTokens"], level: "recommended", when: isVercelModelCall, because: "token usage and cost", notOnError: true },
  { anyOf: ["ai.usage.outputTokens", "ai.usage.completionTokens"], level: "recommended", when: isVercelModelCall, because: "token usage and cost", notOnError: true },
];

export const VERCEL_HINTS: Record<RequirableField, FieldHint> = {
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
