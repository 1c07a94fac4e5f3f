/**
 * OpenLLMetry (Traceloop) attribute keys. Older releases write prompts and completions as indexed
 * `gen_ai.prompt.N.*` / `gen_ai.completion.N.*` keys, which mark OpenLLMetry even though they sit in
 * the `gen_ai.` namespace; newer ones (0.27+) write the GenAI structured messages instead.
 *
 * Sources: traceloop/openllmetry-js `packages/ai-semantic-conventions` (`SpanAttributes`, `Events`,
 * `EventAttributes`, `LLMRequestTypeValues`, `TraceloopSpanKindValues`; checked against
 * `@traceloop/ai-semantic-conventions@0.27.0` in test/conventions/openllmetry/keys.test.ts) and the
 * Python `opentelemetry-semantic-conventions-ai` package (`opentelemetry.semconv_ai`), which has a
 * few keys the JS package lacks (marked "Python only" below). The indexed prompt/completion prefixes
 * are the deprecated OTel `gen_ai.prompt` / `gen_ai.completion` keys with an index appended.
 */
import type { DetectRule } from "../types.js";

const ol = (prefix: string, extra: Partial<DetectRule> = {}): DetectRule => ({ prefix, ...extra });

/** Attribute keys, named after what they hold. */
export const OPENLLMETRY = {
  // Wrapper (SDK decorator) spans.
  spanKind: "traceloop.span.kind",
  workflowName: "traceloop.workflow.name",
  entityName: "traceloop.entity.name",
  entityPath: "traceloop.entity.path",
  entityVersion: "traceloop.entity.version",
  entityInput: "traceloop.entity.input",
  entityOutput: "traceloop.entity.output",
  /** Prefix: `traceloop.association.properties.<name>`. */
  associationProperties: "traceloop.association.properties",

  // LLM spans.
  /** Prefix: `gen_ai.prompt.<i>.{role,content,tool_calls.<k>.{id,name,arguments},tool_call_id,name}`. */
  prompt: "gen_ai.prompt",
  /** Prefix: `gen_ai.completion.<i>.{role,content,finish_reason,tool_calls.<k>.*,function_call.*}`. */
  completion: "gen_ai.completion",
  requestType: "llm.request.type",
  totalTokens: "llm.usage.total_tokens",
  /** The first releases' spellings, before the counts moved to `gen_ai.usage.prompt_tokens` / `completion_tokens`. */
  legacyPromptTokens: "llm.usage.prompt_tokens",
  legacyCompletionTokens: "llm.usage.completion_tokens",
  /**
   * Traceloop's own total (in @traceloop/ai-semantic-conventions, not in the GenAI spec): 0.27+ spans
   * carry only `gen_ai.*` keys, and this one says they come from OpenLLMetry. The GenAI parser reads it.
   */
  genAiTotalTokens: "gen_ai.usage.total_tokens",
  /** Prefix: `llm.request.functions.<i>.{name,description,parameters|arguments}`. */
  requestFunctions: "llm.request.functions",
  topK: "llm.top_k",
  frequencyPenalty: "llm.frequency_penalty",
  presencePenalty: "llm.presence_penalty",
  stopSequences: "llm.chat.stop_sequences",
  /** Python only. */
  isStreaming: "llm.is_streaming",
  /** Python only. */
  user: "llm.user",
  /** Python only. */
  headers: "llm.headers",
  /** Python only. */
  repetitionPenalty: "llm.request.repetition_penalty",
  /** Python only. */
  responseFinishReason: "llm.response.finish_reason",
  /** Python only. */
  responseStopReason: "llm.response.stop_reason",

  // Python semconv_ai 0.5 spellings (MIGRATION.md "Renamed constants": the llm.* keys moved under gen_ai.*).
  genAiIsStreaming: "gen_ai.is_streaming",
  genAiUser: "gen_ai.user",
  genAiRepetitionPenalty: "gen_ai.request.repetition_penalty",
  genAiResponseFinishReason: "gen_ai.response.finish_reason",
  genAiResponseStopReason: "gen_ai.response.stop_reason",
  /** OpenAI's reasoning effort (0.5; `llm.request.reasoning_effort` before). */
  genAiReasoningEffort: "gen_ai.request.reasoning_effort",
  reasoningEffort: "llm.request.reasoning_effort",
  genAiReasoningSummary: "gen_ai.request.reasoning_summary",
  genAiRequestN: "gen_ai.request.n",
  genAiMaxCompletionTokens: "gen_ai.request.max_completion_tokens",
  /** Python only (the reasoning count before 0.5; `gen_ai.usage.reasoning_tokens` after, read by the GenAI parser). */
  reasoningTokens: "llm.usage.reasoning_tokens",
  /**
   * 0.5 task spans (`gen_ai.operation.name` = `execute_task`, LangChain / LangGraph chains): the same
   * JSON envelopes as `traceloop.entity.input` / `.output`, which are written beside them.
   */
  taskInput: "gen_ai.task.input",
  taskOutput: "gen_ai.task.output",
  /**
   * JS SDK 0.27 guardrails (`gen_ai.operation.name` = `guard`, one span per guard, under a
   * `guardrail.run` span): the guard's input (JSON), its status PASSED / FAILED, the evaluator's output
   * (JSON, pre-built guards), and an error.
   */
  guardrailInput: "gen_ai.guardrail.input",
  guardrailOutput: "gen_ai.guardrail.output",
  guardrailStatus: "gen_ai.guardrail.status",
  /** JS SDK 0.27: the parent `guardrail.run` span's counts of guards run and failed. */
  guardrailGuardCount: "gen_ai.guardrail.guard_count",
  guardrailFailedGuardCount: "gen_ai.guardrail.failed_guard_count",
  guardrailErrorType: "gen_ai.guardrail.error.type",
  guardrailErrorMessage: "gen_ai.guardrail.error.message",

  // Vector databases.
  vectorDbVendor: "db.system",
  /** Python only. */
  vectorDbOperation: "db.operation",
  vectorDbQueryTopK: "db.vector.query.top_k",
  /** Deprecated per-result prefix: `db.vector.query.result.<i>.{id,score,metadata,values}`. */
  vectorDbQueryResult: "db.vector.query.result",
} as const;

/** Span events of vector-database instrumentations and their attributes. */
export const OPENLLMETRY_EVENTS = {
  queryResult: "db.query.result",
  queryEmbeddings: "db.query.embeddings",
  /** Python only (Milvus). */
  searchResult: "db.search.result",
} as const;

export const OPENLLMETRY_EVENT_ATTRIBUTES = {
  queryResultId: "db.query.result.id",
  queryResultScore: "db.query.result.score",
  queryResultDistance: "db.query.result.distance",
  queryResultMetadata: "db.query.result.metadata",
  queryResultVector: "db.query.result.vector",
  queryResultDocument: "db.query.result.document",
  searchResultId: "db.search.result.id",
  searchResultScore: "db.search.result.score",
  searchResultDistance: "db.search.result.distance",
  searchResultEntity: "db.search.result.entity",
} as const;

/** `llm.request.type` values (`embedding` is Python only). */
export const OPENLLMETRY_REQUEST_TYPE_VALUES = ["completion", "chat", "rerank", "embedding", "unknown"] as const;

/** `traceloop.span.kind` values (`session` is JS only). */
export const OPENLLMETRY_SPAN_KIND_VALUES = ["workflow", "task", "agent", "tool", "session", "unknown"] as const;

export const OPENLLMETRY_DETECTION: readonly DetectRule[] = [
  ol("traceloop."),
  ol("gen_ai.prompt.", { indexed: true }),
  ol("gen_ai.completion.", { indexed: true }),
  ol("llm.request.type", { exact: true }),
  ol("llm.request.functions."),
  ol("llm.usage."),
  ol("gen_ai.usage.total_tokens", { exact: true }),
  ol("llm.is_streaming", { exact: true }),
  ol("llm.frequency_penalty", { exact: true }),
  ol("llm.presence_penalty", { exact: true }),
  ol("llm.top_k", { exact: true }),
  ol("llm.chat.stop_sequences", { exact: true }),
  ol("llm.user", { exact: true }),
  ol("llm.headers", { exact: true }),
  ol("llm.request.repetition_penalty", { exact: true }),
  ol("llm.response.finish_reason", { exact: true }),
  ol("llm.response.stop_reason", { exact: true }),
  ol("llm.request.reasoning_effort", { exact: true }),
  // semconv_ai 0.5 keys under gen_ai.* that the GenAI spec does not have.
  ol("gen_ai.is_streaming", { exact: true }),
  ol("gen_ai.user", { exact: true }),
  ol("gen_ai.request.repetition_penalty", { exact: true }),
  ol("gen_ai.response.finish_reason", { exact: true }),
  ol("gen_ai.response.stop_reason", { exact: true }),
  ol("gen_ai.request.reasoning_effort", { exact: true }),
  ol("gen_ai.request.reasoning_summary", { exact: true }),
  ol("gen_ai.request.n", { exact: true }),
  ol("gen_ai.request.max_completion_tokens", { exact: true }),
  ol("gen_ai.task."),
  ol("gen_ai.guardrail."),
  // Vector-database spans of OpenLLMetry's instrumentations (Pinecone, Chroma, Milvus, Marqo...);
  // plain `db.system` is left alone, it is on every SQL span too.
  ol("db.vector."),
  ol("db.chroma."),
  ol("db.milvus."),
  ol("db.marqo."),
  ol("db.pinecone."),
];
