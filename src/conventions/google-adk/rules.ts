import type { Attributes } from "../../canonical/span.js";
import { LLM_TYPES, type Citation, type FieldHint, type KeyRule, type PresenceRule, type RequirableField } from "../rule-types.js";
import { ADK } from "./keys.js";

const TRACING = "@google/adk@2.0.0:dist/esm/telemetry/tracing.js";
export const ADK_RULES_SOURCE: Citation = `${TRACING} — the one file that writes ADK's gcp.vertex.agent.* keys`;

const isModelCall = (a: Attributes) => typeof a[ADK.llmRequest] === "string" && a[ADK.llmRequest] !== "{}";

export const ADK_KEYS: Record<string, KeyRule> = {
  [ADK.invocationId]: { type: "string", spec: TRACING },
  [ADK.sessionId]: { type: "string", spec: TRACING },
  [ADK.eventId]: { type: "string", spec: TRACING },
};

export const ADK_PRESENCE: readonly PresenceRule[] = [
  { anyOf: [ADK.llmResponse], level: "recommended", when: isModelCall, because: "MLflow's outputs and the cache and thinking counts", notOnError: true, spec: `${TRACING} — model calls record the response (content capture on)` },
];

export const ADK_HINTS: Record<RequirableField, FieldHint> = {
  spanType: { default: "gen_ai.operation.name (or gcp.vertex.agent.llm_request on model calls)" },
  inputs: { default: null, byType: { ...LLM_TYPES("gcp.vertex.agent.llm_request (content capture on)"), TOOL: "gcp.vertex.agent.tool_call_args" } },
  outputs: { default: null, byType: { ...LLM_TYPES("gcp.vertex.agent.llm_response (content capture on)"), TOOL: "gcp.vertex.agent.tool_response" } },
  tokenUsage: { default: "gen_ai.usage.input_tokens and gen_ai.usage.output_tokens" },
  model: { default: "gen_ai.request.model" },
  provider: { default: "gcp.vertex.agent.llm_request (its model)" },
  tools: { default: "gcp.vertex.agent.llm_request (config.tools)", byType: { AGENT: null, TOOL: null } },
};
