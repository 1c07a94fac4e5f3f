/**
 * Vercel AI SDK (`ai` package) telemetry keys. The SDK writes its spans itself (scope "ai") when a
 * call passes `experimental_telemetry: { isEnabled: true }`; content and usage live in its own
 * `ai.*` namespace, and only the provider-call spans add a handful of `gen_ai.*` keys.
 *
 * Sources: the telemetry page of the AI SDK docs ("Collected data") and the keys the installed
 * `ai@6.0.325` actually writes (its dist, `recordSpan` / `selectTelemetryAttributes` calls), checked
 * against the captured fixtures in fixtures/genai/vercel-ai*.
 */
import type { DetectRule } from "../types.js";
import type { ParamSpec } from "../../readers/params.js";

/** Attribute keys, named after what they hold. */
export const VERCEL = {
  /** `ai.generateText`, `ai.generateText.doGenerate`, `ai.toolCall`, ... (the span name without the functionId). */
  operationId: "ai.operationId",
  modelId: "ai.model.id",
  modelProvider: "ai.model.provider",

  // Outer calls (ai.generateText / streamText / generateObject / streamObject).
  /** JSON `{system?, prompt? (string or messages), messages?}` as the caller passed it. */
  prompt: "ai.prompt",
  // Provider calls (.doGenerate / .doStream).
  /** JSON list of the provider-level messages (typed content parts). */
  promptMessages: "ai.prompt.messages",
  /** List of strings, each the JSON of one tool definition (`{type: "function", name, description?, inputSchema}`). */
  promptTools: "ai.prompt.tools",
  /** JSON `{type: "auto" | "none" | "required" | "tool", toolName?}`. */
  promptToolChoice: "ai.prompt.toolChoice",

  responseText: "ai.response.text",
  /** JSON list of `{toolCallId, toolName, input (JSON text) | args}`. */
  responseToolCalls: "ai.response.toolCalls",
  responseReasoning: "ai.response.reasoning",
  /** JSON text of the generated object (generateObject / streamObject). */
  responseObject: "ai.response.object",
  /** The SDK's unified finish reason: stop, length, content-filter, tool-calls, error, other, unknown. */
  responseFinishReason: "ai.response.finishReason",
  responseId: "ai.response.id",
  responseModel: "ai.response.model",

  // Tool executions (ai.toolCall).
  toolCallName: "ai.toolCall.name",
  toolCallId: "ai.toolCall.id",
  /** The tool's input as JSON text (`ai.toolCall.input` in some releases). */
  toolCallArgs: "ai.toolCall.args",
  toolCallInput: "ai.toolCall.input",
  /** The tool's output as JSON text (`ai.toolCall.output` in some releases). */
  toolCallResult: "ai.toolCall.result",
  toolCallOutput: "ai.toolCall.output",

  // Embeddings (ai.embed / ai.embedMany and their .doEmbed).
  /** ai.embed: the JSON of the one value. */
  value: "ai.value",
  /** ai.embedMany and .doEmbed: a list of strings, each the JSON of one value. */
  values: "ai.values",
  /** ai.embed: the JSON of the one vector. */
  embedding: "ai.embedding",
  /** ai.embedMany and .doEmbed: a list of strings, each the JSON of one vector. */
  embeddings: "ai.embeddings",

  // Reranking (ai.rerank and .doRerank).
  /** A list of strings, each the JSON of one document sent. */
  documents: "ai.documents",
  /** A list of strings, each the JSON of one ranking entry (`{index, relevanceScore}`). */
  ranking: "ai.ranking",

  // AI SDK 7 decide / extract (both integrations write them; from the installed @ai-sdk/otel 1.0.185 dist).
  /** The material decided on: JSON of a string (outer span) or of the provider-level content parts (model call). */
  decisionState: "ai.decision.state",
  /** JSON `{<name>: {type: choice | boolean | ..., instructions, criteria?}}`. */
  decisionQuestions: "ai.decision.questions",
  /** JSON `{<name>: {type, choice | probability | ...}}`. */
  decisionAnswers: "ai.decision.answers",
  extractionState: "ai.extraction.state",
  /** JSON `{<name>: {type, instructions}}`: the fields to extract. */
  extractionFields: "ai.extraction.fields",
  extractionReferenceDate: "ai.extraction.referenceDate",
  /** JSON `{<name>: {type, value}}`. */
  extractionAnswers: "ai.extraction.answers",

  // AI SDK 7 speech and transcription (generateSpeech, transcribe, streamTranscribe).
  /** generateSpeech: the text to speak. */
  requestText: "ai.request.text",
  /** transcribe: the audio sent, size in bytes and media type (`mediaType` in the legacy integration). */
  requestAudioSize: "ai.request.audio.size",
  requestAudioMediaType: "ai.request.audio.media_type",
  requestAudioMediaTypeLegacy: "ai.request.audio.mediaType",
  /** generateSpeech: the audio returned. */
  responseAudioSize: "ai.response.audio.size",
  responseAudioMediaType: "ai.response.audio.media_type",
  responseAudioMediaTypeLegacy: "ai.response.audio.mediaType",
  responseAudioFormat: "ai.response.audio.format",

  /** Prefix: `ai.settings.<callSetting>` (maxOutputTokens, temperature, ..., maxRetries). */
  settings: "ai.settings.",
  /** Prefix: `ai.telemetry.metadata.<key>`; with `ai.telemetry.functionId`, left as attributes. */
  telemetry: "ai.telemetry.",
} as const;

/**
 * Token counts: each canonical field and the keys that feed it, preferred spelling first.
 * `ai.usage.inputTokens` includes cache reads and writes (the SDK sums them, as GenAI semconv asks);
 * `promptTokens` / `completionTokens` are the AI SDK 4 spellings (ai 6 still writes them on
 * generateObject spans); `ai.usage.tokens` is the embedding count.
 */
export const VERCEL_USAGE_KEYS = {
  input_tokens: ["ai.usage.inputTokens", "ai.usage.promptTokens", "ai.usage.tokens"],
  output_tokens: ["ai.usage.outputTokens", "ai.usage.completionTokens"],
  total_tokens: ["ai.usage.totalTokens"],
  cache_read_input_tokens: ["ai.usage.inputTokenDetails.cacheReadTokens", "ai.usage.cachedInputTokens"],
  cache_creation_input_tokens: ["ai.usage.inputTokenDetails.cacheWriteTokens"],
  reasoning_tokens: ["ai.usage.outputTokenDetails.reasoningTokens", "ai.usage.reasoningTokens"],
} as const;

/** Breakdowns that are other counts minus one another: consumed only when they agree with them. */
export const VERCEL_USAGE_DERIVED = {
  noCacheTokens: "ai.usage.inputTokenDetails.noCacheTokens",
  textTokens: "ai.usage.outputTokenDetails.textTokens",
} as const;

/** `ai.settings.*` call settings that are model request parameters, and their OpenAI-style names. */
export const VERCEL_SETTINGS: readonly ParamSpec[] = [
  { key: "ai.settings.maxOutputTokens", param: "max_tokens", kind: "int" },
  // AI SDK 4 spelling.
  { key: "ai.settings.maxTokens", param: "max_tokens", kind: "int" },
  { key: "ai.settings.temperature", param: "temperature", kind: "number" },
  { key: "ai.settings.topP", param: "top_p", kind: "number" },
  { key: "ai.settings.topK", param: "top_k", kind: "number" },
  { key: "ai.settings.presencePenalty", param: "presence_penalty", kind: "number" },
  { key: "ai.settings.frequencyPenalty", param: "frequency_penalty", kind: "number" },
  { key: "ai.settings.seed", param: "seed", kind: "int" },
  { key: "ai.settings.stopSequences", param: "stop", kind: "strings" },
];

/** The `ai.operationId` values the SDK writes (ai 6), grouped by what the span is. */
export const VERCEL_OPERATIONS = {
  /** Outer calls that may loop over several model steps and tool executions. */
  textCalls: ["ai.generateText", "ai.streamText"],
  /** Outer structured-output calls: one model request (plus parsing), no tools. */
  objectCalls: ["ai.generateObject", "ai.streamObject"],
  /** One provider request each. */
  modelCalls: ["ai.generateText.doGenerate", "ai.streamText.doStream", "ai.generateObject.doGenerate", "ai.streamObject.doStream"],
  toolCalls: ["ai.toolCall"],
  embeddings: ["ai.embed", "ai.embedMany", "ai.embed.doEmbed", "ai.embedMany.doEmbed"],
  rerank: ["ai.rerank", "ai.rerank.doRerank"],
  /**
   * AI SDK 7: one structured model call each (questions answered / fields extracted from a state);
   * the outer span wraps the provider request. The legacy integration writes no span for extract, the
   * ids are listed for completeness.
   */
  decisions: ["ai.decide", "ai.decide.doDecide", "ai.extract", "ai.extract.doExtract"],
  /** AI SDK 7: a speech or transcription model call (one span each, no provider-request child). */
  audio: ["ai.generateSpeech", "ai.transcribe", "ai.streamTranscribe"],
} as const;

/**
 * The namespaces the SDK writes, rather than all of `ai.`: a bare `ai.` prefix is generic enough that
 * applications use it for their own keys (`ai.session`), and those spans are not AI SDK spans.
 */
export const VERCEL_DETECTION: readonly DetectRule[] = [
  { prefix: "ai.operationId", exact: true },
  { prefix: "ai.model." },
  { prefix: "ai.prompt" },
  { prefix: "ai.response." },
  { prefix: "ai.usage." },
  { prefix: "ai.settings." },
  { prefix: "ai.toolCall." },
  { prefix: "ai.telemetry." },
  { prefix: "ai.value" },
  { prefix: "ai.embedding" },
  { prefix: "ai.documents" },
  { prefix: "ai.ranking" },
  { prefix: "ai.schema" },
  // AI SDK 7 keys (decide / extract, speech / transcription); `ai.request.headers.*` alone is not enough.
  { prefix: "ai.decision." },
  { prefix: "ai.extraction." },
  { prefix: "ai.request.text", exact: true },
  { prefix: "ai.request.audio." },
];
