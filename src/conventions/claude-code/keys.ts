/**
 * Claude Code / Claude Agent SDK tracing keys (enhanced telemetry beta; content keys need the detailed
 * tracing switches). Claude Code writes GenAI keys too (`gen_ai.operation.name`, `gen_ai.usage.*`,
 * models, provider), which the GenAI parser reads after this one; its own keys are bare.
 *
 * Source: the keys `@anthropic-ai/claude-agent-sdk@0.3.337` (Claude Code 2.1.337) writes, captured in
 * fixtures/claude-code/ (docs/claude-code.md lists them), and MLflow's notes on its `claude_code`
 * translator (shared/conventions/mlflow.md 2.4).
 */
import type { DetectRule } from "../types.js";

export const CLAUDE_CODE = {
  /** interaction, llm_request, tool, tool.blocked_on_user, tool.execution (bare; some builds prefix `claude_code.`). */
  spanType: "span.type",
  /** Interaction: the user's prompt. */
  userPrompt: "user_prompt",
  /** Labelled text of what is new in the context: `[USER]\n…`, `[TOOL RESULT: <id>]\n…`. */
  newContext: "new_context",
  /** LLM request: the assistant's reply text (tool calls are not in it). */
  modelOutput: "response.model_output",
  /** Anthropic stop reason: end_turn, tool_use, max_tokens, stop_sequence. */
  stopReason: "stop_reason",
  /** Tool: `[TOOL INPUT: <tool>]\n<JSON arguments>`. */
  toolInput: "tool_input",
  model: "model",
  /** Anthropic's own counts: `input_tokens` EXCLUDES the cache reads and writes. */
  inputTokens: "input_tokens",
  outputTokens: "output_tokens",
  cacheReadTokens: "cache_read_tokens",
  cacheCreationTokens: "cache_creation_tokens",
  /** GenAI's input count, which Claude Code writes INCLUDING the cache. */
  genaiInputTokens: "gen_ai.usage.input_tokens",
} as const;

/** Values marking redacted content (MLflow treats them as absent). */
export const REDACTED = "<REDACTED>";

/**
 * Detection: Claude Code's own keys. Not `span.type` (VoltAgent's key too, and VoltAgent owns it) nor
 * the generic `model` / `input_tokens`: every Claude Code span carries `anthropic.provider` and
 * `anthropic.custom_base_url`, and the content keys are its own.
 */
export const CLAUDE_CODE_DETECTION: readonly DetectRule[] = [
  { prefix: "anthropic.provider", exact: true },
  { prefix: "anthropic.custom_base_url", exact: true },
  { prefix: "interaction." },
  { prefix: "llm_request." },
  ...[CLAUDE_CODE.userPrompt, CLAUDE_CODE.newContext, CLAUDE_CODE.modelOutput, CLAUDE_CODE.toolInput, CLAUDE_CODE.cacheReadTokens, CLAUDE_CODE.cacheCreationTokens, "system_prompt_preview"].map(
    (prefix) => ({ prefix, exact: true }),
  ),
];
