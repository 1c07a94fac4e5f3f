import { LLM_TYPES, type Citation, type FieldHint, type KeyRule, type PresenceRule, type RequirableField } from "../rule-types.js";
import { GEMINI_CLI, GEMINI_CLI_OPERATIONS } from "./keys.js";

/**
 * The gemini-cli repository's files at the release the captures ran (npm @google/gemini-cli 0.61.0, one
 * bundle whose source comments name these paths).
 */
const TRACE = "google-gemini/gemini-cli@v0.61.0:packages/core/src/telemetry/trace.ts";
const CONSTANTS = "google-gemini/gemini-cli@v0.61.0:packages/core/src/telemetry/constants.ts";
export const GEMINI_CLI_RULES_SOURCE: Citation = `${TRACE} — runInDevTraceSpan, the keys of every Gemini CLI span`;

export const GEMINI_CLI_KEYS: Record<string, KeyRule> = {
  [GEMINI_CLI.operation]: { type: "string", values: Object.keys(GEMINI_CLI_OPERATIONS), open: true, spec: `${CONSTANTS} — the GeminiCliOperation values` },
};

export const GEMINI_CLI_PRESENCE: readonly PresenceRule[] = [
  { anyOf: [GEMINI_CLI.operation], level: "required", because: "it decides the span type", spec: `${TRACE} — every span records gen_ai.operation.name` },
];

// Content is recorded only with telemetry traces on and logPrompts not false.
export const GEMINI_CLI_HINTS: Record<RequirableField, FieldHint> = {
  spanType: { default: "gen_ai.operation.name" },
  inputs: { default: "gen_ai.input.messages (telemetry traces on, logPrompts)" },
  outputs: { default: "gen_ai.output.messages (telemetry traces on, logPrompts)" },
  tokenUsage: { default: "gen_ai.usage.input_tokens and gen_ai.usage.output_tokens" },
  model: { default: "gen_ai.request.model" },
  provider: { default: "gen_ai.request.model (the provider follows from it)" },
  tools: { default: null, byType: LLM_TYPES("gen_ai.tool.definitions") },
};
