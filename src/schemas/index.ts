/**
 * zod schemas of the canonical span and its parts (the `mlflow-semconv/schemas` subpath), for users who
 * validate stored or hand-built spans, and for the tests. The library itself never runs them on the hot
 * path: canonical/guards.ts holds the hand-written checks it needs, and test/schemas/ checks that both
 * agree. The types in canonical/span.ts are the source of truth; `_agree` below fails to compile when a
 * schema's output drifts from its type.
 */
import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";
import {
  SPAN_KINDS, SPAN_TYPES, SEVERITIES, STATUS_CODES,
  type AttributeValue, type ChatChoice, type ChatMessage, type ChatTool, type ContentPart, type Cost, type RetrievedDocument, type TokenUsage, type ToolCall,
} from "../canonical/span.js";
// The ids only (conventions/ids.ts): importing CONVENTIONS would bundle every parser and emitter here.
import { CONVENTION_ID_LIST } from "../conventions/ids.js";

// zod/mini loads no locale ("Invalid input" for every issue): the English one gives the messages
// classic zod prints. The configuration is zod's global one, so a locale the program chose first wins.
if (z.config().localeError === undefined) z.config(en());

/** MLflow's span types. `mlflow.entities.SpanType` is a plain class, so unknown strings can appear in stored data. */
export const SpanTypeSchema = z.enum(SPAN_TYPES);



// ---------------------------------------------------------------------------------------------
// Attributes as OTel carries them, plus the two extra shapes OTLP can decode to (kvlist, bytes).


// ---------------------------------------------------------------------------------------------
// Chat shapes (OpenAI chat completions, as in mlflow/types/chat.py).

export const TextPartSchema = z.object({ type: z.literal("text"), text: z.string() });
export const ImagePartSchema = z.object({
  type: z.literal("image_url"),
  image_url: z.looseObject({ url: z.string(), detail: z.optional(z.string()) }),
});
export const AudioPartSchema = z.object({
  type: z.literal("input_audio"),
  input_audio: z.looseObject({ data: z.string(), format: z.string() }),
});
export const FilePartSchema = z.object({
  type: z.literal("file"),
  file: z.looseObject({ file_data: z.optional(z.string()), file_id: z.optional(z.string()), filename: z.optional(z.string()) }),
});
/** Model reasoning ("thinking") kept as its own part so it is never mixed into the reply text. */
export const ReasoningPartSchema = z.object({ type: z.literal("reasoning"), text: z.string() });
/** Any part we do not model is kept as is rather than dropped. */
export const OtherPartSchema = z.looseObject({ type: z.string() });

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
  tool_calls: z.nullish(z.array(ToolCallSchema)),
  tool_call_id: z.nullish(z.string()),
  name: z.nullish(z.string()),
  refusal: z.nullish(z.string()),
});

export const ChatChoiceSchema = z.object({
  index: z.int().check(z.nonnegative()),
  message: ChatMessageSchema,
  finish_reason: z.nullable(z.string()),
});

export const ChatToolSchema = z.object({
  type: z.literal("function"),
  function: z.looseObject({
    name: z.string(),
    description: z.optional(z.string()),
    parameters: z.optional(z.record(z.string(), z.unknown())),
    strict: z.optional(z.boolean()),
  }),
});

/** Chat inputs: `{ messages, ...request parameters }`. */
export const ChatInputsSchema = z.looseObject({ messages: z.array(ChatMessageSchema) });
/** Chat outputs: `{ choices, ...response metadata }`. */
export const ChatOutputsSchema = z.looseObject({ choices: z.array(ChatChoiceSchema) });

export const RetrievedDocumentSchema = z.object({
  id: z.optional(z.string()),
  page_content: z.string(),
  metadata: z.record(z.string(), z.unknown()),
});

// ---------------------------------------------------------------------------------------------
// Token usage (MLflow TokenUsageKey names). `input_tokens` includes cached tokens, as in GenAI semconv.

const count = z.optional(z.int().check(z.nonnegative()));
export const TokenUsageSchema = z.object({
  input_tokens: count,
  output_tokens: count,
  total_tokens: count,
  cache_read_input_tokens: count,
  cache_creation_input_tokens: count,
  /** Not an MLflow key; kept because several sources report it and dropping it would lose data. */
  reasoning_tokens: count,
  input_audio_tokens: count,
  output_audio_tokens: count,
});

export const CostSchema = z.looseObject({ input_cost: z.optional(z.number()), output_cost: z.optional(z.number()), total_cost: z.optional(z.number()) });

// ---------------------------------------------------------------------------------------------
// Diagnostics



// ---------------------------------------------------------------------------------------------
// Span envelope







// OTLP doubles can be NaN or ±Infinity, which z.number() refuses.
const anyNumber = z.custom<number>((v) => typeof v === "number", "expected a number");
const AttributeValueSchema: z.ZodMiniType<AttributeValue> = z.lazy(() =>
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
  code: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)),
  severity: z.enum(SEVERITIES),
  key: z.optional(z.string()),
  message: z.string(),
  spanName: z.optional(z.string()),
  spanId: z.optional(z.string()),
});

const nanos = z.optional(z.string().check(z.regex(/^\d+$/)));
const hexId = (length: number) => z.optional(z.string().check(z.regex(new RegExp(`^[0-9a-f]{${length}}$`))));
const text = z.optional(z.string());
export const MlflowSpanSchema = z.object({
  name: z.string(),
  spanType: SpanTypeSchema,
  inputs: z.optional(z.unknown()),
  outputs: z.optional(z.unknown()),
  tokenUsage: z.optional(TokenUsageSchema),
  model: text,
  provider: text,
  tools: z.optional(z.array(ChatToolSchema)),
  cost: z.optional(CostSchema),
  messageFormat: text,
  attributes: AttributesSchema,
  events: z.optional(z.array(z.object({ name: z.string(), timeUnixNano: nanos, attributes: AttributesSchema }))),
  status: z.optional(z.object({ code: z.enum(STATUS_CODES), message: text })),
  kind: z.optional(z.enum(SPAN_KINDS)),
  traceId: hexId(32),
  spanId: hexId(16),
  parentSpanId: hexId(16),
  startTimeUnixNano: nanos,
  endTimeUnixNano: nanos,
  scope: z.optional(z.object({ name: z.string(), version: text, attributes: z.optional(AttributesSchema) })),
  resource: z.optional(z.object({ attributes: AttributesSchema })),
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
