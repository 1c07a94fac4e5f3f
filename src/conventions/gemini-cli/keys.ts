/**
 * Gemini CLI writes only `gen_ai.*` keys (`packages/core/src/telemetry/trace.ts`, `constants.ts` of
 * google-gemini/gemini-cli), with Gemini-shaped content and operations of its own. What marks its
 * spans is `gen_ai.agent.name = "gemini-cli"`, on every span (`runInDevTraceSpan` sets it at the end).
 */
import type { ValueRule } from "../types.js";

export const GEMINI_CLI = {
  agentName: "gen_ai.agent.name",
  agentValue: "gemini-cli",
  operation: "gen_ai.operation.name",
  inputMessages: "gen_ai.input.messages",
  outputMessages: "gen_ai.output.messages",
  systemInstructions: "gen_ai.system_instructions",
  toolDefinitions: "gen_ai.tool.definitions",
  requestModel: "gen_ai.request.model",
} as const;

/** The CLI's operations (`GeminiCliOperation`) and their span types. */
export const GEMINI_CLI_OPERATIONS = {
  llm_call: "CHAT_MODEL",
  tool_call: "TOOL",
  agent_call: "AGENT",
  schedule_tool_calls: "CHAIN",
  user_prompt: "CHAIN",
  system_prompt: "CHAIN",
} as const;

export const GEMINI_CLI_DETECT_VALUES: readonly ValueRule[] = [{ key: GEMINI_CLI.agentName, value: GEMINI_CLI.agentValue }];
