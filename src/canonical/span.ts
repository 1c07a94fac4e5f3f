/**
 * The canonical MLflow span: what every convention parser produces and every emitter consumes.
 *
 * Shapes follow MLflow's own schema (mlflow/entities/span.py, mlflow/types/chat.py,
 * mlflow/tracing/constant.py): chat inputs and outputs use the OpenAI chat shapes MLflow's UI renders,
 * token usage uses MLflow's TokenUsageKey names.
 *
 * Plain types, no runtime schema library: the hot path builds these objects directly, and the checks it
 * needs are hand-written (canonical/guards.ts). The zod schemas of the same shapes live on the
 * `mlflow-semconv/schemas` subpath (src/schemas/), and a test checks the two agree.
 */

/** MLflow's span types. `mlflow.entities.SpanType` is a plain class, so unknown strings can appear in stored data. */
export const SPAN_TYPES = [
  "LLM",
  "CHAT_MODEL",
  "EMBEDDING",
  "RETRIEVER",
  "RERANKER",
  "TOOL",
  "AGENT",
  "CHAIN",
  "PARSER",
  "MEMORY",
  "WORKFLOW",
  "TASK",
  "GUARDRAIL",
  "EVALUATOR",
  "UNKNOWN",
] as const;
export type SpanType = (typeof SPAN_TYPES)[number];

export function isSpanType(value: unknown): value is SpanType {
  return typeof value === "string" && (SPAN_TYPES as readonly string[]).includes(value);
}

/**
 * The `mlflow.message.format` value set on chat spans whose inputs/outputs were normalised to the
 * OpenAI chat shapes (`{messages}` / `{choices}`); MLflow's UI then uses its OpenAI chat parser.
 */
export const NORMALIZED_CHAT_FORMAT = "openai";

// ---------------------------------------------------------------------------------------------
// Attributes as OTel carries them, plus the two extra shapes OTLP can decode to (kvlist, bytes).

export type AttributeScalar = string | number | boolean;
export type AttributeValue =
  | AttributeScalar
  | null
  | undefined
  | Uint8Array
  | readonly AttributeValue[]
  | { readonly [key: string]: AttributeValue };
export type Attributes = Record<string, AttributeValue>;

// ---------------------------------------------------------------------------------------------
// Chat shapes (OpenAI chat completions, as in mlflow/types/chat.py).

export interface TextPart { type: "text"; text: string }
export interface ImagePart { type: "image_url"; image_url: { url: string; detail?: string; [key: string]: unknown } }
export interface AudioPart { type: "input_audio"; input_audio: { data: string; format: string; [key: string]: unknown } }
export interface FilePart { type: "file"; file: { file_data?: string; file_id?: string; filename?: string; [key: string]: unknown } }
/** Model reasoning ("thinking") kept as its own part so it is never mixed into the reply text. */
export interface ReasoningPart { type: "reasoning"; text: string }
/** Any part we do not model is kept as is rather than dropped. */
export interface OtherPart { type: string; [key: string]: unknown }
export type ContentPart = TextPart | ImagePart | AudioPart | FilePart | ReasoningPart | OtherPart;

export interface ToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
}

export interface ChatMessage {
  role: string;
  content: string | ContentPart[] | null;
  // null is "none", as in MLflow's chat schema (mlflow/types/chat.py: Optional[...] = None) and in the
  // raw OpenAI replies MLflow's autolog stores (`refusal: null`, `tool_calls: null`).
  tool_calls?: ToolCall[] | null;
  tool_call_id?: string | null;
  name?: string | null;
  refusal?: string | null;
}

export interface ChatChoice {
  index: number;
  message: ChatMessage;
  finish_reason: string | null;
}

export interface ChatTool {
  type: "function";
  function: { name: string; description?: string; parameters?: Record<string, unknown>; strict?: boolean; [key: string]: unknown };
}

/** Chat inputs: `{ messages, ...request parameters }`. */
export interface ChatInputs { messages: ChatMessage[]; [key: string]: unknown }
/** Chat outputs: `{ choices, ...response metadata }`. */
export interface ChatOutputs { choices: ChatChoice[]; [key: string]: unknown }

export interface RetrievedDocument {
  id?: string;
  page_content: string;
  metadata: Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------
// Token usage (MLflow TokenUsageKey names). `input_tokens` includes cached tokens, as in GenAI semconv.

export interface TokenUsage {
  /**
   * The three counts are each present only when the source reported them (or they follow from the
   * others): MLflow stores `{input_tokens}` alone for an embedding call, and nothing is invented.
   */
  input_tokens?: number;
  output_tokens?: number;
  total_tokens?: number;
  cache_read_input_tokens?: number;
  cache_creation_input_tokens?: number;
  /** Not an MLflow key; kept because several sources report it and dropping it would lose data. */
  reasoning_tokens?: number;
  input_audio_tokens?: number;
  output_audio_tokens?: number;
}

export interface Cost {
  input_cost?: number;
  output_cost?: number;
  total_cost?: number;
  [key: string]: unknown;
}

// ---------------------------------------------------------------------------------------------
// Diagnostics

export const SEVERITIES = ["error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Diagnostic {
  /** Stable kebab-case code, documented in the README. */
  code: string;
  severity: Severity;
  /** The attribute key the diagnostic is about, when there is one. */
  key?: string;
  message: string;
  spanName?: string;
  spanId?: string;
  /** For a finding of a convention rule (`validateSpan`): the spec text or source file the rule comes from. */
  spec?: string;
}

// ---------------------------------------------------------------------------------------------
// Span envelope

export const SPAN_KINDS = ["UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"] as const;
export type SpanKindName = (typeof SPAN_KINDS)[number];
export const STATUS_CODES = ["UNSET", "OK", "ERROR"] as const;
export type StatusCodeName = (typeof STATUS_CODES)[number];

export interface SpanStatus {
  code: StatusCodeName;
  message?: string;
}

export interface SpanEvent {
  name: string;
  /** Nanoseconds since the epoch, as a decimal string (exact beyond 2^53). */
  timeUnixNano?: string;
  attributes: Attributes;
}

export interface InstrumentationScope {
  name: string;
  version?: string;
  attributes?: Attributes;
}

export interface Resource {
  attributes: Attributes;
}

/**
 * The canonical span, over the convention ids `C` (the public `MlflowSpan` is
 * `CanonicalSpan<Convention>`; this layer does not know the list of conventions). Optional fields are
 * absent (not undefined-valued) when a source has nothing for them.
 */
export interface CanonicalSpan<C extends string = string> {
  name: string;
  spanType: SpanType;
  inputs?: unknown;
  outputs?: unknown;
  tokenUsage?: TokenUsage;
  model?: string;
  provider?: string;
  tools?: ChatTool[];
  cost?: Cost;
  messageFormat?: string;
  /** Source attributes: all of them by default, only the unconsumed ones with `keepSource: false`. */
  attributes: Attributes;
  events?: SpanEvent[];
  status?: SpanStatus;
  kind?: SpanKindName;
  traceId?: string;
  spanId?: string;
  parentSpanId?: string;
  startTimeUnixNano?: string;
  endTimeUnixNano?: string;
  scope?: InstrumentationScope;
  resource?: Resource;
  /** Conventions detected on the source span, most specific first. */
  conventions: C[];
  diagnostics: Diagnostic[];
}
