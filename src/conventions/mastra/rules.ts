import type { Citation, FieldHint, KeyRule, PresenceRule, RequirableField } from "../rule-types.js";
import { MASTRA, MASTRA_SPAN_TYPES } from "./keys.js";

const MASTRA_EXPORTER = "@mastra/otel-exporter@1.4.0:dist/index.js";
export const MASTRA_RULES_SOURCE: Citation = `${MASTRA_EXPORTER} — the mastra.* keys of the OTel exporter`;

export const MASTRA_KEYS: Record<string, KeyRule> = {
  [MASTRA.spanType]: { type: "string", values: Object.keys(MASTRA_SPAN_TYPES), open: true, spec: MASTRA_EXPORTER },
  [MASTRA.stepInput]: { type: "json-array", spec: MASTRA_EXPORTER },
};

export const MASTRA_PRESENCE: readonly PresenceRule[] = [{ anyOf: [MASTRA.spanType], level: "recommended", because: "it decides the span type", spec: `${MASTRA_EXPORTER} — every span records mastra.span.type` }];

export const MASTRA_HINTS: Record<RequirableField, FieldHint> = {
  spanType: { default: MASTRA.spanType },
  inputs: {
    default: MASTRA.agentInput,
    byType: { LLM: MASTRA.generationInput, CHAIN: MASTRA.stepInput, TOOL: "gen_ai.tool.call.arguments", CHAT_MODEL: null },
  },
  outputs: {
    default: MASTRA.agentOutput,
    byType: { LLM: MASTRA.generationOutput, CHAIN: MASTRA.stepOutput, TOOL: "gen_ai.tool.call.result", CHAT_MODEL: "gen_ai.output.messages" },
  },
  tokenUsage: { default: "gen_ai.usage.input_tokens and gen_ai.usage.output_tokens" },
  model: { default: "gen_ai.request.model" },
  provider: { default: "gen_ai.provider.name" },
  tools: { default: null },
};
