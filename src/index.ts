// Public API of mlflow-semconv: re-exports only.
export { toMlflowSpan, fromMlflowSpan, isMlflowSpan, type ToMlflowOptions } from "./pipeline/translate.js";
export { toMlflowAttributes, decodeMlflowValue } from "./conventions/mlflow/encode.js";
export { validateSpan, REQUIRABLE_FIELDS, type ValidateOptions, type RequirableField } from "./pipeline/validate.js";
export { EMIT_TARGETS, type EmitOptions, type EmitTarget } from "./pipeline/registry.js";
export { decodeOtlpJson, type DecodeOptions, type DecodedSpan } from "./otlp/decode.js";
export { encodeOtlpJson, type ExportTraceServiceRequest, type OtlpSpan } from "./otlp/encode.js";
export { OtlpDecodeError } from "./otlp/anyvalue.js";
export type { SpanLike, SpanLikeEvent, HrTime, TimeInput } from "./otlp/span-like.js";
export { MLFLOW_KEYS, NORMALIZED_CHAT_FORMAT } from "./conventions/mlflow/keys.js";
export { detectConventions } from "./pipeline/detect.js";
export * from "./canonical/span.js";
