import type { Citation, FieldHint, KeyRule, PresenceRule, RequirableField } from "../rule-types.js";
import { AGGREGATED_USAGE, PYDANTIC, USAGE_DETAILS } from "./keys.js";

const PYDANTIC_REPO = "pydantic/pydantic-ai@4fda389";
const AGENT_SPANS = `${PYDANTIC_REPO}:pydantic_ai_slim/pydantic_ai/capabilities/instrumentation.py`;
const MODEL_SPANS = `${PYDANTIC_REPO}:pydantic_ai_slim/pydantic_ai/models/instrumented.py`;
export const PYDANTIC_RULES_SOURCE: Citation = `${MODEL_SPANS} — InstrumentationSettings (format version 5) and the agent-run keys`;

export const PYDANTIC_KEYS: Record<string, KeyRule> = {
  [PYDANTIC.allMessages]: { type: "json-array", spec: AGENT_SPANS },
  [PYDANTIC.finalResult]: { type: "string", spec: AGENT_SPANS },
  [PYDANTIC.toolArguments]: { type: "string", spec: AGENT_SPANS },
  [PYDANTIC.toolResponse]: { type: "string", spec: AGENT_SPANS },
  [PYDANTIC.cost]: { type: "number", spec: AGENT_SPANS },
  ...Object.fromEntries(Object.values(AGGREGATED_USAGE).map((key) => [key, { type: "int", spec: AGENT_SPANS } satisfies KeyRule])),
  ...Object.fromEntries(Object.values(USAGE_DETAILS).map((key) => [key, { type: "int", spec: `${MODEL_SPANS} — provider usage details` } satisfies KeyRule])),
};

const isAgentRun = (a: Record<string, unknown>) => a[PYDANTIC.operation] === "invoke_agent";

/** The GenAI rules apply to the GenAI keys of these spans; these are the agent run's own. */
export const PYDANTIC_PRESENCE: readonly PresenceRule[] = [
  { anyOf: [PYDANTIC.allMessages], level: "recommended", when: isAgentRun, because: "the run's conversation (InstrumentationSettings include_content)", spec: `${AGENT_SPANS} — agent runs record all_messages_events when content is included` },
  { anyOf: [AGGREGATED_USAGE.input_tokens, "gen_ai.usage.input_tokens"], level: "recommended", when: isAgentRun, because: "the run's token usage", notOnError: true, spec: `${AGENT_SPANS} — agent runs record the summed usage` },
];

export const PYDANTIC_HINTS: Record<RequirableField, FieldHint> = {
  spanType: { default: "gen_ai.operation.name" },
  inputs: { default: "gen_ai.input.messages", byType: { AGENT: PYDANTIC.allMessages, TOOL: "gen_ai.tool.call.arguments (v2: tool_arguments)" } },
  outputs: { default: "gen_ai.output.messages", byType: { AGENT: `${PYDANTIC.finalResult} or ${PYDANTIC.allMessages}`, TOOL: "gen_ai.tool.call.result (v2: tool_response)" } },
  tokenUsage: { default: "gen_ai.usage.input_tokens and gen_ai.usage.output_tokens", byType: { AGENT: AGGREGATED_USAGE.input_tokens } },
  model: { default: "gen_ai.request.model" },
  provider: { default: "gen_ai.provider.name" },
  tools: { default: "gen_ai.tool.definitions", byType: { AGENT: null, TOOL: null } },
};
