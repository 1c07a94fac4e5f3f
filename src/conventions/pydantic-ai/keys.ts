/** The keys Pydantic AI writes beside the GenAI ones (docs/pydantic-ai.md, pydantic-ai 2.33.0 source). */
export const PYDANTIC = {
  allMessages: "pydantic_ai.all_messages",
  finalResult: "final_result",
  systemInstructions: "gen_ai.system_instructions",
  operation: "gen_ai.operation.name",
  /** Version 2 tool spans (`running tool`): the GenAI `gen_ai.tool.call.*` keys under other names. */
  toolArguments: "tool_arguments",
  toolResponse: "tool_response",
  metadata: "metadata",
  conversation: "gen_ai.conversation.id",
  cost: "operation.cost",
} as const;

/** The run total on agent spans: the sum of the run's requests, under names that are not `gen_ai.usage.*`. */
export const AGGREGATED_USAGE = {
  input_tokens: "gen_ai.aggregated_usage.input_tokens",
  output_tokens: "gen_ai.aggregated_usage.output_tokens",
  cache_read_input_tokens: "gen_ai.aggregated_usage.cache_read.input_tokens",
  cache_creation_input_tokens: "gen_ai.aggregated_usage.cache_creation.input_tokens",
  reasoning_tokens: "gen_ai.aggregated_usage.details.reasoning_tokens",
  input_audio_tokens: "gen_ai.aggregated_usage.details.input_audio_tokens",
  output_audio_tokens: "gen_ai.aggregated_usage.details.output_audio_tokens",
} as const;

/** Provider extras on model spans that have a canonical field (the rest stay attributes). */
export const USAGE_DETAILS = {
  reasoning_tokens: "gen_ai.usage.details.reasoning_tokens",
  input_audio_tokens: "gen_ai.usage.details.input_audio_tokens",
  output_audio_tokens: "gen_ai.usage.details.output_audio_tokens",
} as const;

export const PYDANTIC_SCOPE = "pydantic-ai";
