/**
 * OTLP/JSON `ExportTraceServiceRequest` -> `SpanLike[]`, plus the optional `ExportLogsServiceRequest`
 * whose records (GenAI content events written as logs) are attached to their spans as events.
 * Also accepts JSON Lines (one request per line), as the Collector's file exporter writes.
 */
import type { Attributes, AttributeValue, SpanEvent } from "../span.js";
import { decodeAnyValue, decodeKeyValues, OtlpDecodeError } from "./anyvalue.js";
import { markDecoded, normalizeId, OTLP_KINDS, OTLP_STATUS, toNanos } from "./span-like.js";
import type { SpanLike } from "./span-like.js";
import { setOwn } from "../internal/records.js";

export interface DecodeOptions {
  /** An ExportLogsServiceRequest (object, JSON or JSON Lines) whose records are joined to spans by span id. */
  logs?: unknown;
}

/** A link to another span, as decoded: ids in lowercase hex, flags as the 32-bit OTLP field. */
export interface SpanLink {
  traceId: string;
  spanId: string;
  traceState?: string;
  flags?: number;
  attributes: Attributes;
}

/**
 * A decoded span: a `SpanLike` whose envelope fields are already normalised, plus what OTLP carries
 * beyond the MLflow envelope (W3C trace state, span flags, links), kept so encoding gives them back.
 */
export type DecodedSpan = SpanLike & { name: string; events: SpanEvent[]; traceState?: string; flags?: number; links?: SpanLink[] };

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
    // `{}` is how proto3 JSON writes a request with no spans: legal, and empty.
    if (Object.keys(request).length === 0) return;
    throw new OtlpDecodeError(`${label}(root)`, 'missing "resourceSpans"; is this an OTLP/JSON trace export?');
  }
  asArray(request.resourceSpans, `${label}resourceSpans`).forEach((rsRaw, r) => {
    const rsPath = `${label}resourceSpans[${r}]`;
    const rs = asObject(rsRaw, rsPath, "a ResourceSpans");
    const resourceRaw = rs.resource === undefined || rs.resource === null ? undefined : asObject(rs.resource, `${rsPath}.resource`, "a Resource");
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
  // proto3 JSON writes an absent (default) field as null as well as leaving it out.
  if (span.kind !== undefined && span.kind !== null) out.kind = decodeEnum(span.kind, OTLP_KINDS, "SPAN_KIND_", `${path}.kind`);
  if (span.status !== undefined && span.status !== null) {
    const status = asObject(span.status, `${path}.status`, "a Status");
    const code = status.code === undefined || status.code === null ? "UNSET" : decodeEnum(status.code, OTLP_STATUS, "STATUS_CODE_", `${path}.status.code`);
    out.status = typeof status.message === "string" && status.message !== "" ? { code, message: status.message } : { code };
  }
  if (typeof span.traceState === "string" && span.traceState !== "") out.traceState = span.traceState;
  const flags = decodeFlags(span.flags, `${path}.flags`);
  if (flags !== undefined) out.flags = flags;
  if (span.links !== undefined && span.links !== null) {
    const links = asArray(span.links, `${path}.links`).map((l, i) => decodeLink(l, `${path}.links[${i}]`));
    if (links.length > 0) out.links = links;
  }
  markDecoded(out);
  return out;
}

function decodeLink(raw: unknown, path: string): SpanLink {
  const link = asObject(raw, path, "a Link");
  const out: SpanLink = {
    traceId: decodeId(link.traceId, 16, `${path}.traceId`) ?? "0".repeat(32),
    spanId: decodeId(link.spanId, 8, `${path}.spanId`) ?? "0".repeat(16),
    attributes: decodeKeyValues(link.attributes, `${path}.attributes`),
  };
  if (typeof link.traceState === "string" && link.traceState !== "") out.traceState = link.traceState;
  const flags = decodeFlags(link.flags, `${path}.flags`);
  if (flags !== undefined) out.flags = flags;
  return out;
}

/** `flags` is a fixed32: zero (the default) is left out, as protobuf leaves it out. */
function decodeFlags(raw: unknown, path: string): number | undefined {
  if (raw === undefined || raw === null || raw === 0) return undefined;
  if (typeof raw === "number" && Number.isInteger(raw) && raw > 0 && raw <= 0xffffffff) return raw;
  throw new OtlpDecodeError(path, "expected an unsigned 32-bit integer");
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
  if (raw === undefined || raw === null || raw === "" || raw === 0 || raw === "0" || raw === 0n) return undefined;
  const nanos = typeof raw === "string" || typeof raw === "number" || typeof raw === "bigint" ? toNanos(raw) : undefined;
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

/**
 * The log records of one logs input, grouped by span id. Kept for the last logs input seen, because a
 * JSON Lines trace file is decoded line by line with the same logs document each time: without the
 * index every line walked every record again (quadratic; 2,400 + 2,400 lines took 13 s).
 */
let lastLogs: { input: unknown; index: Map<string, SpanEvent[]> } | undefined;

export function indexLogs(logsJson: unknown): Map<string, SpanEvent[]> {
  if (lastLogs !== undefined && lastLogs.input === logsJson) return lastLogs.index;
  const index = new Map<string, SpanEvent[]>();
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
          if (spanId === undefined) return;
          const event = logRecordToEvent(record, path);
          const list = index.get(spanId);
          if (list) list.push(event);
          else index.set(spanId, [event]);
        });
      });
    });
  }
  // Strings compare by value; an object by identity (a caller that edits it in place between calls gets
  // the index of its first state, which is why only the last input is kept).
  lastLogs = { input: logsJson, index };
  return index;
}

/** Appends each span's log records (in time order with its events) from an index built by indexLogs. */
export function joinLogs(spans: DecodedSpan[], index: Map<string, SpanEvent[]>): void {
  for (const span of spans) {
    const records = span.spanId === undefined ? undefined : index.get(span.spanId);
    // Copies: the index is shared by every decode that uses the same logs input.
    if (records !== undefined) for (const r of records) span.events.push(copyEvent(r));
    // Every span's events are put in time order when logs are given, as before the index existed.
    if (span.events.length > 1) span.events.sort((a, b) => compareNanos(a.timeUnixNano, b.timeUnixNano));
  }
}

function attachLogs(spans: DecodedSpan[], logsJson: unknown): void {
  joinLogs(spans, indexLogs(logsJson));
}

function copyEvent(e: SpanEvent): SpanEvent {
  const out: SpanEvent = { name: e.name, attributes: { ...e.attributes } };
  if (e.timeUnixNano !== undefined) out.timeUnixNano = e.timeUnixNano;
  return out;
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
  // An empty body ({} or null: what serializers write for a record without one) adds nothing.
  if (record.body !== undefined) {
    const body = decodeAnyValue(record.body, `${path}.body`);
    if (body !== undefined) setOwn<AttributeValue>(attributes, "body", body);
  }
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
