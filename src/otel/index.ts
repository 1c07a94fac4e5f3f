// mlflow-semconv/otel: OTel SDK pieces (span processor, MLflow exporter, ReadableSpan conversion).
// The SDK packages are optional peer dependencies, loaded when a class that needs one is constructed.
export {
  MlflowSpanProcessor,
  MlflowBatchSpanProcessor,
  MlflowSimpleSpanProcessor,
  type MlflowSpanProcessorOptions,
  type SpanFilter,
  type BatchOptions,
} from "./processor.js";
export { MlflowExporter, resolveMlflowExporterConfig, MLFLOW_EXPERIMENT_HEADER, type MlflowExporterOptions, type MlflowExporterConfig } from "./exporter.js";
export { toReadableSpan, toReadableSpans, presentSpan, translateSdkSpan, type ReadableSpanOptions, type Translation } from "./readable.js";
export type { ReadableSpan, SdkReadableSpan, SpanExporter, SpanProcessor, ExportResult, OtelResource, OtelScope, OtelTimedEvent } from "./types.js";
export type { LogRecordProcessor, LogRecordLike } from "./logs.js";
