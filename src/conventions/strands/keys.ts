/** What Strands Agents writes beside the GenAI keys (docs/strands.md; @strands-agents/sdk 1.19.0). */
export const STRANDS_SCOPE = "strands-agents";
/** The framework's own name, written where GenAI expects the model provider. */
export const STRANDS_SYSTEM = "strands-agents";

export const STRANDS = {
  operation: "gen_ai.operation.name",
  provider: "gen_ai.provider.name",
  system: "gen_ai.system",
  model: "gen_ai.request.model",
  cycleId: "agent_loop.cycle_id",
  toolStatus: "gen_ai.tool.status",
  toolResult: "gen_ai.tool.call.result",
  systemPrompt: "system_prompt",
  eventStart: "gen_ai.event.start_time",
} as const;

/** Token counts, each with the spellings Strands writes (the latest first). */
export const STRANDS_USAGE = {
  input: ["gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens"],
  output: ["gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens"],
  total: ["gen_ai.usage.total_tokens"],
  cacheRead: ["gen_ai.usage.cache_read.input_tokens", "gen_ai.usage.cache_read_input_tokens"],
  cacheWrite: ["gen_ai.usage.cache_creation.input_tokens", "gen_ai.usage.cache_write_input_tokens"],
} as const;

export const STRANDS_EVENTS = {
  system: "gen_ai.system.message",
  user: "gen_ai.user.message",
  assistant: "gen_ai.assistant.message",
  tool: "gen_ai.tool.message",
  choice: "gen_ai.choice",
  details: "gen_ai.client.inference.operation.details",
} as const;

/** Strands' stop reasons (Bedrock Converse spelling) -> the canonical (OpenAI) finish reasons. */
export const STRANDS_FINISH: Readonly<Record<string, string>> = {
  endTurn: "stop",
  stopSequence: "stop",
  toolUse: "tool_calls",
  maxTokens: "length",
  contentFiltered: "content_filter",
  guardrailIntervened: "content_filter",
};
