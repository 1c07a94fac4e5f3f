/**
 * Decoded spans -> what the official OTel JS serializers take (ReadableSpan, ReadableLogRecord), so the
 * same spans can be written by `@opentelemetry/otlp-transformer` as protobuf and as JSON, and both
 * read back by this library.
 */
import {
  JsonLogsSerializer,
  JsonTraceSerializer,
  ProtobufLogsSerializer,
  ProtobufTraceSerializer,
} from "@opentelemetry/otlp-transformer";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import type { ReadableLogRecord } from "@opentelemetry/sdk-logs";
import type { Attributes, DecodedSpan } from "../../src/index.js";

const API_KINDS = ["INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"];
const STATUS = ["UNSET", "OK", "ERROR"];

export function hrTime(nanos: string | undefined): [number, number] {
  if (nanos === undefined) return [0, 0];
  const n = BigInt(nanos);
  return [Number(n / 1_000_000_000n), Number(n % 1_000_000_000n)];
}

function traceState(value: string | undefined) {
  return value === undefined ? undefined : { serialize: () => value, get: () => undefined, set: () => undefined as never, unset: () => undefined as never };
}

/** ReadableSpans with one resource and scope object per distinct decoded one (the serializers group by identity). */
export function toReadableSpans(spans: readonly DecodedSpan[]): ReadableSpan[] {
  const resources = new Map<object, object>();
  const resourceIndex = new Map<object, number>();
  // One scope object per resource, name and version: the protobuf serializer groups scopes by object
  // identity and the JSON one by name and version, so anything else would order spans differently.
  const scopes = new Map<string, object>();
  return spans.map((span) => {
    const resourceKey = (span.resource ?? {}) as object;
    let resource = resources.get(resourceKey);
    if (!resource) {
      resource = { attributes: (span.resource?.attributes ?? {}) as Attributes };
      resources.set(resourceKey, resource);
      resourceIndex.set(resourceKey, resourceIndex.size);
    }
    const scopeKey = JSON.stringify([resourceIndex.get(resourceKey), span.scope?.name ?? "", span.scope?.version ?? ""]);
    let scope = scopes.get(scopeKey);
    if (!scope) {
      scope = { name: span.scope?.name ?? "", version: span.scope?.version, attributes: span.scope?.attributes };
      scopes.set(scopeKey, scope);
    }
    const traceId = span.traceId ?? "0".repeat(32);
    const spanId = span.spanId ?? "0".repeat(16);
    const flags = span.flags ?? 0;
    const readable = {
      name: span.name,
      kind: API_KINDS.indexOf(String(span.kind ?? "INTERNAL")),
      spanContext: () => ({ traceId, spanId, traceFlags: flags & 0xff, traceState: traceState(span.traceState) }),
      parentSpanContext: span.parentSpanId ? { traceId, spanId: span.parentSpanId, traceFlags: 0, isRemote: (flags & 0x200) !== 0 } : undefined,
      startTime: hrTime(span.startTimeUnixNano === undefined ? undefined : String(span.startTimeUnixNano)),
      endTime: hrTime(span.endTimeUnixNano === undefined ? undefined : String(span.endTimeUnixNano)),
      status: { code: STATUS.indexOf(String(span.status?.code ?? "UNSET")), message: span.status?.message },
      attributes: span.attributes,
      links: (span.links ?? []).map((l) => ({
        context: { traceId: l.traceId, spanId: l.spanId, traceFlags: (l.flags ?? 0) & 0xff, isRemote: ((l.flags ?? 0) & 0x200) !== 0, traceState: traceState(l.traceState) },
        attributes: l.attributes,
        droppedAttributesCount: 0,
      })),
      events: span.events.map((e) => ({ name: e.name, time: hrTime(e.timeUnixNano === undefined ? undefined : String(e.timeUnixNano)), attributes: e.attributes, droppedAttributesCount: 0 })),
      duration: [0, 0],
      ended: true,
      resource,
      instrumentationScope: scope,
      droppedAttributesCount: 0,
      droppedEventsCount: 0,
      droppedLinksCount: 0,
    };
    return readable as unknown as ReadableSpan;
  });
}

export interface LogInput {
  spanId?: string;
  traceId?: string;
  eventName?: string;
  timeUnixNano?: string;
  observedTimeUnixNano?: string;
  body?: unknown;
  attributes: Attributes;
}

export function toReadableLogs(records: readonly LogInput[]): ReadableLogRecord[] {
  const resource = { attributes: {} };
  const scope = { name: "logs" };
  return records.map(
    (r) =>
      ({
        hrTime: hrTime(r.timeUnixNano),
        hrTimeObserved: hrTime(r.observedTimeUnixNano),
        spanContext: r.spanId ? { traceId: r.traceId ?? "1".repeat(32), spanId: r.spanId, traceFlags: 1 } : undefined,
        body: r.body,
        eventName: r.eventName,
        attributes: r.attributes,
        droppedAttributesCount: 0,
        resource,
        instrumentationScope: scope,
      }) as unknown as ReadableLogRecord,
  );
}

export const official = {
  tracesProtobuf: (spans: ReadableSpan[]) => ProtobufTraceSerializer.serializeRequest(spans)!,
  tracesJson: (spans: ReadableSpan[]) => new TextDecoder().decode(JsonTraceSerializer.serializeRequest(spans)!),
  logsProtobuf: (logs: ReadableLogRecord[]) => ProtobufLogsSerializer.serializeRequest(logs)!,
  logsJson: (logs: ReadableLogRecord[]) => new TextDecoder().decode(JsonLogsSerializer.serializeRequest(logs)!),
};
