/**
 * The OTel SDK shapes this subpath works with, written structurally so that one build fits the span
 * processors and spans of SDK 1.x (`@opentelemetry/sdk-trace-base` 1.x), 2.x and `@opentelemetry/sdk-trace`
 * 3.x: only `@opentelemetry/api` types are imported, never an SDK package's.
 */
import type { Attributes, Context, HrTime, Link, SpanContext, SpanKind, SpanStatus } from "@opentelemetry/api";

export interface OtelScope {
  readonly name: string;
  readonly version?: string;
  readonly schemaUrl?: string;
  readonly attributes?: Attributes;
}

export interface OtelResource {
  readonly attributes: Attributes;
  readonly schemaUrl?: string;
  readonly asyncAttributesPending?: boolean;
  waitForAsyncAttributes?(): Promise<void>;
}

export interface OtelTimedEvent {
  readonly name: string;
  readonly time: HrTime;
  readonly attributes?: Attributes;
  readonly droppedAttributesCount?: number;
}

/**
 * A finished span as the SDK hands it to processors and exporters. SDK 1.x names the parent
 * `parentSpanId` and the scope `instrumentationLibrary`; 2.x and 3.x use `parentSpanContext` and
 * `instrumentationScope`. The spans this subpath builds carry both spellings, so any major's OTLP
 * serializer reads them.
 */
export interface ReadableSpan {
  readonly name: string;
  readonly kind: SpanKind;
  readonly spanContext: () => SpanContext;
  readonly parentSpanContext?: SpanContext;
  readonly parentSpanId?: string;
  readonly startTime: HrTime;
  readonly endTime: HrTime;
  readonly status: SpanStatus;
  readonly attributes: Attributes;
  readonly links: Link[];
  readonly events: OtelTimedEvent[];
  readonly duration: HrTime;
  readonly ended: boolean;
  readonly resource: OtelResource;
  readonly instrumentationScope: OtelScope;
  readonly instrumentationLibrary?: OtelScope;
  readonly droppedAttributesCount: number;
  readonly droppedEventsCount: number;
  readonly droppedLinksCount: number;
}

/** What an SDK span processor receives in `onEnd`: either spelling of the parent and scope. */
export type SdkReadableSpan = Omit<ReadableSpan, "instrumentationScope"> & {
  readonly instrumentationScope?: OtelScope;
};

export interface ExportResult {
  code: number;
  error?: Error;
}

export interface SpanExporter {
  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void;
  shutdown(): Promise<void>;
  forceFlush?(): Promise<void>;
}

export interface SpanProcessor {
  forceFlush(): Promise<void>;
  onStart(span: unknown, parentContext: Context): void;
  onEnd(span: SdkReadableSpan): void;
  shutdown(): Promise<void>;
}

/** `ExportResultCode` of `@opentelemetry/core`, which this subpath does not import. */
export const EXPORT_SUCCESS = 0;
export const EXPORT_FAILED = 1;
