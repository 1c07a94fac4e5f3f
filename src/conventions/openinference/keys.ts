/**
 * OpenInference (Arize/Phoenix) attribute keys. The `llm.` namespace is shared with OpenLLMetry, so
 * detection lists OpenInference's `llm.*` keys one by one instead of claiming the whole prefix.
 *
 * Source: Arize-ai/openinference `spec/semantic_conventions.md`, `spec/embedding_spans.md` and the
 * JS package `@arizeai/openinference-semantic-conventions@2.12.0` (`SemanticConventions`,
 * `OpenInferenceSpanKind`, `MimeType`). We take no runtime dependency on that package: every constant
 * below is checked against it in test/conventions/openinference/keys.test.ts, and the few keys the
 * spec has but the package lacks are listed in `OPENINFERENCE_SPEC_ONLY_KEYS`.
 *
 * Lists of objects are flattened with zero-based indices:
 * `llm.input_messages.<i>.message.role`, `…message.contents.<j>.message_content.text`,
 * `…message.tool_calls.<k>.tool_call.function.name`, `retrieval.documents.<i>.document.content`,
 * `embedding.embeddings.<i>.embedding.vector`, `llm.tools.<i>.tool.json_schema`. The `OI_*_FIELD`
 * tables name the keys inside one such item.
 */
import type { DetectRule } from "../types.js";

const oi = (prefix: string, exact = false): DetectRule =>
  exact ? { prefix, exact } : { prefix };

export const OPENINFERENCE_DETECTION: readonly DetectRule[] = [
  oi("openinference.span.kind", true),
  oi("llm.input_messages."),
  oi("llm.output_messages."),
  oi("llm.model_name", true),
  oi("llm.request.model_name", true),
  oi("llm.response.model_name", true),
  oi("llm.provider", true),
  oi("llm.system", true),
  oi("llm.invocation_parameters", true),
  oi("llm.finish_reason", true),
  oi("llm.token_count."),
  oi("llm.tools."),
  oi("llm.prompt_template."),
  oi("llm.prompts."),
  oi("llm.prompts", true),
  oi("llm.choices."),
  oi("llm.function_call", true),
  oi("llm.cost."),
  oi("input.value", true),
  oi("input.mime_type", true),
  oi("output.value", true),
  oi("output.mime_type", true),
  oi("retrieval.documents."),
  oi("reranker."),
  oi("embedding."),
  oi("tool_call."),
];

/** Span-level attribute keys, named after what they hold. */
export const OI = {
  spanKind: "openinference.span.kind",
  inputValue: "input.value",
  inputMimeType: "input.mime_type",
  outputValue: "output.value",
  outputMimeType: "output.mime_type",

  // LLM spans
  inputMessages: "llm.input_messages",
  outputMessages: "llm.output_messages",
  /** Legacy completions API: `llm.prompts.<i>.prompt.text` (older releases: a string array). */
  prompts: "llm.prompts",
  modelName: "llm.model_name",
  requestModelName: "llm.request.model_name",
  responseModelName: "llm.response.model_name",
  provider: "llm.provider",
  system: "llm.system",
  invocationParameters: "llm.invocation_parameters",
  finishReason: "llm.finish_reason",
  tools: "llm.tools",
  functionCall: "llm.function_call",
  promptTemplateTemplate: "llm.prompt_template.template",
  promptTemplateVariables: "llm.prompt_template.variables",
  promptTemplateVersion: "llm.prompt_template.version",

  // Token counts. `prompt_details.*` are sub-counts of `prompt` (the spec says cached tokens are included).
  tokenPrompt: "llm.token_count.prompt",
  tokenCompletion: "llm.token_count.completion",
  tokenTotal: "llm.token_count.total",
  tokenPromptCacheRead: "llm.token_count.prompt_details.cache_read",
  tokenPromptCacheWrite: "llm.token_count.prompt_details.cache_write",
  tokenPromptCacheInput: "llm.token_count.prompt_details.cache_input",
  tokenPromptAudio: "llm.token_count.prompt_details.audio",
  tokenCompletionReasoning: "llm.token_count.completion_details.reasoning",
  tokenCompletionAudio: "llm.token_count.completion_details.audio",

  // Cost in USD.
  costPrompt: "llm.cost.prompt",
  costCompletion: "llm.cost.completion",
  costTotal: "llm.cost.total",

  // Retriever / reranker
  retrievalDocuments: "retrieval.documents",
  rerankerInputDocuments: "reranker.input_documents",
  rerankerOutputDocuments: "reranker.output_documents",
  rerankerQuery: "reranker.query",
  rerankerModelName: "reranker.model_name",
  rerankerTopK: "reranker.top_k",

  // Embedding
  embeddingModelName: "embedding.model_name",
  embeddingEmbeddings: "embedding.embeddings",

  // Tool spans (also the item fields under `llm.tools.<i>.`)
  toolName: "tool.name",
  toolDescription: "tool.description",
  toolParameters: "tool.parameters",
  toolJsonSchema: "tool.json_schema",
  toolId: "tool.id",

  // Context attributes; kept verbatim (MLflow spans have no field for them).
  sessionId: "session.id",
  userId: "user.id",
  metadata: "metadata",
  tagTags: "tag.tags",
} as const;

/**
 * Keys in the spec (or written by current instrumentations) that `@arizeai/openinference-semantic-conventions@2.12.0`
 * does not export. The constants test asserts the package still lacks them, so a release that adds
 * one makes us check the spelling.
 */
export const OPENINFERENCE_SPEC_ONLY_KEYS = {
  /** spec/embedding_spans.md: JSON parameters of an embedding call. */
  embeddingInvocationParameters: "embedding.invocation_parameters",
  /** spec/semantic_conventions.md, legacy completions API: `llm.choices.<i>.completion.text`. */
  choices: "llm.choices",
  /** Item fields of `llm.prompts.<i>.` and `llm.choices.<i>.`. */
  promptText: "prompt.text",
  completionText: "completion.text",
} as const;

/** Fields of one flattened message (`llm.input_messages.<i>.` + key). */
export const OI_MESSAGE_FIELD = {
  role: "message.role",
  content: "message.content",
  contents: "message.contents",
  name: "message.name",
  toolCalls: "message.tool_calls",
  toolCallId: "message.tool_call_id",
  functionCallName: "message.function_call_name",
  functionCallArguments: "message.function_call_arguments_json",
} as const;

/** Fields of one content part (`…message.contents.<j>.` + key). */
export const OI_CONTENT_FIELD = {
  type: "message_content.type",
  text: "message_content.text",
  image: "message_content.image",
  audio: "message_content.audio",
  video: "message_content.video",
  id: "message_content.id",
  signature: "message_content.signature",
  data: "message_content.data",
  encryptedContent: "message_content.encrypted_content",
  imageUrl: "image.url",
  audioUrl: "audio.url",
  audioMimeType: "audio.mime_type",
  audioTranscript: "audio.transcript",
  videoUrl: "video.url",
} as const;

/** Fields of one tool call (`…message.tool_calls.<k>.` + key, or `…message.contents.<j>.` + key for `tool_use` parts). */
export const OI_TOOL_CALL_FIELD = {
  id: "tool_call.id",
  functionName: "tool_call.function.name",
  functionArguments: "tool_call.function.arguments",
  reasoningSignature: "tool_call.reasoning_signature",
} as const;

/** Fields of one document (`retrieval.documents.<i>.` + key). */
export const OI_DOCUMENT_FIELD = {
  id: "document.id",
  content: "document.content",
  score: "document.score",
  metadata: "document.metadata",
} as const;

/** Fields of one embedding (`embedding.embeddings.<i>.` + key). */
export const OI_EMBEDDING_FIELD = {
  text: "embedding.text",
  vector: "embedding.vector",
} as const;

/** `openinference.span.kind` values (the spec's table plus UNKNOWN, which Phoenix and MLflow accept). */
export const OI_SPAN_KINDS = {
  LLM: "LLM",
  CHAIN: "CHAIN",
  TOOL: "TOOL",
  RETRIEVER: "RETRIEVER",
  RERANKER: "RERANKER",
  EMBEDDING: "EMBEDDING",
  AGENT: "AGENT",
  GUARDRAIL: "GUARDRAIL",
  EVALUATOR: "EVALUATOR",
  PROMPT: "PROMPT",
  UNKNOWN: "UNKNOWN",
} as const;

/** `message_content.type` values. */
export const OI_CONTENT_TYPES = ["text", "image", "audio", "video", "reasoning", "tool_use"] as const;

export const OI_MIME = { text: "text/plain", json: "application/json" } as const;

/** Well-known `llm.system` values (the AI product); an emitted provider in this list is also written as `llm.system`. */
export const OI_LLM_SYSTEMS: ReadonlySet<string> = new Set([
  "openai",
  "anthropic",
  "mistralai",
  "cohere",
  "vertexai",
  "ai21",
  "meta",
  "amazon",
  "xai",
  "deepseek",
]);
