/**
 * OTel GenAI semantic conventions (`gen_ai.*`): attribute keys, event names and zod schemas of the
 * structured message JSON.
 *
 * Key constants come from `@opentelemetry/semantic-conventions/incubating` (1.45). That release marks
 * every `gen_ai.*` constant `@deprecated` only because the GenAI conventions moved to their own
 * repository (open-telemetry/semantic-conventions-genai); the keys themselves are current. Keys the
 * package does not have (variants seen in real instrumentations) are spelled out below.
 *
 * Message schemas are pinned to the JSON schemas in open-telemetry/semantic-conventions-genai
 * `model/gen-ai/gen-ai-input-messages.json`, `gen-ai-output-messages.json`,
 * `gen-ai-system-instructions.json` and `gen-ai-tool-definitions.json` at commit 2b902ce14e7f
 * (the successor of open-telemetry/semantic-conventions v1.39/v1.40 `docs/gen-ai/*.json`; the part
 * types there are a subset of these). Our schemas are written from those files, not copied.
 * They are at least as strict as the official ones for every part type we write, so JSON that passes
 * them passes the official schemas. One deliberate difference: older releases required
 * `finish_reason` on every output message; the pinned one makes it optional (and deprecated in
 * favour of `gen_ai.response.finish_reasons`). The emitter always writes it, so its output passes both.
 */
import { ATTR_GEN_AI_AGENT_DESCRIPTION, ATTR_GEN_AI_AGENT_ID, ATTR_GEN_AI_AGENT_NAME, ATTR_GEN_AI_COMPLETION, ATTR_GEN_AI_CONVERSATION_ID, ATTR_GEN_AI_INPUT_MESSAGES, ATTR_GEN_AI_OPENAI_REQUEST_RESPONSE_FORMAT, ATTR_GEN_AI_OPENAI_REQUEST_SEED, ATTR_GEN_AI_OPENAI_REQUEST_SERVICE_TIER, ATTR_GEN_AI_OPENAI_RESPONSE_SERVICE_TIER, ATTR_GEN_AI_OPENAI_RESPONSE_SYSTEM_FINGERPRINT, ATTR_GEN_AI_OPERATION_NAME, ATTR_GEN_AI_OUTPUT_MESSAGES, ATTR_GEN_AI_OUTPUT_TYPE, ATTR_GEN_AI_PROMPT, ATTR_GEN_AI_PROVIDER_NAME, ATTR_GEN_AI_REQUEST_MODEL, ATTR_GEN_AI_RESPONSE_FINISH_REASONS, ATTR_GEN_AI_RESPONSE_ID, ATTR_GEN_AI_RESPONSE_MODEL, ATTR_GEN_AI_SYSTEM, ATTR_GEN_AI_SYSTEM_INSTRUCTIONS, ATTR_GEN_AI_TOOL_CALL_ARGUMENTS, ATTR_GEN_AI_TOOL_CALL_ID, ATTR_GEN_AI_TOOL_CALL_RESULT, ATTR_GEN_AI_RETRIEVAL_DOCUMENTS, ATTR_GEN_AI_RETRIEVAL_QUERY_TEXT, ATTR_GEN_AI_TOOL_DEFINITIONS, ATTR_GEN_AI_TOOL_DESCRIPTION, ATTR_GEN_AI_TOOL_NAME, ATTR_GEN_AI_TOOL_TYPE, ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS, ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS, ATTR_GEN_AI_USAGE_COMPLETION_TOKENS, ATTR_GEN_AI_USAGE_INPUT_TOKENS, ATTR_GEN_AI_USAGE_OUTPUT_TOKENS, ATTR_GEN_AI_USAGE_PROMPT_TOKENS, ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS, EVENT_GEN_AI_ASSISTANT_MESSAGE, EVENT_GEN_AI_CHOICE, EVENT_GEN_AI_CLIENT_INFERENCE_OPERATION_DETAILS, EVENT_GEN_AI_SYSTEM_MESSAGE, EVENT_GEN_AI_TOOL_MESSAGE, EVENT_GEN_AI_USER_MESSAGE } from "@opentelemetry/semantic-conventions/incubating";
import type { DetectRule } from "../types.js";
export const GENAI_DETECTION: readonly DetectRule[] = [{ prefix: "gen_ai." }];

/** Span events (and log records) whose name marks GenAI content. */
export const GENAI_EVENT_PREFIX = "gen_ai.";

/** Attribute keys, named after what they hold. */
export const GENAI = {
  operation: ATTR_GEN_AI_OPERATION_NAME,
  provider: ATTR_GEN_AI_PROVIDER_NAME,
  requestModel: ATTR_GEN_AI_REQUEST_MODEL,
  responseModel: ATTR_GEN_AI_RESPONSE_MODEL,
  responseId: ATTR_GEN_AI_RESPONSE_ID,
  finishReasons: ATTR_GEN_AI_RESPONSE_FINISH_REASONS,
  inputMessages: ATTR_GEN_AI_INPUT_MESSAGES,
  outputMessages: ATTR_GEN_AI_OUTPUT_MESSAGES,
  systemInstructions: ATTR_GEN_AI_SYSTEM_INSTRUCTIONS,
  toolDefinitions: ATTR_GEN_AI_TOOL_DEFINITIONS,
  outputType: ATTR_GEN_AI_OUTPUT_TYPE,
  conversationId: ATTR_GEN_AI_CONVERSATION_ID,
  agentName: ATTR_GEN_AI_AGENT_NAME,
  agentId: ATTR_GEN_AI_AGENT_ID,
  agentDescription: ATTR_GEN_AI_AGENT_DESCRIPTION,
  toolName: ATTR_GEN_AI_TOOL_NAME,
  toolCallId: ATTR_GEN_AI_TOOL_CALL_ID,
  toolType: ATTR_GEN_AI_TOOL_TYPE,
  toolDescription: ATTR_GEN_AI_TOOL_DESCRIPTION,
  toolCallArguments: ATTR_GEN_AI_TOOL_CALL_ARGUMENTS,
  toolCallResult: ATTR_GEN_AI_TOOL_CALL_RESULT,
  /** Retrieval spans: the query text, and the documents as JSON `[{id, score, ...}]`. */
  retrievalQueryText: ATTR_GEN_AI_RETRIEVAL_QUERY_TEXT,
  retrievalDocuments: ATTR_GEN_AI_RETRIEVAL_DOCUMENTS,
  /** Newest spec (semantic-conventions-genai): the number of documents asked of a retrieval. */
  retrievalTopK: "gen_ai.retrieval.top_k",
  /**
   * Memory operations (newest spec, span `gen_ai.memory.client`): the search text, and the records
   * stored or found as JSON `[{content, id?, metadata?, score?}]` (gen-ai-memory-records.json).
   */
  memoryQueryText: "gen_ai.memory.query.text",
  memoryRecords: "gen_ai.memory.records",
  inputTokens: ATTR_GEN_AI_USAGE_INPUT_TOKENS,
  outputTokens: ATTR_GEN_AI_USAGE_OUTPUT_TOKENS,
  cacheReadTokens: ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS,
  cacheCreationTokens: ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS,
  /** The newest spec name of the cache-creation count (semantic-conventions-genai), not yet in a release. */
  cacheWriteTokens: "gen_ai.usage.cache_write.input_tokens",
  /** Per-modality counts of the newest spec (semantic-conventions-genai), sub-counts of input / output. */
  audioInputTokens: "gen_ai.usage.audio.input_tokens",
  audioOutputTokens: "gen_ai.usage.audio.output_tokens",
  reasoningTokens: ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS,
  /** Not in the spec; OpenLLMetry 0.27+ writes it. */
  totalTokens: "gen_ai.usage.total_tokens",
  // Deprecated keys (the replacement is named in the registry).
  system: ATTR_GEN_AI_SYSTEM,
  promptTokens: ATTR_GEN_AI_USAGE_PROMPT_TOKENS,
  completionTokens: ATTR_GEN_AI_USAGE_COMPLETION_TOKENS,
  prompt: ATTR_GEN_AI_PROMPT,
  completion: ATTR_GEN_AI_COMPLETION,
  openaiSeed: ATTR_GEN_AI_OPENAI_REQUEST_SEED,
  openaiResponseFormat: ATTR_GEN_AI_OPENAI_REQUEST_RESPONSE_FORMAT,
  openaiRequestServiceTier: ATTR_GEN_AI_OPENAI_REQUEST_SERVICE_TIER,
  openaiResponseServiceTier: ATTR_GEN_AI_OPENAI_RESPONSE_SERVICE_TIER,
  openaiSystemFingerprint: ATTR_GEN_AI_OPENAI_RESPONSE_SYSTEM_FINGERPRINT,
} as const;

export const GENAI_EVENTS = {
  system: EVENT_GEN_AI_SYSTEM_MESSAGE,
  user: EVENT_GEN_AI_USER_MESSAGE,
  assistant: EVENT_GEN_AI_ASSISTANT_MESSAGE,
  tool: EVENT_GEN_AI_TOOL_MESSAGE,
  choice: EVENT_GEN_AI_CHOICE,
  operationDetails: EVENT_GEN_AI_CLIENT_INFERENCE_OPERATION_DETAILS,
} as const;
