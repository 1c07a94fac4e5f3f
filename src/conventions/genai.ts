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
import { z } from "zod";
import {
  ATTR_GEN_AI_AGENT_DESCRIPTION,
  ATTR_GEN_AI_AGENT_ID,
  ATTR_GEN_AI_AGENT_NAME,
  ATTR_GEN_AI_COMPLETION,
  ATTR_GEN_AI_CONVERSATION_ID,
  ATTR_GEN_AI_INPUT_MESSAGES,
  ATTR_GEN_AI_OPENAI_REQUEST_RESPONSE_FORMAT,
  ATTR_GEN_AI_OPENAI_REQUEST_SEED,
  ATTR_GEN_AI_OPENAI_REQUEST_SERVICE_TIER,
  ATTR_GEN_AI_OPENAI_RESPONSE_SERVICE_TIER,
  ATTR_GEN_AI_OPENAI_RESPONSE_SYSTEM_FINGERPRINT,
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_OUTPUT_MESSAGES,
  ATTR_GEN_AI_OUTPUT_TYPE,
  ATTR_GEN_AI_PROMPT,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_REQUEST_CHOICE_COUNT,
  ATTR_GEN_AI_REQUEST_ENCODING_FORMATS,
  ATTR_GEN_AI_REQUEST_FREQUENCY_PENALTY,
  ATTR_GEN_AI_REQUEST_MAX_TOKENS,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_REQUEST_PRESENCE_PENALTY,
  ATTR_GEN_AI_REQUEST_SEED,
  ATTR_GEN_AI_REQUEST_STOP_SEQUENCES,
  ATTR_GEN_AI_REQUEST_STREAM,
  ATTR_GEN_AI_REQUEST_TEMPERATURE,
  ATTR_GEN_AI_REQUEST_TOP_K,
  ATTR_GEN_AI_REQUEST_TOP_P,
  ATTR_GEN_AI_RESPONSE_FINISH_REASONS,
  ATTR_GEN_AI_RESPONSE_ID,
  ATTR_GEN_AI_RESPONSE_MODEL,
  ATTR_GEN_AI_SYSTEM,
  ATTR_GEN_AI_SYSTEM_INSTRUCTIONS,
  ATTR_GEN_AI_TOOL_CALL_ARGUMENTS,
  ATTR_GEN_AI_TOOL_CALL_ID,
  ATTR_GEN_AI_TOOL_CALL_RESULT,
  ATTR_GEN_AI_RETRIEVAL_DOCUMENTS,
  ATTR_GEN_AI_RETRIEVAL_QUERY_TEXT,
  ATTR_GEN_AI_TOOL_DEFINITIONS,
  ATTR_GEN_AI_TOOL_DESCRIPTION,
  ATTR_GEN_AI_TOOL_NAME,
  ATTR_GEN_AI_TOOL_TYPE,
  ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_COMPLETION_TOKENS,
  ATTR_GEN_AI_USAGE_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_OUTPUT_TOKENS,
  ATTR_GEN_AI_USAGE_PROMPT_TOKENS,
  ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS,
  EVENT_GEN_AI_ASSISTANT_MESSAGE,
  EVENT_GEN_AI_CHOICE,
  EVENT_GEN_AI_CLIENT_INFERENCE_OPERATION_DETAILS,
  EVENT_GEN_AI_SYSTEM_MESSAGE,
  EVENT_GEN_AI_TOOL_MESSAGE,
  EVENT_GEN_AI_USER_MESSAGE,
} from "@opentelemetry/semantic-conventions/incubating";
import type { DetectionRule } from "./rules.js";

export const GENAI_DETECTION: readonly DetectionRule[] = [{ prefix: "gen_ai.", convention: "genai" }];

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
  inputTokens: ATTR_GEN_AI_USAGE_INPUT_TOKENS,
  outputTokens: ATTR_GEN_AI_USAGE_OUTPUT_TOKENS,
  cacheReadTokens: ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS,
  cacheCreationTokens: ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS,
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

/**
 * Request parameters: attribute key -> the OpenAI-style name used in canonical `inputs`.
 * `kind` says how the value is checked.
 */
export const GENAI_REQUEST_PARAMS: readonly { key: string; param: string; kind: "number" | "int" | "strings" | "boolean" | "any" }[] = [
  { key: ATTR_GEN_AI_REQUEST_TEMPERATURE, param: "temperature", kind: "number" },
  { key: ATTR_GEN_AI_REQUEST_TOP_P, param: "top_p", kind: "number" },
  { key: ATTR_GEN_AI_REQUEST_TOP_K, param: "top_k", kind: "number" },
  { key: ATTR_GEN_AI_REQUEST_MAX_TOKENS, param: "max_tokens", kind: "int" },
  { key: ATTR_GEN_AI_REQUEST_FREQUENCY_PENALTY, param: "frequency_penalty", kind: "number" },
  { key: ATTR_GEN_AI_REQUEST_PRESENCE_PENALTY, param: "presence_penalty", kind: "number" },
  { key: ATTR_GEN_AI_REQUEST_STOP_SEQUENCES, param: "stop", kind: "strings" },
  { key: ATTR_GEN_AI_REQUEST_SEED, param: "seed", kind: "int" },
  { key: ATTR_GEN_AI_REQUEST_CHOICE_COUNT, param: "n", kind: "int" },
  { key: ATTR_GEN_AI_REQUEST_ENCODING_FORMATS, param: "encoding_formats", kind: "strings" },
  { key: ATTR_GEN_AI_REQUEST_STREAM, param: "stream", kind: "boolean" },
  { key: ATTR_GEN_AI_OUTPUT_TYPE, param: "output_type", kind: "any" },
  // Deprecated OpenAI-specific spellings; read when the generic key is absent.
  { key: ATTR_GEN_AI_OPENAI_REQUEST_SEED, param: "seed", kind: "int" },
  { key: ATTR_GEN_AI_OPENAI_REQUEST_RESPONSE_FORMAT, param: "response_format", kind: "any" },
  { key: ATTR_GEN_AI_OPENAI_REQUEST_SERVICE_TIER, param: "service_tier", kind: "any" },
  { key: "openai.request.service_tier", param: "service_tier", kind: "any" },
];

/**
 * Token-count keys in the order they are tried for each canonical usage field: the spec key first,
 * then deprecated spellings, then variants real instrumentations write (Anthropic's own SDK writes
 * `cache_write`, Sentry-style SDKs `input_tokens.cached` / `output_tokens.reasoning`, some exporters
 * flat `cache_read_input_tokens`).
 */
export const GENAI_USAGE_KEYS = {
  input_tokens: [ATTR_GEN_AI_USAGE_INPUT_TOKENS, ATTR_GEN_AI_USAGE_PROMPT_TOKENS],
  output_tokens: [ATTR_GEN_AI_USAGE_OUTPUT_TOKENS, ATTR_GEN_AI_USAGE_COMPLETION_TOKENS],
  total_tokens: ["gen_ai.usage.total_tokens"],
  cache_read_input_tokens: [
    ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS,
    "gen_ai.usage.cache_read_input_tokens",
    "gen_ai.usage.input_tokens.cached",
  ],
  cache_creation_input_tokens: [
    ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS,
    "gen_ai.usage.cache_write.input_tokens",
    "gen_ai.usage.cache_creation_input_tokens",
    "gen_ai.usage.input_tokens.cache_write",
  ],
  reasoning_tokens: [
    ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS,
    "gen_ai.usage.output_tokens.reasoning",
    "gen_ai.usage.reasoning_tokens",
  ],
} as const;

export const GENAI_EVENTS = {
  system: EVENT_GEN_AI_SYSTEM_MESSAGE,
  user: EVENT_GEN_AI_USER_MESSAGE,
  assistant: EVENT_GEN_AI_ASSISTANT_MESSAGE,
  tool: EVENT_GEN_AI_TOOL_MESSAGE,
  choice: EVENT_GEN_AI_CHOICE,
  operationDetails: EVENT_GEN_AI_CLIENT_INFERENCE_OPERATION_DETAILS,
} as const;

/** Operations that call a model (span kind CLIENT when emitted). */
export const GENAI_MODEL_OPERATIONS: ReadonlySet<string> = new Set(["chat", "text_completion", "generate_content", "embeddings"]);

/**
 * Old `gen_ai.system` values renamed in `gen_ai.provider.name`, and the capitalised names some
 * instrumentations write ("OpenAI", "Anthropic"); matched after lower-casing.
 */
export const GENAI_PROVIDER_ALIASES: Readonly<Record<string, string>> = {
  "az.ai.inference": "azure.ai.inference",
  "az.ai.openai": "azure.ai.openai",
  azure_openai: "azure.ai.openai",
  vertex_ai: "gcp.vertex_ai",
  gemini: "gcp.gemini",
  mistralai: "mistral_ai",
  xai: "x_ai",
  bedrock: "aws.bedrock",
};

// ---------------------------------------------------------------------------------------------
// Structured messages (pinned version: see the header).

export const GENAI_ROLES = ["system", "user", "assistant", "tool"] as const;
export const GENAI_FINISH_REASONS = ["stop", "length", "content_filter", "tool_call", "compaction", "error"] as const;
export const GENAI_MODALITIES = ["image", "video", "audio", "document"] as const;

const nullableString = z.string().nullable().optional();
/** `modality` is the enum or any other string. */
const modality = z.string();

export const GenAiTextPartSchema = z.object({ type: z.literal("text"), content: z.string() }).loose();
export const GenAiToolCallPartSchema = z
  .object({ type: z.literal("tool_call"), id: nullableString, name: z.string(), arguments: z.unknown().optional() })
  .loose();
export const GenAiToolCallResponsePartSchema = z
  .object({ type: z.literal("tool_call_response"), id: nullableString, response: z.unknown() })
  .loose()
  .refine((part) => Object.prototype.hasOwnProperty.call(part, "response"), { message: "response is required" });
export const GenAiServerToolCallPartSchema = z
  .object({
    type: z.literal("server_tool_call"),
    id: nullableString,
    name: z.string(),
    server_tool_call: z.object({ type: z.string() }).loose(),
  })
  .loose();
export const GenAiServerToolCallResponsePartSchema = z
  .object({
    type: z.literal("server_tool_call_response"),
    id: nullableString,
    server_tool_call_response: z.object({ type: z.string() }).loose(),
  })
  .loose();
export const GenAiBlobPartSchema = z
  .object({ type: z.literal("blob"), mime_type: nullableString, modality, content: z.string(), transcript: nullableString })
  .loose();
export const GenAiFilePartSchema = z
  .object({ type: z.literal("file"), mime_type: nullableString, modality, file_id: z.string(), transcript: nullableString })
  .loose();
export const GenAiUriPartSchema = z
  .object({ type: z.literal("uri"), mime_type: nullableString, modality, uri: z.string(), transcript: nullableString })
  .loose();
export const GenAiReasoningPartSchema = z.object({ type: z.literal("reasoning"), content: z.string() }).loose();
export const GenAiCompactionPartSchema = z
  .object({ type: z.literal("compaction"), id: nullableString, content: nullableString })
  .loose();
export const GenAiGenericPartSchema = z.object({ type: z.string() }).loose();

const KNOWN_PART_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  text: GenAiTextPartSchema,
  tool_call: GenAiToolCallPartSchema,
  tool_call_response: GenAiToolCallResponsePartSchema,
  server_tool_call: GenAiServerToolCallPartSchema,
  server_tool_call_response: GenAiServerToolCallResponsePartSchema,
  blob: GenAiBlobPartSchema,
  file: GenAiFilePartSchema,
  uri: GenAiUriPartSchema,
  reasoning: GenAiReasoningPartSchema,
  compaction: GenAiCompactionPartSchema,
};

/**
 * One message part. A part whose `type` names a known part must have that part's fields (stricter
 * than the official `anyOf`, which lets an incomplete known part pass as a generic one); any other
 * `type` is a generic part.
 */
export const GenAiPartSchema: z.ZodType<{ type: string; [key: string]: unknown }> = GenAiGenericPartSchema.superRefine((part, ctx) => {
  const schema = Object.prototype.hasOwnProperty.call(KNOWN_PART_SCHEMAS, part.type) ? KNOWN_PART_SCHEMAS[part.type] : undefined;
  if (!schema) return;
  const result = schema.safeParse(part);
  if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ ...issue, code: "custom", message: issue.message } as never);
}) as never;
export type GenAiPart = { type: string; [key: string]: unknown };

export const GenAiInputMessageSchema = z
  .object({ role: z.string(), parts: z.array(GenAiPartSchema), name: nullableString })
  .loose();
export const GenAiOutputMessageSchema = z
  .object({
    role: z.string(),
    parts: z.array(GenAiPartSchema),
    name: nullableString,
    finish_reason: z.string().nullable().optional(),
  })
  .loose();
export const GenAiInputMessagesSchema = z.array(GenAiInputMessageSchema);
export const GenAiOutputMessagesSchema = z.array(GenAiOutputMessageSchema);
/** System instructions: a list of parts (text, media or generic). */
export const GenAiSystemInstructionsSchema = z.array(GenAiPartSchema);

export const GenAiFunctionToolDefinitionSchema = z
  .object({
    type: z.literal("function"),
    name: z.string(),
    description: z.string().nullable().optional(),
    parameters: z.record(z.string(), z.unknown()).nullable().optional(),
  })
  .loose();
export const GenAiToolDefinitionSchema = z.union([
  GenAiFunctionToolDefinitionSchema,
  z.object({ type: z.string(), name: z.string() }).loose(),
]);
export const GenAiToolDefinitionsSchema = z.array(GenAiToolDefinitionSchema);

export type GenAiInputMessage = z.infer<typeof GenAiInputMessageSchema>;
export type GenAiOutputMessage = z.infer<typeof GenAiOutputMessageSchema>;
