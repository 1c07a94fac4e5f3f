/**
 * The canonical MLflow span: what every convention parser produces and every emitter consumes.
 *
 * Shapes follow MLflow's own schema (mlflow/entities/span.py, mlflow/types/chat.py,
 * mlflow/tracing/constant.py): chat inputs and outputs use the OpenAI chat shapes MLflow's UI renders,
 * token usage uses MLflow's TokenUsageKey names.
 *
 * The zod schemas are for `validateSpan` and tests; the hot path builds these objects directly.
 */
import { z } from "zod";

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
export const SpanTypeSchema = z.enum(SPAN_TYPES);
export type SpanType = z.infer<typeof SpanTypeSchema>;

export function isSpanType(value: unknown): value is SpanType {
  return typeof value === "string" && (SPAN_TYPES as readonly string[]).includes(value);
}

export const CONVENTIONS = ["mlflow", "genai", "openinference", "openllmetry", "vercel-ai"] as const;
export type Convention = (typeof CONVENTIONS)[number];

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

export const TextPartSchema = z.object({ type: z.literal("text"), text: z.string() });
export const ImagePartSchema = z.object({
  type: z.literal("image_url"),
  image_url: z.object({ url: z.string(), detail: z.string().optional() }).loose(),
});
export const AudioPartSchema = z.object({
  type: z.literal("input_audio"),
  input_audio: z.object({ data: z.string(), format: z.string() }).loose(),
});
export const FilePartSchema = z.object({
  type: z.literal("file"),
  file: z
    .object({ file_data: z.string().optional(), file_id: z.string().optional(), filename: z.string().optional() })
    .loose(),
});
/** Model reasoning ("thinking") kept as its own part so it is never mixed into the reply text. */
export const ReasoningPartSchema = z.object({ type: z.literal("reasoning"), text: z.string() });
/** Any part we do not model is kept as is rather than dropped. */
export const OtherPartSchema = z.object({ type: z.string() }).loose();

export const ContentPartSchema = z.union([
  TextPartSchema,
  ImagePartSchema,
  AudioPartSchema,
  FilePartSchema,
  ReasoningPartSchema,
  OtherPartSchema,
]);
export type ContentPart = z.infer<typeof ContentPartSchema>;

export const ToolCallSchema = z.object({
  id: z.string(),
  type: z.literal("function"),
  function: z.object({ name: z.string(), arguments: z.string() }),
});
export type ToolCall = z.infer<typeof ToolCallSchema>;

export const ChatMessageSchema = z.object({
  role: z.string(),
  content: z.union([z.string(), z.array(ContentPartSchema), z.null()]),
  tool_calls: z.array(ToolCallSchema).optional(),
  tool_call_id: z.string().optional(),
  name: z.string().optional(),
  refusal: z.string().optional(),
});
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

export const ChatChoiceSchema = z.object({
  index: z.number().int().nonnegative(),
  message: ChatMessageSchema,
  finish_reason: z.string().nullable(),
});
export type ChatChoice = z.infer<typeof ChatChoiceSchema>;

export const ChatToolSchema = z.object({
  type: z.literal("function"),
  function: z
    .object({
      name: z.string(),
      description: z.string().optional(),
      parameters: z.record(z.string(), z.unknown()).optional(),
      strict: z.boolean().optional(),
    })
    .loose(),
});
export type ChatTool = z.infer<typeof ChatToolSchema>;

/** Chat inputs: `{ messages, ...request parameters }`. */
export const ChatInputsSchema = z.object({ messages: z.array(ChatMessageSchema) }).loose();
export type ChatInputs = z.infer<typeof ChatInputsSchema>;
/** Chat outputs: `{ choices, ...response metadata }`. */
export const ChatOutputsSchema = z.object({ choices: z.array(ChatChoiceSchema) }).loose();
export type ChatOutputs = z.infer<typeof ChatOutputsSchema>;

export const RetrievedDocumentSchema = z.object({
  id: z.string().optional(),
  page_content: z.string(),
  metadata: z.record(z.string(), z.unknown()),
});
export type RetrievedDocument = z.infer<typeof RetrievedDocumentSchema>;

// ---------------------------------------------------------------------------------------------
// Token usage (MLflow TokenUsageKey names). `input_tokens` includes cached tokens, as in GenAI semconv.

const count = z.number().int().nonnegative();
export const TokenUsageSchema = z.object({
  input_tokens: count,
  output_tokens: count,
  total_tokens: count,
  cache_read_input_tokens: count.optional(),
  cache_creation_input_tokens: count.optional(),
  /** Not an MLflow key; kept because several sources report it and dropping it would lose data. */
  reasoning_tokens: count.optional(),
  input_audio_tokens: count.optional(),
  output_audio_tokens: count.optional(),
});
export type TokenUsage = z.infer<typeof TokenUsageSchema>;

export const CostSchema = z
  .object({ input_cost: z.number().optional(), output_cost: z.number().optional(), total_cost: z.number().optional() })
  .loose();
export type Cost = z.infer<typeof CostSchema>;

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

/** The canonical span. Optional fields are absent (not undefined-valued) when a source has nothing for them. */
export interface MlflowSpan {
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
  conventions: Convention[];
  diagnostics: Diagnostic[];
}

// OTLP doubles can be NaN or ±Infinity, which z.number() refuses.
const anyNumber = z.custom<number>((v) => typeof v === "number", "expected a number");
const AttributeValueSchema: z.ZodType<AttributeValue> = z.lazy(() =>
  z.union([
    z.string(),
    anyNumber,
    z.boolean(),
    z.null(),
    z.undefined(),
    z.instanceof(Uint8Array),
    z.array(AttributeValueSchema),
    z.record(z.string(), AttributeValueSchema),
  ]),
);
const AttributesSchema = z.record(z.string(), AttributeValueSchema);

export const DiagnosticSchema = z.object({
  code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  severity: z.enum(SEVERITIES),
  key: z.string().optional(),
  message: z.string(),
  spanName: z.string().optional(),
  spanId: z.string().optional(),
});

const nanos = z.string().regex(/^\d+$/);
export const MlflowSpanSchema = z.object({
  name: z.string(),
  spanType: SpanTypeSchema,
  inputs: z.unknown().optional(),
  outputs: z.unknown().optional(),
  tokenUsage: TokenUsageSchema.optional(),
  model: z.string().optional(),
  provider: z.string().optional(),
  tools: z.array(ChatToolSchema).optional(),
  cost: CostSchema.optional(),
  messageFormat: z.string().optional(),
  attributes: AttributesSchema,
  events: z
    .array(z.object({ name: z.string(), timeUnixNano: nanos.optional(), attributes: AttributesSchema }))
    .optional(),
  status: z.object({ code: z.enum(STATUS_CODES), message: z.string().optional() }).optional(),
  kind: z.enum(SPAN_KINDS).optional(),
  traceId: z.string().regex(/^[0-9a-f]{32}$/).optional(),
  spanId: z.string().regex(/^[0-9a-f]{16}$/).optional(),
  parentSpanId: z.string().regex(/^[0-9a-f]{16}$/).optional(),
  startTimeUnixNano: nanos.optional(),
  endTimeUnixNano: nanos.optional(),
  scope: z
    .object({ name: z.string(), version: z.string().optional(), attributes: AttributesSchema.optional() })
    .optional(),
  resource: z.object({ attributes: AttributesSchema }).optional(),
  conventions: z.array(z.enum(CONVENTIONS)),
  diagnostics: z.array(DiagnosticSchema),
});
