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
import type { Attributes, AttributeValue, SpanEvent } from "../span.js";
import { MAX_ANYVALUE_DEPTH, OtlpDecodeError } from "./anyvalue.js";
import { joinLogs, type DecodedSpan, type SpanLink } from "./decode.js";
import { linkFields, stableKey } from "./encode.js";
import { markDecoded, normalizeEnvelope, OTLP_KINDS, OTLP_STATUS, type SpanLike } from "./span-like.js";
import { setOwn } from "../internal/records.js";
import {
  decimalTo64,
  int64Value,
  Reader,
  rethrowAt,
  uint64Decimal,
  WIRE_FIXED32,
  WIRE_FIXED64,
  WIRE_LEN,
  WIRE_VARINT,
  WireError,
  Writer,
} from "./wire.js";

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

type Scope = NonNullable<SpanLike["scope"]>;

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

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** An id field: `bytes` long, or empty; all zeros means none (as in the JSON path). */
function readId(r: Reader, bytes: 8 | 16, name: string): string | undefined {
  r.expect(WIRE_LEN, name);
  const start = r.len();
  const n = r.pos - start;
  if (n === 0) return undefined;
  if (n !== bytes) throw new WireError(`expected ${bytes} bytes, got ${n}`, name);
  const buf = r.buf;
  let hex = "";
  let zero = true;
  for (let i = start; i < r.pos; i++) {
    const b = buf[i]!;
    if (b !== 0) zero = false;
    hex += HEX[b];
  }
  return zero ? undefined : hex;
}

/** A fixed64 time in nanoseconds as decimal digits; zero means none. */
function readTime(r: Reader, name: string): string | undefined {
  r.expect(WIRE_FIXED64, name);
  r.fixed64();
  return r.lo === 0 && r.hi === 0 ? undefined : uint64Decimal(r.lo, r.hi);
}

// ---------------------------------------------------------------------------------------------
// AnyValue and KeyValue

/** Reads one KeyValue field (the reader is at its payload's length) into `into`. */
function readKeyValueInto(r: Reader, into: Attributes, listName: string, i: number, depth: number): void {
  try {
    r.expect(WIRE_LEN, "");
    const outer = r.enter();
    let key = "";
    let value: AttributeValue;
    for (let field = r.tag(); field !== 0; field = r.tag()) {
      if (field === 1) {
        r.expect(WIRE_LEN, "key");
        key = r.key();
      } else if (field === 2) {
        try {
          r.expect(WIRE_LEN, "");
          const o = r.enter();
          value = readAnyValue(r, depth);
          r.leave(o);
        } catch (error) {
          rethrowAt(error, "value");
        }
      } else r.skip();
    }
    r.leave(outer);
    if (key === "__proto__") setOwn(into, key, value);
    else into[key] = value;
  } catch (error) {
    rethrowAt(error, `${listName}[${i}]`);
  }
}

function readAnyValue(r: Reader, depth: number): AttributeValue {
  let value: AttributeValue;
  for (let field = r.tag(); field !== 0; field = r.tag()) {
    switch (field) {
      case 1:
        r.expect(WIRE_LEN, "stringValue");
        value = r.string();
        break;
      case 2:
        r.expect(WIRE_VARINT, "boolValue");
        value = r.bool();
        break;
      case 3:
        r.expect(WIRE_VARINT, "intValue");
        r.varint64();
        value = int64Value(r.lo, r.hi);
        break;
      case 4:
        r.expect(WIRE_FIXED64, "doubleValue");
        value = r.double();
        break;
      case 5:
      case 6: {
        const name = field === 5 ? "arrayValue" : "kvlistValue";
        try {
          r.expect(WIRE_LEN, "");
          if (depth >= MAX_ANYVALUE_DEPTH) throw new WireError(`arrayValue / kvlistValue nested more than ${MAX_ANYVALUE_DEPTH} deep`);
          const outer = r.enter();
          value = field === 5 ? readArray(r, depth + 1) : readKvList(r, depth + 1);
          r.leave(outer);
        } catch (error) {
          rethrowAt(error, name);
        }
        break;
      }
      case 7:
        r.expect(WIRE_LEN, "bytesValue");
        value = r.bytes();
        break;
      default:
        r.skip();
    }
  }
  return value;
}

function readArray(r: Reader, depth: number): AttributeValue[] {
  const values: AttributeValue[] = [];
  for (let field = r.tag(); field !== 0; field = r.tag()) {
    if (field === 1) {
      const i = values.length;
      try {
        r.expect(WIRE_LEN, "");
        const outer = r.enter();
        values.push(readAnyValue(r, depth));
        r.leave(outer);
      } catch (error) {
        rethrowAt(error, `values[${i}]`);
      }
    } else r.skip();
  }
  return values;
}

function readKvList(r: Reader, depth: number): Attributes {
  const out: Attributes = {};
  let n = 0;
  for (let field = r.tag(); field !== 0; field = r.tag()) {
    if (field === 1) readKeyValueInto(r, out, "values", n++, depth);
    else r.skip();
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Logs: records become span events, named and timed as decodeOtlpJson names and times them.

function readLogsRequest(r: Reader, index: Map<string, SpanEvent[]>): void {
  let rl = 0;
  for (let field = r.tag(); field !== 0; field = r.tag()) {
    if (field !== 1) {
      r.skip();
      continue;
    }
    const i = rl++;
    try {
      r.expect(WIRE_LEN, "");
      const outer = r.enter();
      let sl = 0;
      for (let f = r.tag(); f !== 0; f = r.tag()) {
        if (f !== 2) {
          r.skip();
          continue;
        }
        const j = sl++;
        try {
          r.expect(WIRE_LEN, "");
          const o = r.enter();
          readScopeLogs(r, index);
          r.leave(o);
        } catch (error) {
          rethrowAt(error, `scopeLogs[${j}]`);
        }
      }
      r.leave(outer);
    } catch (error) {
      rethrowAt(error, `resourceLogs[${i}]`);
    }
  }
}

function readScopeLogs(r: Reader, index: Map<string, SpanEvent[]>): void {
  let n = 0;
  for (let field = r.tag(); field !== 0; field = r.tag()) {
    if (field !== 2) {
      r.skip();
      continue;
    }
    const i = n++;
    try {
      r.expect(WIRE_LEN, "");
      const outer = r.enter();
      const record = readLogRecord(r);
      r.leave(outer);
      if (record === undefined) continue;
      const list = index.get(record[0]);
      if (list) list.push(record[1]);
      else index.set(record[0], [record[1]]);
    } catch (error) {
      rethrowAt(error, `logRecords[${i}]`);
    }
  }
}

function readLogRecord(r: Reader): [string, SpanEvent] | undefined {
  let spanId: string | undefined;
  let time: string | undefined;
  let timeSeen = false;
  let observed: string | undefined;
  let eventName = "";
  const attributes: Attributes = {};
  let n = 0;
  let hasBody = false;
  let body: AttributeValue;
  for (let field = r.tag(); field !== 0; field = r.tag()) {
    switch (field) {
      case 1:
        time = readTime(r, "timeUnixNano");
        timeSeen = true;
        break;
      case 11:
        observed = readTime(r, "observedTimeUnixNano");
        break;
      case 5: {
        try {
          r.expect(WIRE_LEN, "");
          const outer = r.enter();
          body = readAnyValue(r, 0);
          r.leave(outer);
        } catch (error) {
          rethrowAt(error, "body");
        }
        hasBody = true;
        break;
      }
      case 6:
        readKeyValueInto(r, attributes, "attributes", n++, 0);
        break;
      case 10:
        spanId = readId(r, 8, "spanId");
        break;
      case 12:
        r.expect(WIRE_LEN, "eventName");
        eventName = r.key();
        break;
      default:
        r.skip();
    }
  }
  if (spanId === undefined) return undefined;
  const name = eventName !== "" ? eventName : typeof attributes["event.name"] === "string" ? attributes["event.name"] : "log";
  if (hasBody && body !== undefined) setOwn<AttributeValue>(attributes, "body", body);
  const event: SpanEvent = { name, attributes };
  // As in the JSON path: the record's time when it has one on the wire, else the observed time.
  const at = timeSeen ? time : observed;
  if (at) event.timeUnixNano = at;
  return [spanId, event];
}

// ---------------------------------------------------------------------------------------------
// Encoding

/**
 * Spans -> an OTLP/protobuf ExportTraceServiceRequest, grouped by resource and scope exactly as
 * `encodeOtlpJson` groups them (the two encodings carry the same request). Accepts what the
 * translators accept: decoded spans, `MlflowSpan`s, OTel SDK `ReadableSpan`s.
 */
export function encodeOtlpProtobuf(spans: readonly SpanLike[]): Uint8Array {
  if (!Array.isArray(spans)) throw new TypeError("encodeOtlpProtobuf expects an array of spans");
  type ScopeGroup = { scope: Scope; spans: SpanLike[]; envs: ReturnType<typeof normalizeEnvelope>[] };
  const resources = new Map<string, { attributes: Attributes; scopes: ScopeGroup[] }>();
  const scopes = new Map<string, ScopeGroup>();
  // Spans of one request share their resource's attribute record: its key is computed once per record.
  const keys = new Map<Attributes, string>();
  for (const span of spans) {
    const env = normalizeEnvelope(span);
    const resourceAttributes: Attributes = env.resource?.attributes ?? {};
    let resourceKey = keys.get(resourceAttributes);
    if (resourceKey === undefined) {
      resourceKey = stableKey(resourceAttributes);
      keys.set(resourceAttributes, resourceKey);
    }
    let resource = resources.get(resourceKey);
    if (!resource) {
      resource = { attributes: resourceAttributes, scopes: [] };
      resources.set(resourceKey, resource);
    }
    const scope = env.scope ?? { name: "" };
    const scopeKey = `${resourceKey}\u0000${scope.name}\u0000${scope.version ?? ""}\u0000${scope.attributes ? stableKey(scope.attributes) : "[]"}`;
    let group = scopes.get(scopeKey);
    if (!group) {
      group = { scope, spans: [], envs: [] };
      scopes.set(scopeKey, group);
      resource.scopes.push(group);
    }
    group.spans.push(span);
    group.envs.push(env);
  }
  const w = new Writer(4096);
  for (const resource of resources.values()) {
    w.tag(1, WIRE_LEN);
    const rs = w.begin();
    w.tag(1, WIRE_LEN);
    const res = w.begin();
    writeAttributes(w, 1, resource.attributes);
    w.finish(res);
    for (const group of resource.scopes) {
      w.tag(2, WIRE_LEN);
      const ss = w.begin();
      w.tag(1, WIRE_LEN);
      const sc = w.begin();
      writeString(w, 1, group.scope.name);
      if (group.scope.version) writeString(w, 2, group.scope.version);
      if (group.scope.attributes) writeAttributes(w, 3, group.scope.attributes);
      w.finish(sc);
      for (let i = 0; i < group.spans.length; i++) {
        w.tag(2, WIRE_LEN);
        const sp = w.begin();
        writeSpan(w, group.spans[i]!, group.envs[i]!);
        w.finish(sp);
      }
      w.finish(ss);
    }
    w.finish(rs);
  }
  return w.result();
}

function writeSpan(w: Writer, span: SpanLike, env: ReturnType<typeof normalizeEnvelope>): void {
  writeId(w, 1, env.traceId, 16);
  writeId(w, 2, env.spanId, 8);
  if (typeof span.traceState === "string" && span.traceState !== "") writeString(w, 3, span.traceState);
  if (env.parentSpanId) writeId(w, 4, env.parentSpanId, 8);
  writeString(w, 5, env.name);
  // As encodeOtlpJson: a span without a kind goes out as INTERNAL.
  w.tag(6, WIRE_VARINT);
  w.uint32(env.kind ? OTLP_KINDS.indexOf(env.kind) : 1);
  writeTime(w, 7, env.startTimeUnixNano);
  writeTime(w, 8, env.endTimeUnixNano);
  writeAttributes(w, 9, env.attributes);
  for (const event of env.events ?? []) {
    w.tag(11, WIRE_LEN);
    const e = w.begin();
    writeTime(w, 1, event.timeUnixNano);
    writeString(w, 2, event.name);
    writeAttributes(w, 3, event.attributes);
    w.finish(e);
  }
  if (Array.isArray(span.links)) {
    for (const link of span.links) {
      const fields = linkFields(link);
      w.tag(13, WIRE_LEN);
      const l = w.begin();
      writeId(w, 1, fields.traceId, 16);
      writeId(w, 2, fields.spanId, 8);
      if (fields.traceState !== undefined) writeString(w, 3, fields.traceState);
      writeAttributes(w, 4, fields.attributes);
      if (fields.flags !== undefined) {
        w.tag(6, WIRE_FIXED32);
        w.fixed32(fields.flags);
      }
      w.finish(l);
    }
  }
  w.tag(15, WIRE_LEN);
  const st = w.begin();
  if (env.status?.message) writeString(w, 2, env.status.message);
  w.tag(3, WIRE_VARINT);
  w.uint32(env.status ? OTLP_STATUS.indexOf(env.status.code) : 0);
  w.finish(st);
  if (typeof span.flags === "number" && span.flags !== 0) {
    w.tag(16, WIRE_FIXED32);
    w.fixed32(span.flags);
  }
}

function writeString(w: Writer, field: number, value: string): void {
  w.tag(field, WIRE_LEN);
  w.string(value);
}

function writeId(w: Writer, field: number, hex: string | undefined, bytes: 8 | 16): void {
  w.tag(field, WIRE_LEN);
  const out = new Uint8Array(bytes);
  // Ids from normalizeEnvelope are lowercase hex of the right length, or undefined (all zeros).
  if (hex !== undefined && hex.length === bytes * 2) {
    for (let i = 0; i < bytes; i++) out[i] = (nibble(hex.charCodeAt(i * 2)) << 4) | nibble(hex.charCodeAt(i * 2 + 1));
  }
  w.bytes(out);
}

function nibble(c: number): number {
  return c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x57;
}

function writeTime(w: Writer, field: number, nanos: string | undefined): void {
  w.tag(field, WIRE_FIXED64);
  const v = nanos === undefined ? undefined : decimalTo64(nanos);
  if (v === undefined) w.fixed64(0, 0);
  else w.fixed64(v[0], v[1]);
}

function writeAttributes(w: Writer, field: number, attributes: Attributes): void {
  for (const key of Object.keys(attributes)) {
    const value = attributes[key];
    if (value === undefined) continue;
    w.tag(field, WIRE_LEN);
    const kv = w.begin();
    writeString(w, 1, key);
    w.tag(2, WIRE_LEN);
    const v = w.begin();
    writeAnyValue(w, value);
    w.finish(v);
    w.finish(kv);
  }
}

const TWO_POW_63 = 9223372036854775808;

/** The fields of one AnyValue (the caller wrote its tag and length). Mirrors encodeAnyValue. */
function writeAnyValue(w: Writer, value: AttributeValue | bigint): void {
  if (value === undefined || value === null) return;
  if (typeof value === "string") writeString(w, 1, value);
  else if (typeof value === "boolean") {
    w.tag(2, WIRE_VARINT);
    w.uint32(value ? 1 : 0);
  } else if (typeof value === "number") {
    if (Number.isInteger(value) && value >= -TWO_POW_63 && value < TWO_POW_63) {
      w.tag(3, WIRE_VARINT);
      if (value >= 0 && value <= 0xffffffff) w.uint32(value);
      else {
        const v = decimalTo64(BigInt(value).toString())!;
        w.varint64(v[0], v[1]);
      }
    } else {
      // Fractions, NaN, infinities, and integral doubles beyond the int64 range.
      w.tag(4, WIRE_FIXED64);
      w.double(value);
    }
  } else if (typeof value === "bigint") {
    const v = decimalTo64(value.toString());
    if (v !== undefined && value < 1n << 63n) {
      w.tag(3, WIRE_VARINT);
      w.varint64(v[0], v[1]);
    } else writeString(w, 1, value.toString());
  } else if (value instanceof Uint8Array) {
    w.tag(7, WIRE_LEN);
    w.bytes(value);
  } else if (Array.isArray(value)) {
    w.tag(5, WIRE_LEN);
    const a = w.begin();
    for (const item of value as readonly AttributeValue[]) {
      w.tag(1, WIRE_LEN);
      const v = w.begin();
      writeAnyValue(w, item);
      w.finish(v);
    }
    w.finish(a);
  } else if (typeof value === "object") {
    w.tag(6, WIRE_LEN);
    const kv = w.begin();
    writeAttributes(w, 1, value as Attributes);
    w.finish(kv);
  }
}
