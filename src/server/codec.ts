/**
 * Every protobuf and OTLP decoding/encoding the receiver does, in one place, so that the codec behind
 * it can be swapped in this file alone.
 *
 *   decodeTraceBody(bytes, format)  -> the spans of an ExportTraceServiceRequest
 *   decodeLogBody(bytes, format)    -> its log records as span events, keyed by span id
 *   encodeTraceRequest(spans)       -> a protobuf ExportTraceServiceRequest (what MLflow accepts)
 *   encodeTraceResponse / encodeLogsResponse / encodeStatus -> the small answers of the receiver
 *
 * Protobuf goes through the project's own codec (`decodeOtlpProtobuf`, `decodeOtlpLogsProtobuf`,
 * `encodeOtlpProtobuf`); JSON through `decodeOtlpJson` / `encodeOtlpJson`. No other dependency.
 */
import {
  decodeOtlpJson,
  decodeOtlpLogsProtobuf,
  decodeOtlpProtobuf,
  encodeOtlpJson,
  encodeOtlpProtobuf,
  OtlpDecodeError,
  type DecodedSpan,
  type SpanEvent,
  type SpanLike,
} from "../index.js";

export type BodyFormat = "protobuf" | "json";

/** One decoded trace request: the usable spans, and how many were rejected and why. */
export interface DecodedTraces {
  spans: DecodedSpan[];
  rejected: number;
  reason?: string;
}

/**
 * A whole request that cannot be read throws (the receiver answers 400 with the message). A request
 * whose envelope is readable but some spans are not yields the good spans and the rejected count.
 */
export function decodeTraceBody(bytes: Uint8Array, format: BodyFormat): DecodedTraces {
  if (format === "json") return decodeTraceJson(parseJson(bytes));
  // A protobuf request that does not decode has no envelope to keep good spans from: 400 for all of it.
  let spans: DecodedSpan[];
  try {
    spans = decodeOtlpProtobuf(bytes);
  } catch (error) {
    throw new OtlpDecodeError("(body)", `not a protobuf ExportTraceServiceRequest: ${(error as Error).message}`);
  }
  return withIds(spans, 0, undefined);
}

function parseJson(bytes: Uint8Array): unknown {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new OtlpDecodeError("(body)", `not valid JSON: ${(error as Error).message}`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * The fast path decodes the request whole. When that fails, each span is decoded on its own (in a
 * request with its resource and scope) so the good ones are kept and the bad ones counted.
 */
function decodeTraceJson(json: unknown): DecodedTraces {
  if (!isObject(json)) throw new OtlpDecodeError("(root)", 'expected an ExportTraceServiceRequest object ({"resourceSpans": [...]})');
  // `{}` is a legal empty request.
  if (json.resourceSpans === undefined || json.resourceSpans === null) return { spans: [], rejected: 0 };
  let spans: DecodedSpan[];
  let rejected = 0;
  let reason: string | undefined;
  try {
    spans = decodeOtlpJson(json);
  } catch (error) {
    if (!(error instanceof OtlpDecodeError)) throw error;
    ({ spans, rejected, reason } = decodeSpanBySpan(json, error));
  }
  return withIds(spans, rejected, reason);
}

/** MLflow refuses a whole request for one span without ids (it keys everything by them): those are rejected here. */
function withIds(spans: DecodedSpan[], rejected: number, reason: string | undefined): DecodedTraces {
  const kept = spans.filter((s) => s.traceId !== undefined && s.spanId !== undefined);
  if (kept.length !== spans.length) {
    rejected += spans.length - kept.length;
    reason ??= "span without a traceId or spanId";
  }
  return reason === undefined ? { spans: kept, rejected } : { spans: kept, rejected, reason };
}

function decodeSpanBySpan(json: Record<string, unknown>, whole: OtlpDecodeError): DecodedTraces {
  if (!Array.isArray(json.resourceSpans)) throw whole;
  const spans: DecodedSpan[] = [];
  let rejected = 0;
  let reason: string | undefined;
  const reject = (count: number, message: string) => {
    rejected += count;
    reason ??= message;
  };
  json.resourceSpans.forEach((rs, r) => {
    if (!isObject(rs)) return reject(1, `resourceSpans[${r}]: expected an object`);
    const scopeKey = "scopeSpans" in rs ? "scopeSpans" : "instrumentationLibrarySpans";
    const scopes = rs[scopeKey];
    if (!Array.isArray(scopes)) return scopes === undefined || scopes === null ? undefined : reject(1, `resourceSpans[${r}].${scopeKey}: expected an array`);
    scopes.forEach((ss, s) => {
      if (!isObject(ss)) return reject(1, `resourceSpans[${r}].${scopeKey}[${s}]: expected an object`);
      const list = ss.spans;
      if (!Array.isArray(list)) return list === undefined || list === null ? undefined : reject(1, `resourceSpans[${r}].${scopeKey}[${s}].spans: expected an array`);
      list.forEach((span, i) => {
        try {
          const one = decodeOtlpJson({ resourceSpans: [{ resource: rs.resource, [scopeKey]: [{ ...ss, spans: [span] }] }] });
          spans.push(...one);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          // The path inside the one-span request, moved to where the span sits in the real one.
          const inner = message.replace(/^resourceSpans\[0\]\.\w+\[0\]\.spans\[0\]/, "");
          const at = `resourceSpans[${r}].${scopeKey}[${s}].spans[${i}]`;
          reject(1, inner.startsWith(".") || inner.startsWith(":") ? `${at}${inner}` : `${at}: ${inner}`);
        }
      });
    });
  });
  return reason === undefined ? { spans, rejected } : { spans, rejected, reason };
}

// -------------------------------------------------------------------------------------------------
// Logs

/** Log records as span events (the project's own log -> event rule), grouped by the span id they name. */
export interface DecodedLogs {
  bySpanId: Map<string, SpanEvent[]>;
  /** Records without a span id: nothing to join them to. */
  unlinked: number;
}

export function decodeLogBody(bytes: Uint8Array, format: BodyFormat): DecodedLogs {
  if (format === "protobuf") {
    // Records without a span id are left out by the codec; they could not be joined anyway.
    try {
      return { bySpanId: decodeOtlpLogsProtobuf(bytes), unlinked: 0 };
    } catch (error) {
      throw new OtlpDecodeError("(body)", `not a protobuf ExportLogsServiceRequest: ${(error as Error).message}`);
    }
  }
  const json = parseJson(bytes);
  if (!isObject(json)) throw new OtlpDecodeError("(root)", 'expected an ExportLogsServiceRequest object ({"resourceLogs": [...]})');
  const ids = new Set<string>();
  let records = 0;
  for (const rl of asList(json.resourceLogs)) {
    for (const sl of asList(isObject(rl) ? rl.scopeLogs : undefined)) {
      for (const record of asList(isObject(sl) ? sl.logRecords : undefined)) {
        records++;
        const id = isObject(record) && typeof record.spanId === "string" ? record.spanId : undefined;
        if (id) ids.add(id);
      }
    }
  }
  // Spans that stand for each id the records name: decodeOtlpJson joins the records to them by its
  // own rule (event name, body, time), so the receiver and `convert --logs` agree on every event.
  const placeholders = [...ids].map((spanId) => ({ traceId: "0".repeat(31) + "1", spanId, name: "" }));
  const spans = decodeOtlpJson({ resourceSpans: [{ scopeSpans: [{ spans: placeholders }] }] }, { logs: json });
  const bySpanId = new Map<string, SpanEvent[]>();
  let joined = 0;
  for (const span of spans) {
    if (span.spanId && span.events.length > 0) {
      const list = bySpanId.get(span.spanId);
      if (list) list.push(...span.events);
      else bySpanId.set(span.spanId, span.events);
      joined += span.events.length;
    }
  }
  return { bySpanId, unlinked: Math.max(0, records - joined) };
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

// -------------------------------------------------------------------------------------------------
// Encoding

export function encodeTraceRequest(spans: readonly SpanLike[]): Uint8Array {
  return encodeOtlpProtobuf(spans);
}

/** OTLP/JSON lines for the file sink: one ExportTraceServiceRequest per batch. */
export function encodeTraceJsonLine(spans: readonly SpanLike[]): string {
  return `${JSON.stringify(encodeOtlpJson(spans))}\n`;
}

// Tiny protobuf writer for the receiver's answers (a few string and varint fields).

function varint(n: number): number[] {
  const out: number[] = [];
  let v = Math.max(0, Math.floor(n));
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return out;
}

function field(number: number, wireType: 0 | 2, payload: number[] | Uint8Array): number[] {
  const tag = varint((number << 3) | wireType);
  return wireType === 0 ? [...tag, ...payload] : [...tag, ...varint(payload.length), ...payload];
}

/** ExportTraceServiceResponse / ExportLogsServiceResponse: partial_success (1) { rejected (1), error_message (2) }. */
function encodePartial(rejected: number, message: string | undefined): Uint8Array {
  if (rejected === 0 && !message) return new Uint8Array(0);
  const inner = [...(rejected > 0 ? field(1, 0, varint(rejected)) : []), ...(message ? field(2, 2, Buffer.from(message, "utf8")) : [])];
  return Uint8Array.from(field(1, 2, inner));
}

export function encodeTraceResponse(format: BodyFormat, rejected = 0, message?: string): Uint8Array | string {
  if (format === "protobuf") return encodePartial(rejected, message);
  return JSON.stringify(rejected > 0 || message ? { partialSuccess: { rejectedSpans: String(rejected), errorMessage: message ?? "" } } : {});
}

export function encodeLogsResponse(format: BodyFormat, rejected = 0, message?: string): Uint8Array | string {
  if (format === "protobuf") return encodePartial(rejected, message);
  return JSON.stringify(rejected > 0 || message ? { partialSuccess: { rejectedLogRecords: String(rejected), errorMessage: message ?? "" } } : {});
}

/** google.rpc.Status { code (1), message (2) }, the body OTLP/HTTP puts on error answers. */
export function encodeStatus(format: BodyFormat, code: number, message: string): Uint8Array | string {
  if (format === "json") return JSON.stringify({ code, message });
  return Uint8Array.from([...field(1, 0, varint(code)), ...field(2, 2, Buffer.from(message, "utf8"))]);
}
