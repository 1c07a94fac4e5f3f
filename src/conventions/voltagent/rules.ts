import type { Attributes } from "../../canonical/span.js";
import type { Citation, FieldHint, KeyRule, PresenceRule, RequirableField } from "../rule-types.js";
import { VOLTAGENT, VOLTAGENT_TYPES, VOLTAGENT_USAGE_KEYS } from "./keys.js";

const VOLTAGENT_CORE = "@voltagent/core@2.10.0:dist/index.mjs";
export const VOLTAGENT_RULES_SOURCE: Citation = `${VOLTAGENT_CORE} — the span.type / entity.type keys of its OTel spans`;

const isLlm = (a: Attributes) => a[VOLTAGENT.spanType] === "llm";

export const VOLTAGENT_KEYS: Record<string, KeyRule> = {
  [VOLTAGENT.spanType]: { type: "string", values: VOLTAGENT_TYPES, open: true, spec: VOLTAGENT_CORE },
  [VOLTAGENT.entityType]: { type: "string", values: VOLTAGENT_TYPES, open: true, spec: VOLTAGENT_CORE },
  [VOLTAGENT.agentMessages]: { type: "json-array", spec: VOLTAGENT_CORE },
  [VOLTAGENT.llmMessages]: { type: "json-array", spec: VOLTAGENT_CORE },
  [VOLTAGENT.llmModel]: { type: "string", spec: VOLTAGENT_CORE },
  [VOLTAGENT.agentModel]: { type: "string", spec: VOLTAGENT_CORE },
  ...Object.fromEntries(Object.values(VOLTAGENT_USAGE_KEYS).flat().map((key) => [key, { type: "int", spec: VOLTAGENT_CORE } satisfies KeyRule])),
};

export const VOLTAGENT_PRESENCE: readonly PresenceRule[] = [
  { anyOf: [VOLTAGENT.spanType, VOLTAGENT.entityType], level: "required", because: "it decides the span type", spec: `${VOLTAGENT_CORE} — every span records span.type (the agent span entity.type)` },
  { anyOf: [VOLTAGENT.llmModel], level: "recommended", when: isLlm, because: "MLflow's model field", spec: `${VOLTAGENT_CORE} — llm spans record llm.model; recommended so MLflow has it` },
  { anyOf: [VOLTAGENT.llmMessages], level: "recommended", when: isLlm, because: "MLflow's inputs", spec: `${VOLTAGENT_CORE} — llm spans record llm.messages` },
  { anyOf: ["llm.usage.prompt_tokens"], level: "recommended", when: isLlm, because: "token usage and cost", notOnError: true, spec: `${VOLTAGENT_CORE} — llm spans record llm.usage.*` },
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
