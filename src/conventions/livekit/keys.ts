/**
 * LiveKit Agents' own keys (`lk.*`, `livekit-agents/.../telemetry/trace_types.py`, `@livekit/agents`
 * `dist/telemetry/trace_types.js`). Content keys have two spellings: 1.x releases of late 2025 on write
 * `lk.pii.<x>`, earlier ones `lk.<x>`; each list is read newest first.
 */
import type { DetectRule } from "../types.js";

export const LK = {
  chatCtx: ["lk.pii.chat_ctx", "lk.chat_ctx"],
  responseText: ["lk.pii.response.text", "lk.response.text"],
  responseFunctionCalls: ["lk.pii.response.function_calls", "lk.response.function_calls"],
  userInput: ["lk.pii.user_input", "lk.user_input"],
  userTranscript: ["lk.pii.user_transcript", "lk.user_transcript"],
  inputText: ["lk.pii.input_text", "lk.input_text"],
  toolArguments: ["lk.pii.function_tool.arguments", "lk.function_tool.arguments"],
  toolOutput: ["lk.pii.function_tool.output", "lk.function_tool.output"],
  toolIsError: "lk.function_tool.is_error",
  retryCount: "lk.retry_count",
  /** Keys that mark an agent span (MLflow's LiveKit rules agree). */
  agentKeys: ["lk.agent_name", "lk.instructions", "lk.pii.instructions", "lk.generation_id"],
  toolPrefixes: ["lk.function_tool.", "lk.pii.function_tool."],
} as const;

export const LK_DETECTION: readonly DetectRule[] = [{ prefix: "lk." }];
