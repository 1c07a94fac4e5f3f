// Public API of mlflow-semconv: re-exports only.
export { toMlflowSpan, fromMlflowSpan, isMlflowSpan, type ToMlflowOptions } from "./mappers/translate.js";
export { toMlflowAttributes, decodeMlflowValue } from "./mappers/mlflow/encode.js";
export { validateSpan, REQUIRABLE_FIELDS, type ValidateOptions, type RequirableField } from "./mappers/validate.js";
export { EMIT_TARGETS, type EmitOptions, type EmitTarget } from "./mappers/registry.js";
export { decodeOtlpJson, type DecodeOptions, type DecodedSpan } from "./otlp/decode.js";
export { encodeOtlpJson, type ExportTraceServiceRequest, type OtlpSpan } from "./otlp/encode.js";
export { OtlpDecodeError } from "./otlp/anyvalue.js";
export { summarizeTrace, PREVIEW_MAX_LENGTH, type TraceSummary, type TraceState, type TraceTokenUsage } from "./pipeline/summarize.js";
export { decodeOtlpProtobuf, decodeOtlpLogsProtobuf, encodeOtlpProtobuf, type ProtobufDecodeOptions } from "./otlp/protobuf.js";
export type { SpanLike, SpanLikeEvent, HrTime, TimeInput } from "./otlp/span-like.js";
export { MLFLOW_KEYS, NORMALIZED_CHAT_FORMAT } from "./conventions/mlflow.js";
export { detectConventions } from "./mappers/detect.js";
export * from "./span.js";
