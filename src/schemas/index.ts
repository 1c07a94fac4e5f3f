/**
 * zod schemas of the canonical span and its parts (the `mlflow-semconv/schemas` subpath), for users who
 * validate stored or hand-built spans, and for the tests. The library itself never runs them on the hot
 * path: canonical/guards.ts holds the hand-written checks it needs, and test/schemas/ checks that both
 * agree. The types in canonical/span.ts are the source of truth; `_agree` below fails to compile when a
 * schema's output drifts from its type.
 */
import * as z from "zod";
import {
  SPAN_KINDS, SPAN_TYPES, SEVERITIES, STATUS_CODES,
  type AttributeValue, type ChatChoice, type ChatMessage, type ChatTool, type ContentPart, type Cost, type RetrievedDocument, type TokenUsage, type ToolCall,
} from "../canonical/span.js";
// The ids only (conventions/ids.ts): importing CONVENTIONS would bundle every parser and emitter here.
import { CONVENTION_ID_LIST } from "../conventions/ids.js";

/** MLflow's span types. `mlflow.entities.SpanType` is a plain class, so unknown strings can appear in stored data. */
export const SpanTypeSchema = z.enum(SPAN_TYPES);



// ---------------------------------------------------------------------------------------------
// Attributes as OTel carries them, plus the two extra shapes OTLP can decode to (kvlist, bytes).


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

export const ToolCallSchema = z.object({
  id: z.string(),
  type: z.literal("function"),
  function: z.object({ name: z.string(), arguments: z.string() }),
});

export const ChatMessageSchema = z.object({
  role: z.string(),
  content: z.union([z.string(), z.array(ContentPartSchema), z.null()]),
  tool_calls: z.array(ToolCallSchema).nullish(),
  tool_call_id: z.string().nullish(),
  name: z.string().nullish(),
  refusal: z.string().nullish(),
});

export const ChatChoiceSchema = z.object({
  index: z.number().int().nonnegative(),
  message: ChatMessageSchema,
  finish_reason: z.string().nullable(),
});

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

/** Chat inputs: `{ messages, ...request parameters }`. */
export const ChatInputsSchema = z.object({ messages: z.array(ChatMessageSchema) }).loose();
/** Chat outputs: `{ choices, ...response metadata }`. */
export const ChatOutputsSchema = z.object({ choices: z.array(ChatChoiceSchema) }).loose();

export const RetrievedDocumentSchema = z.object({
  id: z.string().optional(),
  page_content: z.string(),
  metadata: z.record(z.string(), z.unknown()),
});

// ---------------------------------------------------------------------------------------------
// Token usage (MLflow TokenUsageKey names). `input_tokens` includes cached tokens, as in GenAI semconv.

const count = z.number().int().nonnegative();
export const TokenUsageSchema = z.object({
  input_tokens: count.optional(),
  output_tokens: count.optional(),
  total_tokens: count.optional(),
  cache_read_input_tokens: count.optional(),
  cache_creation_input_tokens: count.optional(),
  /** Not an MLflow key; kept because several sources report it and dropping it would lose data. */
  reasoning_tokens: count.optional(),
  input_audio_tokens: count.optional(),
  output_audio_tokens: count.optional(),
});

export const CostSchema = z
  .object({ input_cost: z.number().optional(), output_cost: z.number().optional(), total_cost: z.number().optional() })
  .loose();

// ---------------------------------------------------------------------------------------------
// Diagnostics



// ---------------------------------------------------------------------------------------------
// Span envelope







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
  conventions: z.array(z.enum(CONVENTION_ID_LIST)),
  diagnostics: z.array(DiagnosticSchema),
});

/** Compile-time agreement of each schema's output with its canonical type (both directions). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _agree: [
  Same<z.infer<typeof ToolCallSchema>, ToolCall>,
  Same<z.infer<typeof TokenUsageSchema>, TokenUsage>,
  Same<z.infer<typeof RetrievedDocumentSchema>, RetrievedDocument>,
] = [true, true, true];
void _agree;
export type { ChatChoice, ChatMessage, ChatTool, ContentPart, Cost };
export * from "./genai.js";
