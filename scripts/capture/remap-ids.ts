/**
 * For sources that build their OTel spans themselves from their own tracing model (Mastra's
 * OtelExporter converts its AI spans; ids are made by Mastra, not by an OTel IdGenerator): an
 * in-memory exporter that, when read, gives every trace and span a stable id from the harness's
 * DeterministicIdGenerator. Ids are handed out in the order the spans started (ties, common with
 * millisecond clocks: ancestors first, then export order), parent links are rewritten to match, and
 * a parent id that is not among the exported spans keeps a stable id too. Where a source copies span
 * ids into attribute values (Laminar's `lmnr.span.ids_path` holds them as UUIDs
 * `00000000-0000-0000-xxxx-xxxxxxxxxxxx`), those copies are rewritten the same way, in hex and in
 * that UUID form. Nothing else in the span is touched.
 */
import type { Attributes, AttributeValue, SpanContext } from "@opentelemetry/api";
import { InMemorySpanExporter, type ReadableSpan } from "@opentelemetry/sdk-trace-base";

import type { DeterministicIdGenerator } from "./harness.js";

const ns = (span: ReadableSpan): bigint => BigInt(span.startTime[0]) * 1_000_000_000n + BigInt(span.startTime[1]);

export class RemappingSpanExporter extends InMemorySpanExporter {
  constructor(private readonly ids: DeterministicIdGenerator) {
    super();
  }

  override getFinishedSpans(): ReadableSpan[] {
    const finished = [...super.getFinishedSpans()];
    const byId = new Map(finished.map((span) => [span.spanContext().spanId, span]));
    const depth = (span: ReadableSpan): number => {
      let d = 0;
      for (let p = span.parentSpanContext?.spanId; p !== undefined && d < 1000; p = byId.get(p)?.parentSpanContext?.spanId) d++;
      return d;
    };
    const spans = finished
      .map((span, index) => ({ span, index, depth: depth(span) }))
      .sort((a, b) => {
        const d = ns(a.span) - ns(b.span);
        if (d !== 0n) return d < 0n ? -1 : 1;
        return a.depth !== b.depth ? a.depth - b.depth : a.index - b.index;
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
    const uuidForm = (hex: string): string => `00000000-0000-0000-${hex.slice(0, 4)}-${hex.slice(4)}`;
    const replacements = [...spanIds].flatMap(([from, to]) => [
      [from, to],
      [uuidForm(from), uuidForm(to)],
    ]);
    const text = (value: string): string => replacements.reduce((acc, [from, to]) => acc.split(from!).join(to!), value);
    const rewrite = (value: AttributeValue | undefined): AttributeValue | undefined => {
      if (typeof value === "string") return text(value);
      if (Array.isArray(value)) return value.map((item: unknown) => (typeof item === "string" ? text(item) : item)) as AttributeValue;
      return value;
    };
    const attributes = (attrs: Attributes): Attributes => {
      const out: Attributes = {};
      for (const [key, value] of Object.entries(attrs)) out[key] = rewrite(value);
      return out;
    };
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
        attributes: attributes(span.attributes),
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
