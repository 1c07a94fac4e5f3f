/**
 * VoltAgent (`@voltagent/core`) attribute keys. VoltAgent's own tracer writes one span per agent call
 * (`entity.type = agent`), and under it `llm:<operation>`, `tool.execution:<tool>` and `memory.*`
 * spans marked by `span.type`. Its keys are bare (`input`, `output`, `usage.*`, `llm.*`) and some look
 * like other conventions' (`ai.model.name`, `llm.finish_reason`).
 *
 * Sources: `@voltagent/core@2.10.0` (`dist/index.mjs`, its observability module) and the captured
 * fixtures in fixtures/voltagent/ (docs/voltagent.md lists every key with examples).
 */
import type { DetectRule } from "../types.js";

export const VOLTAGENT = {
  /** Child spans: llm, tool, memory (also workflow steps in other releases). */
  spanType: "span.type",
  /** The agent's own type on every span of its call (children repeat `agent`). */
  entityType: "entity.type",
  /** Agent span: the user's input text; tool and memory spans: JSON of the arguments. */
  input: "input",
  /** Agent span: the final answer text; tool and memory spans: JSON of the result. */
  output: "output",
  /** JSON list of the AI SDK model messages of the call (agent span). */
  agentMessages: "agent.messages",
  /** JSON list of the last model messages sent (llm span), `{role, content}` only. */
  llmMessages: "llm.messages",
  llmModel: "llm.model",
  agentModel: "ai.model.name",
  llmTemperature: "llm.temperature",
  llmMaxTokens: "llm.max_output_tokens",
  agentTemperature: "ai.model.temperature",
  agentMaxTokens: "ai.model.max_tokens",
  llmStream: "llm.stream",
  /** Comma-separated tool names offered to the model (no schemas). */
  llmTools: "llm.tools",
  agentFinishReason: "ai.response.finish_reason",
  llmFinishReason: "llm.finish_reason",
  operationId: "voltagent.operation_id",
  conversationId: "voltagent.conversation_id",
} as const;

export const VOLTAGENT_TYPES = ["agent", "llm", "tool", "memory"] as const;

/**
 * Token counts, preferred spelling first. The agent span's `usage.*` is the call's total over every
 * model request; the llm span's `llm.usage.*` is its LAST request only. `prompt_tokens` is the AI SDK 6
 * `inputTokens.total`, which already includes cache reads and writes; `cached_tokens` is the cache read.
 */
export const VOLTAGENT_USAGE_KEYS = {
  input_tokens: ["usage.prompt_tokens", "llm.usage.prompt_tokens"],
  output_tokens: ["usage.completion_tokens", "llm.usage.completion_tokens"],
  total_tokens: ["usage.total_tokens", "llm.usage.total_tokens"],
  cache_read_input_tokens: ["usage.cached_tokens", "llm.usage.cached_tokens"],
  reasoning_tokens: ["usage.reasoning_tokens", "llm.usage.reasoning_tokens"],
} as const;

/**
 * Detection: VoltAgent's own keys, exactly (`span.type`, `entity.type`, the `llm.*` / `usage.*` /
 * `ai.model.*` keys it writes), so they win over the shorter `llm.` and `ai.model.` prefixes of
 * OpenInference and the AI SDK. Not the bare `input` / `output`, nor `llm.usage.*` (OpenLLMetry's
 * `llm.usage.total_tokens` is the same spelling): those are read once the span is VoltAgent's.
 */
export const VOLTAGENT_DETECTION: readonly DetectRule[] = [
  { prefix: "voltagent." },
  { prefix: "usage.prompt_context." },
  ...[
    VOLTAGENT.spanType,
    VOLTAGENT.entityType,
    VOLTAGENT.agentMessages,
    VOLTAGENT.llmMessages,
    "llm.messages.count",
    "llm.operation",
    VOLTAGENT.llmModel,
    VOLTAGENT.llmStream,
    VOLTAGENT.llmTemperature,
    VOLTAGENT.llmMaxTokens,
    "llm.max_retries",
    "llm.attempt",
    "llm.model_index",
    "llm.provider_options",
    VOLTAGENT.llmTools,
    "llm.tools.count",
    VOLTAGENT.agentModel,
    VOLTAGENT.agentTemperature,
    VOLTAGENT.agentMaxTokens,
    VOLTAGENT.agentFinishReason,
    // The agent's `usage.*`; not the llm span's `llm.usage.*`, which are OpenLLMetry's spellings too.
    ...Object.values(VOLTAGENT_USAGE_KEYS).flat().filter((key) => key.startsWith("usage.")),
  ].map((prefix) => ({ prefix, exact: true })),
];
