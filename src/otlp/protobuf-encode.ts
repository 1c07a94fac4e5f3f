/** Spans -> an OTLP/protobuf ExportTraceServiceRequest (`encodeOtlpProtobuf`), grouped as `encodeOtlpJson` groups them. */
import type { Attributes, AttributeValue } from "../canonical/span.js";
import { linkFields, stableKey } from "./encode.js";
import { normalizeEnvelope, OTLP_KINDS, OTLP_STATUS, type SpanLike } from "./span-like.js";
import { decimalTo64, Writer } from "./wire-writer.js";
import { WIRE_FIXED32, WIRE_FIXED64, WIRE_LEN, WIRE_VARINT } from "./wire.js";
import { type Scope } from "./protobuf.js";
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
