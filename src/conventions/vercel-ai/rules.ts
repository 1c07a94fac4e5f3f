import type { Attributes } from "../../canonical/span.js";
import { VERCEL, VERCEL_OPERATIONS, VERCEL_USAGE_KEYS } from "./keys.js";
import { type Citation, type FieldHint, type KeyRule, type PresenceRule, type RequirableField } from "../rule-types.js";

/** The AI SDK documents its span keys on one page; the keys were checked against what ai 6 writes. */
const TELEMETRY_DOCS = "https://ai-sdk.dev/docs/ai-sdk-core/telemetry";
const AI6_DIST = "ai@6.0.325:dist/index.mjs";
const AI7_OTEL = "@ai-sdk/otel@1.0.185:dist/index.js";
export const VERCEL_RULES_SOURCE: Citation = `${TELEMETRY_DOCS} — the ai.* spans (ai 5 / 6, and ai 7's LegacyOpenTelemetry integration)`;

/** Operation ids only ai 7 writes (decide / extract, speech, transcription, workflow agents): no ai 6 span has them. */
const AI7_ONLY_OPERATIONS = ["ai.decide", "ai.extract", "ai.generateSpeech", "ai.transcribe", "ai.streamTranscribe", "ai.workflowAgent"];
/**
 * An `ai.*` span written by ai 7 (whose `LegacyOpenTelemetry` integration keeps the ai 6 layout): an
 * operation id only ai 7 has, or the SDK's own user agent (`ai/7.0.185`) in the recorded request
 * headers. Spans with neither (streamed calls record no headers) look exactly like ai 6 ones.
 */
const isAi7Legacy = (a: Attributes): boolean => {
  const operation = a[VERCEL.operationId];
  if (typeof operation === "string" && AI7_ONLY_OPERATIONS.some((p) => operation === p || operation.startsWith(`${p}.`))) return true;
  const agent = a["ai.request.headers.user-agent"];
  const major = typeof agent === "string" ? /(?:^|\s)ai\/(\d+)\./.exec(agent) : null;
  return major !== null && Number(major[1]) >= 7;
};
/** The Vercel AI SDK's `ai.operationId` values (ai 6; an open list, the SDK adds operations). */
const VERCEL_OPERATION_IDS: readonly string[] = Object.values(VERCEL_OPERATIONS).flat();
const VERCEL_MODEL_CALLS: ReadonlySet<string> = new Set(VERCEL_OPERATIONS.modelCalls);
const isVercelModelCall = (a: Attributes) => {
  const operation = a[VERCEL.operationId];
  return typeof operation === "string" && VERCEL_MODEL_CALLS.has(operation);
};

export const VERCEL_KEYS: Record<string, KeyRule> = {
  [VERCEL.operationId]: {
    type: "string",
    values: VERCEL_OPERATION_IDS,
    open: true,
    deprecated: {
      replacement: "the OpenTelemetry integration of @ai-sdk/otel (GenAI spans, gen_ai.operation.name)",
      when: isAi7Legacy,
      because: "an ai.* span of ai 7's LegacyOpenTelemetry integration",
    },
    spec: `${TELEMETRY_DOCS} — the operation ids; ai 7 keeps this layout only in its LegacyOpenTelemetry integration (${AI7_OTEL})`,
  },
  [VERCEL.modelId]: { type: "string", spec: TELEMETRY_DOCS },
  [VERCEL.modelProvider]: { type: "string", spec: TELEMETRY_DOCS },
  [VERCEL.prompt]: { type: "json-object", spec: TELEMETRY_DOCS },
  [VERCEL.promptMessages]: { type: "json-array", spec: TELEMETRY_DOCS },
  [VERCEL.promptTools]: { type: "string[]", spec: TELEMETRY_DOCS },
  [VERCEL.responseToolCalls]: { type: "json-array", spec: TELEMETRY_DOCS },
  [VERCEL.responseText]: { type: "string", spec: TELEMETRY_DOCS },
  [VERCEL.responseFinishReason]: { type: "string", spec: TELEMETRY_DOCS },
  // No deprecations: ai 6 still writes the AI SDK 4 spellings (promptTokens) on generateObject spans.
  ...Object.fromEntries(Object.values(VERCEL_USAGE_KEYS).flat().map((key) => [key, { type: "int", spec: `${AI6_DIST} — the usage counts ai 5 / 6 write` } satisfies KeyRule])),
};

export const VERCEL_PRESENCE: readonly PresenceRule[] = [
  { anyOf: [VERCEL.operationId], level: "required", because: "it decides the span type", spec: `${TELEMETRY_DOCS} — every ai.* span records its operation id; the parsers need it` },
  { anyOf: [VERCEL.modelId], level: "recommended", when: isVercelModelCall, because: "MLflow's model field", spec: `${TELEMETRY_DOCS} — model calls record ai.model.id; recommended so MLflow has the model` },
  { anyOf: [VERCEL.promptMessages], level: "recommended", when: isVercelModelCall, because: "MLflow's inputs (telemetry recordInputs)", spec: `${TELEMETRY_DOCS} — written when recordInputs is on (the default)` },
  { anyOf: ["ai.usage.inputTokens", "ai.usage.promptTokens"], level: "recommended", when: isVercelModelCall, because: "token usage and cost", notOnError: true, spec: `${AI6_DIST} — model calls record their usage (ai 4 / 5 spellings accepted)` },
  { anyOf: ["ai.usage.outputTokens", "ai.usage.completionTokens"], level: "recommended", when: isVercelModelCall, because: "token usage and cost", notOnError: true, spec: `${AI6_DIST} — model calls record their usage (ai 4 / 5 spellings accepted)` },
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
