import type { Attributes } from "../../canonical/span.js";
import type { Citation, FieldHint, KeyRule, PresenceRule, RequirableField } from "../rule-types.js";
import { LANGFUSE, LANGFUSE_LEVELS, LANGFUSE_TYPES } from "./keys.js";

const LANGFUSE_CORE = "@langfuse/core@5.11.1:dist/index.mjs";
export const LANGFUSE_RULES_SOURCE: Citation = `${LANGFUSE_CORE} — LangfuseOtelSpanAttributes`;

const isGeneration = (a: Attributes) => a[LANGFUSE.type] === "generation" || a[LANGFUSE.type] === "embedding";

export const LANGFUSE_KEYS: Record<string, KeyRule> = {
  [LANGFUSE.type]: { type: "string", values: LANGFUSE_TYPES, open: false, spec: LANGFUSE_CORE },
  [LANGFUSE.model]: { type: "string", spec: LANGFUSE_CORE },
  [LANGFUSE.modelParameters]: { type: "json-object", spec: LANGFUSE_CORE },
  [LANGFUSE.usageDetails]: { type: "json-object", spec: LANGFUSE_CORE },
  [LANGFUSE.costDetails]: { type: "json-object", spec: LANGFUSE_CORE },
  [LANGFUSE.level]: { type: "string", values: LANGFUSE_LEVELS, open: false, spec: LANGFUSE_CORE },
  [LANGFUSE.statusMessage]: { type: "string", spec: LANGFUSE_CORE },
};

export const LANGFUSE_PRESENCE: readonly PresenceRule[] = [
  { anyOf: [LANGFUSE.type], level: "required", because: "it decides the span type", spec: `${LANGFUSE_CORE} — every observation records its type` },
  { anyOf: [LANGFUSE.model], level: "recommended", when: isGeneration, because: "MLflow's model field", spec: `${LANGFUSE_CORE} — generations record their model; recommended so MLflow has it` },
  { anyOf: [LANGFUSE.usageDetails], level: "recommended", when: isGeneration, because: "token usage and cost", notOnError: true, spec: `${LANGFUSE_CORE} — generations record usage details` },
];

export const LANGFUSE_HINTS: Record<RequirableField, FieldHint> = {
  spanType: { default: LANGFUSE.type },
  inputs: { default: LANGFUSE.input },
  outputs: { default: LANGFUSE.output },
  tokenUsage: { default: LANGFUSE.usageDetails },
  model: { default: LANGFUSE.model },
  // Langfuse has no provider key; only observeOpenAI's span names (`OpenAI.*`) tell it.
  provider: { default: null },
  tools: { default: `${LANGFUSE.input} ({"messages": [...], "tools": [...]})` },
};
