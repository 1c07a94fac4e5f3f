import type { Attributes } from "../../canonical/span.js";
import type { FieldHint, KeyRule, PresenceRule, RequirableField } from "../rule-types.js";
import { LANGFUSE, LANGFUSE_LEVELS, LANGFUSE_TYPES } from "./keys.js";

const isGeneration = (a: Attributes) => a[LANGFUSE.type] === "generation" || a[LANGFUSE.type] === "embedding";

export const LANGFUSE_KEYS: Record<string, KeyRule> = {
  [LANGFUSE.type]: { type: "string", values: LANGFUSE_TYPES, open: false },
  [LANGFUSE.model]: { type: "string" },
  [LANGFUSE.modelParameters]: { type: "json-object" },
  [LANGFUSE.usageDetails]: { type: "json-object" },
  [LANGFUSE.costDetails]: { type: "json-object" },
  [LANGFUSE.level]: { type: "string", values: LANGFUSE_LEVELS, open: false },
  [LANGFUSE.statusMessage]: { type: "string" },
};

export const LANGFUSE_PRESENCE: readonly PresenceRule[] = [
  { anyOf: [LANGFUSE.type], level: "required", because: "it decides the span type" },
  { anyOf: [LANGFUSE.model], level: "recommended", when: isGeneration, because: "MLflow's model field" },
  { anyOf: [LANGFUSE.usageDetails], level: "recommended", when: isGeneration, because: "token usage and cost", notOnError: true },
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
