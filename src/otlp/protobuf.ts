/**
 * OTLP/protobuf (`application/x-protobuf`, what every OTel SDK's `http/protobuf` exporter sends and
 * MLflow's `/v1/traces` accepts) <-> spans. A hand-written codec for the messages OTLP trace and logs
 * exports use; no dependencies, no `node:` imports.
 *
 * `decodeOtlpProtobuf` returns exactly what `decodeOtlpJson` returns for the same request: the same
 * span objects field for field (ids as lowercase hex, times as decimal nanosecond strings, int64
 * beyond 2^53 as decimal digits, kind and status as names), with log records joined by span id.
 * Where protobuf cannot say what JSON can (an absent field and its default are the same bytes) the
 * JSON path already treats the default as absent: empty strings, zero ids, zero times, zero flags.
 * Span `kind` is the exception: present on the wire it is kept even when 0 (UNSPECIFIED), as a JSON
 * `"kind": 0` is; the official serializers leave a zero kind out.
 *
 * Dropped counts (`dropped_attributes_count` and the like) and `schema_url` are read past, as the JSON
 * path does. Unknown fields are skipped, as protobuf requires.
 */
import type { Attributes, SpanEvent } from "../canonical/span.js";
import { OtlpDecodeError } from "./anyvalue.js";
import { joinLogs, type DecodedSpan, type SpanLink } from "./decode.js";
import { markDecoded, OTLP_KINDS, OTLP_STATUS, type SpanLike } from "./span-like.js";
import { Reader, rethrowAt, WIRE_FIXED32, WIRE_LEN, WIRE_VARINT, WireError } from "./wire.js";
import { readLogsRequest } from "./protobuf-logs.js";
import { readId, readKeyValueInto, readTime } from "./protobuf-values.js";
export interface ProtobufDecodeOptions {
  /** An ExportLogsServiceRequest in protobuf whose records are joined to spans by span id (GenAI content written as logs). */
  logs?: Uint8Array;
}

/** Decodes an OTLP/protobuf ExportTraceServiceRequest. Throws only `OtlpDecodeError`, naming the field path. */
export function decodeOtlpProtobuf(bytes: Uint8Array, options: ProtobufDecodeOptions = {}): DecodedSpan[] {
  if (!(bytes instanceof Uint8Array)) throw new OtlpDecodeError("(input)", "expected the request bytes as a Uint8Array");
  const spans: DecodedSpan[] = [];
  try {
    readTraceRequest(new Reader(bytes), spans);
  } catch (error) {
    throw toDecodeError(error);
  }
  if (options.logs !== undefined) joinLogs(spans, decodeOtlpLogsProtobuf(options.logs));
  return spans;
}

/** Decodes an OTLP/protobuf ExportLogsServiceRequest into its records as span events, grouped by span id (records without one are left out). */
export function decodeOtlpLogsProtobuf(bytes: Uint8Array): Map<string, SpanEvent[]> {
  if (!(bytes instanceof Uint8Array)) throw new OtlpDecodeError("(logs)", "expected the logs request bytes as a Uint8Array");
  const index = new Map<string, SpanEvent[]>();
  try {
    readLogsRequest(new Reader(bytes), index);
  } catch (error) {
    throw toDecodeError(error);
  }
  return index;
}

function toDecodeError(error: unknown): OtlpDecodeError {
  if (error instanceof WireError) return new OtlpDecodeError(error.path === "" ? "(root)" : error.path, error.reason);
  if (error instanceof OtlpDecodeError) return error;
  // Not expected: every fault of the input is a WireError. Kept typed so callers see one error class.
  return new OtlpDecodeError("(root)", `undecodable: ${(error as Error)?.message ?? String(error)}`);
}

// ---------------------------------------------------------------------------------------------
// Traces. One Reader walks the whole request: `enter()` narrows it to a field's payload and `leave()`
// widens it again, so no object is allocated per message.

function readTraceRequest(r: Reader, out: DecodedSpan[]): void {
  let index = 0;
  for (let field = r.tag(); field !== 0; field = r.tag()) {
    if (field === 1) {
      const i = index++;
      try {
        r.expect(WIRE_LEN, "");
        const outer = r.enter();
        readResourceSpans(r, out);
        r.leave(outer);
      } catch (error) {
        rethrowAt(error, `resourceSpans[${i}]`);
      }
    } else r.skip();
  }
}

function readResourceSpans(r: Reader, out: DecodedSpan[]): void {
  // The resource may come after the scopes on the wire: note where the scopes are, then decode them.
  let resource: { attributes: Attributes } | undefined;
  const scopes: number[] = [];
  for (let field = r.tag(); field !== 0; field = r.tag()) {
    if (field === 1) {
      r.expect(WIRE_LEN, "resource");
      try {
        const outer = r.enter();
        resource = { attributes: readAttributesOnly(r, 1) };
        r.leave(outer);
      } catch (error) {
        rethrowAt(error, "resource");
      }
    } else if (field === 2) {
      r.expect(WIRE_LEN, `scopeSpans[${scopes.length / 2}]`);
      const start = r.len();
      scopes.push(start, r.pos);
    } else r.skip();
  }
  const shared = resource ?? { attributes: {} };
  const pos = r.pos;
  const end = r.end;
  for (let i = 0; i < scopes.length; i += 2) {
    r.pos = scopes[i]!;
    r.end = scopes[i + 1]!;
    try {
      readScopeSpans(r, shared, out);
    } catch (error) {
      rethrowAt(error, `scopeSpans[${i / 2}]`);
    }
  }
  r.pos = pos;
  r.end = end;
}

/** A message whose only field of interest is a KeyValue list (Resource). */
function readAttributesOnly(r: Reader, attributesField: number): Attributes {
  const attributes: Attributes = {};
  let n = 0;
  for (let field = r.tag(); field !== 0; field = r.tag()) {
    if (field === attributesField) readKeyValueInto(r, attributes, "attributes", n++, 0);
    else r.skip();
  }
  return attributes;
}

export type Scope = NonNullable<SpanLike["scope"]>;

function readScopeSpans(r: Reader, resource: { attributes: Attributes }, out: DecodedSpan[]): void {
  let scope: Scope | undefined;
  const spans: number[] = [];
  for (let field = r.tag(); field !== 0; field = r.tag()) {
    if (field === 1) {
      r.expect(WIRE_LEN, "scope");
      try {
        const outer = r.enter();
        scope = readScope(r);
        r.leave(outer);
      } catch (error) {
        rethrowAt(error, "scope");
      }
    } else if (field === 2) {
      r.expect(WIRE_LEN, `spans[${spans.length / 2}]`);
      const start = r.len();
      spans.push(start, r.pos);
    } else r.skip();
  }
  const end = r.end;
  for (let i = 0; i < spans.length; i += 2) {
    r.pos = spans[i]!;
    r.end = spans[i + 1]!;
    try {
      out.push(readSpan(r, scope, resource));
    } catch (error) {
      rethrowAt(error, `spans[${i / 2}]`);
    }
  }
  r.pos = end;
  r.end = end;
}

function readScope(r: Reader): Scope {
  let name = "";
  let version = "";
  const attributes: Attributes = {};
  let n = 0;
  for (let field = r.tag(); field !== 0; field = r.tag()) {
    if (field === 1) {
      r.expect(WIRE_LEN, "name");
      name = r.key();
    } else if (field === 2) {
      r.expect(WIRE_LEN, "version");
      version = r.key();
    } else if (field === 3) readKeyValueInto(r, attributes, "attributes", n++, 0);
    else r.skip();
  }
  const scope: Scope = { name };
  if (version !== "") scope.version = version;
  if (n > 0 && Object.keys(attributes).length > 0) scope.attributes = attributes;
  return scope;
}

function readSpan(r: Reader, scope: Scope | undefined, resource: { attributes: Attributes }): DecodedSpan {
  let traceId: string | undefined;
  let spanId: string | undefined;
  let parentSpanId: string | undefined;
  let traceState = "";
  let name = "";
  let kind = -1;
  let start: string | undefined;
  let end: string | undefined;
  const attributes: Attributes = {};
  let attributeCount = 0;
  const events: SpanEvent[] = [];
  let links: SpanLink[] | undefined;
  let status: DecodedSpan["status"];
  let flags = 0;
  for (let field = r.tag(); field !== 0; field = r.tag()) {
    switch (field) {
      case 1:
        traceId = readId(r, 16, "traceId");
        break;
      case 2:
        spanId = readId(r, 8, "spanId");
        break;
      case 3:
        r.expect(WIRE_LEN, "traceState");
        traceState = r.string();
        break;
      case 4:
        parentSpanId = readId(r, 8, "parentSpanId");
        break;
      case 5:
        r.expect(WIRE_LEN, "name");
        name = r.key();
        break;
      case 6:
        r.expect(WIRE_VARINT, "kind");
        kind = r.uint32();
        if (OTLP_KINDS[kind] === undefined) {
          throw new WireError(`expected one of ${OTLP_KINDS.map((k, i) => `${i} (SPAN_KIND_${k})`).join(", ")}, got ${kind}`, "kind");
        }
        break;
      case 7:
        start = readTime(r, "startTimeUnixNano");
        break;
      case 8:
        end = readTime(r, "endTimeUnixNano");
        break;
      case 9:
        readKeyValueInto(r, attributes, "attributes", attributeCount++, 0);
        break;
      case 11: {
        const i = events.length;
        try {
          r.expect(WIRE_LEN, "");
          const outer = r.enter();
          events.push(readEvent(r));
          r.leave(outer);
        } catch (error) {
          rethrowAt(error, `events[${i}]`);
        }
        break;
      }
      case 13: {
        links ??= [];
        const i = links.length;
        try {
          r.expect(WIRE_LEN, "");
          const outer = r.enter();
          links.push(readLink(r));
          r.leave(outer);
        } catch (error) {
          rethrowAt(error, `links[${i}]`);
        }
        break;
      }
      case 15: {
        try {
          r.expect(WIRE_LEN, "");
          const outer = r.enter();
          status = readStatus(r);
          r.leave(outer);
        } catch (error) {
          rethrowAt(error, "status");
        }
        break;
      }
      case 16:
        r.expect(WIRE_FIXED32, "flags");
        flags = r.fixed32();
        break;
      default:
        r.skip();
    }
  }
  // The same construction order as decodeOtlpJson, so both give objects of the same shape.
  const out: DecodedSpan = { name, attributes, events, resource };
  if (scope) out.scope = scope;
  if (traceId) out.traceId = traceId;
  if (spanId) out.spanId = spanId;
  if (parentSpanId) out.parentSpanId = parentSpanId;
  if (start) out.startTimeUnixNano = start;
  if (end) out.endTimeUnixNano = end;
  if (kind >= 0) out.kind = OTLP_KINDS[kind];
  if (status) out.status = status;
  if (traceState !== "") out.traceState = traceState;
  if (flags !== 0) out.flags = flags;
  if (links !== undefined && links.length > 0) out.links = links;
  markDecoded(out);
  return out;
}

function readEvent(r: Reader): SpanEvent {
  let name = "";
  let time: string | undefined;
  const attributes: Attributes = {};
  let n = 0;
  for (let field = r.tag(); field !== 0; field = r.tag()) {
    if (field === 1) time = readTime(r, "timeUnixNano");
    else if (field === 2) {
      r.expect(WIRE_LEN, "name");
      name = r.key();
    } else if (field === 3) readKeyValueInto(r, attributes, "attributes", n++, 0);
    else r.skip();
  }
  const out: SpanEvent = { name, attributes };
  if (time) out.timeUnixNano = time;
  return out;
}

function readLink(r: Reader): SpanLink {
  let traceId: string | undefined;
  let spanId: string | undefined;
  let traceState = "";
  let flags = 0;
  const attributes: Attributes = {};
  let n = 0;
  for (let field = r.tag(); field !== 0; field = r.tag()) {
    if (field === 1) traceId = readId(r, 16, "traceId");
    else if (field === 2) spanId = readId(r, 8, "spanId");
    else if (field === 3) {
      r.expect(WIRE_LEN, "traceState");
      traceState = r.string();
    } else if (field === 4) readKeyValueInto(r, attributes, "attributes", n++, 0);
    else if (field === 6) {
      r.expect(WIRE_FIXED32, "flags");
      flags = r.fixed32();
    } else r.skip();
  }
  const out: SpanLink = { traceId: traceId ?? "0".repeat(32), spanId: spanId ?? "0".repeat(16), attributes };
  if (traceState !== "") out.traceState = traceState;
  if (flags !== 0) out.flags = flags;
  return out;
}

function readStatus(r: Reader): NonNullable<DecodedSpan["status"]> {
  let message = "";
  let code = 0;
  for (let field = r.tag(); field !== 0; field = r.tag()) {
    if (field === 2) {
      r.expect(WIRE_LEN, "message");
      message = r.string();
    } else if (field === 3) {
      r.expect(WIRE_VARINT, "code");
      code = r.uint32();
      if (OTLP_STATUS[code] === undefined) {
        throw new WireError(`expected one of ${OTLP_STATUS.map((c, i) => `${i} (STATUS_CODE_${c})`).join(", ")}, got ${code}`, "code");
      }
    } else r.skip();
  }
  const name = OTLP_STATUS[code]!;
  return message !== "" ? { code: name, message } : { code: name };
}
