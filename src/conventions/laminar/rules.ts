import type { Citation, FieldHint, KeyRule, PresenceRule, RequirableField } from "../rule-types.js";
import { LAMINAR } from "./keys.js";
import { SPAN_TYPES } from "./tables.js";

const LMNR = "@lmnr-ai/lmnr@0.8.46:dist/index.mjs";
export const LAMINAR_RULES_SOURCE: Citation = `${LMNR} — observe() and the lmnr.* keys`;

export const LAMINAR_KEYS: Record<string, KeyRule> = {
  [LAMINAR.type]: { type: "string", values: Object.keys(SPAN_TYPES), open: false, spec: LMNR },
  [LAMINAR.sessionId]: { type: "string", spec: LMNR },
  [LAMINAR.userId]: { type: "string", spec: LMNR },
};

// LLM spans are OpenLLMetry / GenAI spans with lmnr.* added: their own conventions' rules apply.
export const LAMINAR_PRESENCE: readonly PresenceRule[] = [];

export const LAMINAR_HINTS: Record<RequirableField, FieldHint> = {
  spanType: { default: `${LAMINAR.type} (observe({ spanType }))` },
  inputs: { default: LAMINAR.input, byType: { LLM: "gen_ai.input.messages (the instrumentation's)", CHAT_MODEL: "gen_ai.input.messages (the instrumentation's)" } },
  outputs: { default: LAMINAR.output, byType: { LLM: "gen_ai.output.messages (the instrumentation's)", CHAT_MODEL: "gen_ai.output.messages (the instrumentation's)" } },
  tokenUsage: { default: "gen_ai.usage.input_tokens and gen_ai.usage.output_tokens (the instrumentation's)" },
  model: { default: "gen_ai.request.model (the instrumentation's)" },
  provider: { default: "gen_ai.provider.name (the instrumentation's)" },
  tools: { default: "gen_ai.tool.definitions (the instrumentation's)" },
};
