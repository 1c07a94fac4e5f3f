/**
 * OTLP/JSON `ExportTraceServiceRequest` -> `SpanLike[]`, plus the optional `ExportLogsServiceRequest`
 * whose records (GenAI content events written as logs) are attached to their spans as events.
 * Also accepts JSON Lines (one request per line), as the Collector's file exporter writes.
 */
import type { Attributes, SpanEvent } from "../canonical/span.js";
import { decodeAnyValue, decodeKeyValues, OtlpDecodeError } from "./anyvalue.js";
import { markDecoded, normalizeId, OTLP_KINDS, OTLP_STATUS, toNanos } from "./span-like.js";
import type { SpanLike } from "./span-like.js";
import { setOwn } from "../internal/records.js";

export interface DecodeOptions {
  /** An ExportLogsServiceRequest (object, JSON or JSON Lines) whose records are joined to spans by span id. */
  logs?: unknown;
}

/** A decoded span: a `SpanLike` whose envelope fields are already normalised. */
export type DecodedSpan = SpanLike & { name: string; events: SpanEvent[] };

export function decodeOtlpJson(json: unknown, options: DecodeOptions = {}): DecodedSpan[] {
  const requests = toRequests(json, "ExportTraceServiceRequest");
  const spans: DecodedSpan[] = [];
  requests.forEach(({ request, label }) => decodeTraceRequest(request, label, spans));
  if (options.logs !== undefined) attachLogs(spans, options.logs);
  return spans;
}

/** Parses a string as one JSON document, or as JSON Lines when that fails; objects pass through. */
function toRequests(json: unknown, what: string): Array<{ request: unknown; label: string }> {
  if (typeof json !== "string") return [{ request: json, label: "" }];
  try {
    return [{ request: JSON.parse(json), label: "" }];
  } catch (wholeError) {
    const lines = json.split(/\r?\n/);
    const out: Array<{ request: unknown; label: string }> = [];
    if (lines.filter((l) => l.trim() !== "").length < 2) {
      throw new OtlpDecodeError("(input)", `not valid JSON for an ${what}: ${(wholeError as Error).message}`);
    }
    lines.forEach((line, i) => {
      if (line.trim() === "") return;
      try {
        out.push({ request: JSON.parse(line), label: `line ${i + 1}: ` });
      } catch (error) {
        throw new OtlpDecodeError(`line ${i + 1}`, `not valid JSON: ${(error as Error).message}`);
      }
    });
    return out;
  }
}

function asObject(value: unknown, path: string, what: string): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new OtlpDecodeError(path, `expected ${what} object`);
  }
  return value as Record<string, unknown>;
}

function asArray(value: unknown, path: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new OtlpDecodeError(path, "expected an array");
  return value;
}

function decodeTraceRequest(raw: unknown, label: string, out: DecodedSpan[]): void {
  const request = asObject(raw, `${label}(root)`, 'an ExportTraceServiceRequest ({"resourceSpans": [...]})');
  if (!("resourceSpans" in request)) {
    throw new OtlpDecodeError(`${label}(root)`, 'missing "resourceSpans"; is this an OTLP/JSON trace export?');
  }
  asArray(request.resourceSpans, `${label}resourceSpans`).forEach((rsRaw, r) => {
    const rsPath = `${label}resourceSpans[${r}]`;
    const rs = asObject(rsRaw, rsPath, "a ResourceSpans");
    const resourceRaw = rs.resource === undefined ? undefined : asObject(rs.resource, `${rsPath}.resource`, "a Resource");
    const resource = { attributes: decodeKeyValues(resourceRaw?.attributes, `${rsPath}.resource.attributes`) };
    // `instrumentationLibrarySpans` is the pre-1.0 name of `scopeSpans`; old collectors still write it.
    const scopeKey = "scopeSpans" in rs ? "scopeSpans" : "instrumentationLibrarySpans";
    asArray(rs[scopeKey], `${rsPath}.${scopeKey}`).forEach((ssRaw, s) => {
      const ssPath = `${rsPath}.${scopeKey}[${s}]`;
      const ss = asObject(ssRaw, ssPath, "a ScopeSpans");
      const scopeRaw = ss.scope ?? ss.instrumentationLibrary;
      const scope = scopeRaw === undefined ? undefined : decodeScope(scopeRaw, `${ssPath}.scope`);
      asArray(ss.spans, `${ssPath}.spans`).forEach((spanRaw, i) => {
        out.push(decodeSpan(spanRaw, `${ssPath}.spans[${i}]`, scope, resource));
      });
    });
  });
}

function decodeScope(raw: unknown, path: string): SpanLike["scope"] {
  const scope = asObject(raw, path, "an InstrumentationScope");
  const out: NonNullable<SpanLike["scope"]> = { name: typeof scope.name === "string" ? scope.name : "" };
  if (typeof scope.version === "string" && scope.version !== "") out.version = scope.version;
  const attributes = decodeKeyValues(scope.attributes, `${path}.attributes`);
  if (Object.keys(attributes).length > 0) out.attributes = attributes;
  return out;
}

function decodeSpan(raw: unknown, path: string, scope: SpanLike["scope"], resource: { attributes: Attributes }): DecodedSpan {
  const span = asObject(raw, path, "a Span");
  const out: DecodedSpan = {
    name: typeof span.name === "string" ? span.name : "",
    attributes: decodeKeyValues(span.attributes, `${path}.attributes`),
    events: asArray(span.events, `${path}.events`).map((e, i) => decodeEvent(e, `${path}.events[${i}]`)),
    resource,
  };
  if (scope) out.scope = scope;
  const traceId = decodeId(span.traceId, 16, `${path}.traceId`);
  const spanId = decodeId(span.spanId, 8, `${path}.spanId`);
  const parentSpanId = decodeId(span.parentSpanId, 8, `${path}.parentSpanId`);
  if (traceId) out.traceId = traceId;
  if (spanId) out.spanId = spanId;
  if (parentSpanId) out.parentSpanId = parentSpanId;
  const start = decodeTime(span.startTimeUnixNano, `${path}.startTimeUnixNano`);
  const end = decodeTime(span.endTimeUnixNano, `${path}.endTimeUnixNano`);
  if (start) out.startTimeUnixNano = start;
  if (end) out.endTimeUnixNano = end;
  if (span.kind !== undefined) out.kind = decodeEnum(span.kind, OTLP_KINDS, "SPAN_KIND_", `${path}.kind`);
  if (span.status !== undefined && span.status !== null) {
    const status = asObject(span.status, `${path}.status`, "a Status");
    const code = status.code === undefined ? "UNSET" : decodeEnum(status.code, OTLP_STATUS, "STATUS_CODE_", `${path}.status.code`);
    out.status = typeof status.message === "string" && status.message !== "" ? { code, message: status.message } : { code };
  }
  markDecoded(out);
  return out;
}

function decodeEvent(raw: unknown, path: string): SpanEvent {
  const event = asObject(raw, path, "an Event");
  const out: SpanEvent = {
    name: typeof event.name === "string" ? event.name : "",
    attributes: decodeKeyValues(event.attributes, `${path}.attributes`),
  };
  const time = decodeTime(event.timeUnixNano, `${path}.timeUnixNano`);
  if (time) out.timeUnixNano = time;
  return out;
}

function decodeId(raw: unknown, bytes: 8 | 16, path: string): string | undefined {
  if (raw === undefined || raw === null || raw === "") return undefined;
  if (typeof raw !== "string") throw new OtlpDecodeError(path, "expected a hex (or base64) string");
  const hex = normalizeId(raw, bytes);
  if (hex === undefined && !/^0+$/.test(raw) && !/^A+=*$/.test(raw)) {
    throw new OtlpDecodeError(path, `expected ${bytes * 2} hex digits (or ${bytes} bytes in base64), got "${raw}"`);
  }
  return hex;
}

function decodeTime(raw: unknown, path: string): string | undefined {
  if (raw === undefined || raw === null || raw === "" || raw === 0 || raw === "0") return undefined;
  const nanos = typeof raw === "string" || typeof raw === "number" ? toNanos(raw) : undefined;
  if (nanos === undefined) throw new OtlpDecodeError(path, "expected nanoseconds as a decimal string or number");
  return nanos;
}

function decodeEnum<T extends string>(raw: unknown, names: readonly T[], prefix: string, path: string): T {
  if (typeof raw === "number" && names[raw] !== undefined) return names[raw]!;
  if (typeof raw === "string") {
    const name = raw.toUpperCase().replace(prefix, "");
    if ((names as readonly string[]).includes(name)) return name as T;
  }
  throw new OtlpDecodeError(path, `expected one of ${names.map((n, i) => `${i} (${prefix}${n})`).join(", ")}`);
}

// ---------------------------------------------------------------------------------------------
// Logs: GenAI instrumentations (e.g. @opentelemetry/instrumentation-openai) write message content
// as log records correlated to the span by span id instead of as span events.

function attachLogs(spans: DecodedSpan[], logsJson: unknown): void {
  const bySpanId = new Map<string, DecodedSpan>();
  for (const span of spans) if (span.spanId) bySpanId.set(span.spanId, span);
  for (const { request: raw, label } of toRequests(logsJson, "ExportLogsServiceRequest")) {
    const request = asObject(raw, `${label}(root)`, 'an ExportLogsServiceRequest ({"resourceLogs": [...]})');
    asArray(request.resourceLogs, `${label}resourceLogs`).forEach((rlRaw, r) => {
      const rlPath = `${label}resourceLogs[${r}]`;
      const rl = asObject(rlRaw, rlPath, "a ResourceLogs");
      asArray(rl.scopeLogs, `${rlPath}.scopeLogs`).forEach((slRaw, s) => {
        const slPath = `${rlPath}.scopeLogs[${s}]`;
        const sl = asObject(slRaw, slPath, "a ScopeLogs");
        asArray(sl.logRecords, `${slPath}.logRecords`).forEach((recordRaw, i) => {
          const path = `${slPath}.logRecords[${i}]`;
          const record = asObject(recordRaw, path, "a LogRecord");
          const spanId = decodeId(record.spanId, 8, `${path}.spanId`);
          const span = spanId ? bySpanId.get(spanId) : undefined;
          if (span) span.events.push(logRecordToEvent(record, path));
        });
      });
    });
  }
  for (const span of spans) {
    if (span.events.length > 1) span.events.sort((a, b) => compareNanos(a.timeUnixNano, b.timeUnixNano));
  }
}

function logRecordToEvent(record: Record<string, unknown>, path: string): SpanEvent {
  const attributes = decodeKeyValues(record.attributes, `${path}.attributes`);
  // The event name moved from the `event.name` attribute to the `eventName` field in OTLP 1.5.
  const name =
    typeof record.eventName === "string" && record.eventName !== ""
      ? record.eventName
      : typeof attributes["event.name"] === "string"
        ? attributes["event.name"]
        : "log";
  if (record.body !== undefined) setOwn(attributes, "body", decodeAnyValue(record.body, `${path}.body`));
  const event: SpanEvent = { name, attributes };
  const time = decodeTime(record.timeUnixNano ?? record.observedTimeUnixNano, `${path}.timeUnixNano`);
  if (time) event.timeUnixNano = time;
  return event;
}

function compareNanos(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : 1;
}
