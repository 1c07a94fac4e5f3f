import type { Citation, FieldHint, KeyRule, PresenceRule, RequirableField } from "../rule-types.js";
import { STRANDS, STRANDS_USAGE } from "./keys.js";

const STRANDS_TRACER = "@strands-agents/sdk@1.19.0:dist/src/telemetry/tracer.js";
export const STRANDS_RULES_SOURCE: Citation = `${STRANDS_TRACER} — the spans and keys Strands writes beside GenAI ones`;

export const STRANDS_KEYS: Record<string, KeyRule> = {
  [STRANDS.cycleId]: { type: "string", spec: STRANDS_TRACER },
  [STRANDS.toolStatus]: { type: "string", values: ["success", "error"], open: true, spec: STRANDS_TRACER },
  [STRANDS.systemPrompt]: { type: "string", spec: STRANDS_TRACER },
  ...Object.fromEntries([...STRANDS_USAGE.cacheWrite.slice(1)].map((key) => [key, { type: "int", spec: STRANDS_TRACER } satisfies KeyRule])),
};

/** The GenAI rules check the GenAI keys; Strands adds none that a span must have. */
export const STRANDS_PRESENCE: readonly PresenceRule[] = [];

export const STRANDS_HINTS: Record<RequirableField, FieldHint> = {
  spanType: { default: "gen_ai.operation.name" },
  inputs: { default: "content events (Strands telemetry on: gen_ai.user.message, or operation.details in latest mode)", byType: { TOOL: "gen_ai.tool.message event or gen_ai.tool.call.arguments" } },
  outputs: { default: "gen_ai.choice event (or gen_ai.output.messages in an operation.details event)", byType: { TOOL: "gen_ai.choice event or gen_ai.tool.call.result" } },
  tokenUsage: { default: "gen_ai.usage.input_tokens and gen_ai.usage.output_tokens" },
  model: { default: "gen_ai.request.model" },
  // Strands writes its own name where the provider goes: no attribute it writes gives the provider.
  provider: { default: null },
  tools: { default: null },
};
