import type { Attributes } from "../../canonical/span.js";
import type { FieldHint, KeyRule, PresenceRule, RequirableField } from "../rule-types.js";
import { VOLTAGENT, VOLTAGENT_TYPES, VOLTAGENT_USAGE_KEYS } from "./keys.js";

const isLlm = (a: Attributes) => a[VOLTAGENT.spanType] === "llm";

export const VOLTAGENT_KEYS: Record<string, KeyRule> = {
  [VOLTAGENT.spanType]: { type: "string", values: VOLTAGENT_TYPES, open: true },
  [VOLTAGENT.entityType]: { type: "string", values: VOLTAGENT_TYPES, open: true },
  [VOLTAGENT.agentMessages]: { type: "json-array" },
  [VOLTAGENT.llmMessages]: { type: "json-array" },
  [VOLTAGENT.llmModel]: { type: "string" },
  [VOLTAGENT.agentModel]: { type: "string" },
  ...Object.fromEntries(Object.values(VOLTAGENT_USAGE_KEYS).flat().map((key) => [key, { type: "int" } satisfies KeyRule])),
};

export const VOLTAGENT_PRESENCE: readonly PresenceRule[] = [
  { anyOf: [VOLTAGENT.spanType, VOLTAGENT.entityType], level: "required", because: "it decides the span type" },
  { anyOf: [VOLTAGENT.llmModel], level: "recommended", when: isLlm, because: "MLflow's model field" },
  { anyOf: [VOLTAGENT.llmMessages], level: "recommended", when: isLlm, because: "MLflow's inputs" },
  { anyOf: ["llm.usage.prompt_tokens"], level: "recommended", when: isLlm, because: "token usage and cost", notOnError: true },
];

export const VOLTAGENT_HINTS: Record<RequirableField, FieldHint> = {
  spanType: { default: "span.type (or entity.type on the agent span)" },
  inputs: { default: "input", byType: { AGENT: "agent.messages", LLM: "llm.messages" } },
  // The llm span records no reply; the agent span has the answer in `output`.
  outputs: { default: "output", byType: { LLM: null } },
  tokenUsage: { default: "usage.prompt_tokens and usage.completion_tokens", byType: { LLM: "llm.usage.prompt_tokens and llm.usage.completion_tokens" } },
  model: { default: "llm.model (or ai.model.name on the agent span)" },
  provider: { default: null },
  tools: { default: "llm.tools (names only)" },
};
