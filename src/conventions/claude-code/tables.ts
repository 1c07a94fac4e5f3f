import type { SpanType } from "../../canonical/span.js";

/**
 * `span.type` -> span type (MLflow's claude_code translator maps the same way): the permission wait
 * `tool.blocked_on_user` is TOOL as in MLflow, being part of running the tool.
 */
export const SPAN_TYPES: Readonly<Record<string, SpanType>> = {
  interaction: "AGENT",
  llm_request: "CHAT_MODEL",
  tool: "TOOL",
  "tool.execution": "TOOL",
  "tool.blocked_on_user": "TOOL",
};

/** Anthropic stop reasons -> the canonical (OpenAI) finish reasons. */
export const STOP_REASONS: Readonly<Record<string, string>> = {
  end_turn: "stop",
  stop_sequence: "stop",
  tool_use: "tool_calls",
  max_tokens: "length",
  refusal: "content_filter",
};
