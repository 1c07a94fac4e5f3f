import type { FieldHint, KeyRule, PresenceRule, RequirableField } from "../rule-types.js";
import { AGGREGATED_USAGE, PYDANTIC, USAGE_DETAILS } from "./keys.js";

export const PYDANTIC_KEYS: Record<string, KeyRule> = {
  [PYDANTIC.allMessages]: { type: "json-array" },
  [PYDANTIC.finalResult]: { type: "string" },
  [PYDANTIC.toolArguments]: { type: "string" },
  [PYDANTIC.toolResponse]: { type: "string" },
  [PYDANTIC.cost]: { type: "number" },
  ...Object.fromEntries([...Object.values(AGGREGATED_USAGE), ...Object.values(USAGE_DETAILS)].map((key) => [key, { type: "int" } satisfies KeyRule])),
};

const isAgentRun = (a: Record<string, unknown>) => a[PYDANTIC.operation] === "invoke_agent";

/** The GenAI rules apply to the GenAI keys of these spans; these are the agent run's own. */
export const PYDANTIC_PRESENCE: readonly PresenceRule[] = [
  { anyOf: [PYDANTIC.allMessages], level: "recommended", when: isAgentRun, because: "the run's conversation (InstrumentationSettings include_content)" },
  { anyOf: [AGGREGATED_USAGE.input_tokens, "gen_ai.usage.input_tokens"], level: "recommended", when: isAgentRun, because: "the run's token usage", notOnError: true },
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
