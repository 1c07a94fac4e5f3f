/**
 * For sources that build their OTel spans themselves from their own tracing model (Mastra's
 * OtelExporter converts its AI spans; ids are made by Mastra, not by an OTel IdGenerator): an
 * in-memory exporter that, when read, gives every trace and span a stable id from the harness's
 * DeterministicIdGenerator. Ids are handed out in the order the spans started (ties: export
 * order), parent links are rewritten to match, and a parent id that is not among the exported spans
 * keeps a stable id too. Nothing else in the span is touched.
 */
import { type SpanContext } from "@opentelemetry/api";
import { InMemorySpanExporter, type ReadableSpan } from "@opentelemetry/sdk-trace-base";

import type { DeterministicIdGenerator } from "./harness.js";

const ns = (span: ReadableSpan): bigint => BigInt(span.startTime[0]) * 1_000_000_000n + BigInt(span.startTime[1]);

export class RemappingSpanExporter extends InMemorySpanExporter {
  constructor(private readonly ids: DeterministicIdGenerator) {
    super();
  }

  override getFinishedSpans(): ReadableSpan[] {
    const spans = [...super.getFinishedSpans()]
      .map((span, index) => ({ span, index }))
      .sort((a, b) => {
        const d = ns(a.span) - ns(b.span);
        return d !== 0n ? (d < 0n ? -1 : 1) : a.index - b.index;
      })
      .map(({ span }) => span);
    const traces = new Map<string, string>();
    const spanIds = new Map<string, string>();
    const trace = (id: string): string => {
      let mapped = traces.get(id);
      if (mapped === undefined) traces.set(id, (mapped = this.ids.generateTraceId()));
      return mapped;
    };
    const spanId = (id: string): string => {
      let mapped = spanIds.get(id);
      if (mapped === undefined) spanIds.set(id, (mapped = this.ids.generateSpanId()));
      return mapped;
    };
    for (const span of spans) {
      trace(span.spanContext().traceId);
      spanId(span.spanContext().spanId);
    }
    return spans.map((span) => {
      const original = span.spanContext();
      const context: SpanContext = { ...original, traceId: trace(original.traceId), spanId: spanId(original.spanId) };
      const parent = span.parentSpanContext;
      const parentContext: SpanContext | undefined =
        parent !== undefined ? { ...parent, traceId: trace(parent.traceId), spanId: spanId(parent.spanId) } : undefined;
      return {
        name: span.name,
        kind: span.kind,
        spanContext: () => context,
        ...(parentContext !== undefined ? { parentSpanContext: parentContext } : {}),
        startTime: span.startTime,
        endTime: span.endTime,
        status: span.status,
        attributes: span.attributes,
        links: span.links,
        events: span.events,
        duration: span.duration,
        ended: span.ended,
        resource: span.resource,
        instrumentationScope: span.instrumentationScope,
        droppedAttributesCount: span.droppedAttributesCount,
        droppedEventsCount: span.droppedEventsCount,
        droppedLinksCount: span.droppedLinksCount,
      };
    });
  }
}
