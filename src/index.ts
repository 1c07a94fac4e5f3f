/**
 * Public API of mlflow-semconv: an explicit list, nothing re-exported wholesale. The zod schemas of the
 * canonical shapes are on the `mlflow-semconv/schemas` subpath, so a server that only translates does
 * not bundle them.
 */
export { toMlflowSpan, fromMlflowSpan, isMlflowSpan, type ToMlflowOptions, type FromMlflowOptions } from "./pipeline/translate.js";
export { toMlflowAttributes, decodeMlflowValue } from "./conventions/mlflow/encode.js";
export { validateSpan, REQUIRABLE_FIELDS, type ValidateOptions, type RequirableField } from "./pipeline/validate.js";
export { detectConventions } from "./pipeline/detect.js";
export { CONVENTION_IDS, EMIT_TARGETS, type Convention, type EmitTarget, type MlflowSpan } from "./conventions/index.js";
export type { EmitOptions } from "./conventions/types.js";
export { decodeOtlpJson, type DecodeOptions, type DecodedSpan } from "./otlp/decode.js";
export { encodeOtlpJson, type ExportTraceServiceRequest, type OtlpSpan } from "./otlp/encode.js";
export { OtlpDecodeError } from "./otlp/anyvalue.js";
export { summarizeTrace, PREVIEW_MAX_LENGTH, type TraceSummary, type TraceState, type TraceTokenUsage } from "./pipeline/summarize.js";
export { decodeOtlpProtobuf, decodeOtlpLogsProtobuf, type ProtobufDecodeOptions } from "./otlp/protobuf.js";
export { encodeOtlpProtobuf } from "./otlp/protobuf-encode.js";
export type { SpanLike, SpanLikeEvent, HrTime, TimeInput } from "./otlp/span-like.js";
export { MLFLOW_KEYS } from "./conventions/mlflow/keys.js";
export {
  NORMALIZED_CHAT_FORMAT,
  SPAN_TYPES,
  SEVERITIES,
  SPAN_KINDS,
  STATUS_CODES,
  isSpanType,
  type Attributes,
  type AttributeScalar,
  type AttributeValue,
  type AudioPart,
  type CanonicalSpan,
  type ChatChoice,
  type ChatInputs,
  type ChatMessage,
  type ChatOutputs,
  type ChatTool,
  type ContentPart,
  type Cost,
  type Diagnostic,
  type FilePart,
  type ImagePart,
  type InstrumentationScope,
  type OtherPart,
  type ReasoningPart,
  type Resource,
  type RetrievedDocument,
  type Severity,
  type SpanEvent,
  type SpanKindName,
  type SpanStatus,
  type SpanType,
  type StatusCodeName,
  type TextPart,
  type TokenUsage,
  type ToolCall,
} from "./canonical/span.js";
