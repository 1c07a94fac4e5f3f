import type { Attributes } from "../../canonical/span.js";
import type { Citation, FieldHint, KeyRule, PresenceRule, RequirableField } from "../rule-types.js";
import { CLAUDE_CODE } from "./keys.js";
import { SPAN_TYPES } from "./tables.js";

/** Claude Code has no public source: its span keys were read from the native binary's bundled JS (docs/claude-code.md). */
const BINARY = "@anthropic-ai/claude-agent-sdk-linux-x64@0.3.337:claude";
export const CLAUDE_CODE_RULES_SOURCE: Citation = `${BINARY} — Claude Code 2.1.337's tracing (enhanced telemetry beta)`;

const isLlm = (a: Attributes) => a[CLAUDE_CODE.spanType] === "llm_request";

export const CLAUDE_CODE_KEYS: Record<string, KeyRule> = {
  [CLAUDE_CODE.spanType]: { type: "string", values: Object.keys(SPAN_TYPES), open: true, spec: BINARY },
  [CLAUDE_CODE.inputTokens]: { type: "int", spec: BINARY },
  [CLAUDE_CODE.outputTokens]: { type: "int", spec: BINARY },
  [CLAUDE_CODE.cacheReadTokens]: { type: "int", spec: BINARY },
  [CLAUDE_CODE.cacheCreationTokens]: { type: "int", spec: BINARY },
};

export const CLAUDE_CODE_PRESENCE: readonly PresenceRule[] = [
  { anyOf: [CLAUDE_CODE.spanType], level: "required", because: "it decides the span type", spec: `${BINARY} — every span records span.type (interaction, llm_request, tool, …)` },
  // Content needs ENABLE_BETA_TRACING_DETAILED=1 and BETA_TRACING_ENDPOINT (docs/claude-code.md).
  { anyOf: [CLAUDE_CODE.newContext], level: "recommended", when: isLlm, because: "MLflow's inputs (detailed beta tracing)", spec: `${BINARY} — written with ENABLE_BETA_TRACING_DETAILED and BETA_TRACING_ENDPOINT` },
  { anyOf: [CLAUDE_CODE.modelOutput], level: "recommended", when: isLlm, because: "MLflow's outputs (detailed beta tracing)", notOnError: true, spec: `${BINARY} — written with detailed beta tracing` },
];

export const CLAUDE_CODE_HINTS: Record<RequirableField, FieldHint> = {
  spanType: { default: CLAUDE_CODE.spanType },
  inputs: { default: "user_prompt (ENABLE_BETA_TRACING_DETAILED=1 + BETA_TRACING_ENDPOINT)", byType: { CHAT_MODEL: "new_context (detailed beta tracing)", TOOL: "tool_input (detailed beta tracing)" } },
  outputs: { default: null, byType: { CHAT_MODEL: "response.model_output (detailed beta tracing)", TOOL: "new_context (detailed beta tracing)" } },
  tokenUsage: { default: "gen_ai.usage.input_tokens / output_tokens (or input_tokens / output_tokens)" },
  model: { default: "gen_ai.response.model (or model)" },
  provider: { default: "gen_ai.provider.name" },
  // Claude Code records tool names and hashes only (`tools`), no schemas.
  tools: { default: null },
};
