/**
 * `SpanLike`: what the translators accept. A decoded OTLP span, an OTel SDK `ReadableSpan` (v1 or v2)
 * and a plain `{ attributes }` object all fit. `normalizeEnvelope` turns any of them into the span
 * envelope fields of `MlflowSpan` (ids as lowercase hex, times as nanosecond strings, kind and status
 * as names), so mappers never see the differences.
 */
import type { AttributeValue, Attributes, CanonicalSpan, InstrumentationScope, Resource, SpanEvent, SpanKindName, SpanStatus, StatusCodeName } from "../canonical/span.js";
import { base64ToBytes, bytesToHex } from "../internal/json.js";
import { setOwn } from "../internal/records.js";

/** `[seconds, nanoseconds]`, as the OTel JS SDK stores times. */
export type HrTime = readonly [number, number];
export type TimeInput = string | number | bigint | HrTime;

export interface SpanLikeEvent {
  name: string;
  timeUnixNano?: TimeInput;
  /** ReadableSpan events carry `time` as HrTime. */
  time?: TimeInput;
  attributes?: Attributes;
}

/** A link to another span: plain ids (as decoded) or an OTel SDK `Link` with its `context`. */
export interface SpanLikeLink {
  traceId?: string;
  spanId?: string;
  traceState?: string;
  flags?: number;
  context?: { traceId: string; spanId: string; traceFlags?: number; traceState?: { serialize(): string } };
  attributes?: Attributes;
}

export interface SpanLike {
  name?: string;
  attributes: Attributes;
  events?: readonly SpanLikeEvent[];
  status?: { code: number | string; message?: string };
  /**
   * A name ("CLIENT", "SPAN_KIND_CLIENT") or the OTel API `SpanKind` number (INTERNAL=0 … CONSUMER=4).
   * OTLP's own numbering (UNSPECIFIED=0, INTERNAL=1 …) is converted by `decodeOtlpJson`.
   */
  kind?: number | string;
  traceId?: string;
  spanId?: string;
  parentSpanId?: string;
  startTimeUnixNano?: TimeInput;
  endTimeUnixNano?: TimeInput;
  scope?: InstrumentationScope;
  resource?: Resource | { attributes: Attributes };
  /** W3C `tracestate` of the span, kept through decode and encode. */
  traceState?: string;
  /** OTLP span flags (fixed32: W3C trace flags in the low byte, bits 8-9 for "is remote"). */
  flags?: number;
  links?: readonly SpanLikeLink[];
  // ReadableSpan fields, read when the plain ones are absent.
  startTime?: HrTime;
  endTime?: HrTime;
  spanContext?: () => { traceId: string; spanId: string };
  parentSpanContext?: { spanId: string };
  instrumentationScope?: InstrumentationScope;
  instrumentationLibrary?: InstrumentationScope;
}

/** The fields of `MlflowSpan` that describe the span itself rather than its translation. */
export type Envelope = Pick<
  CanonicalSpan,
  | "name"
  | "attributes"
  | "events"
  | "status"
  | "kind"
  | "traceId"
  | "spanId"
  | "parentSpanId"
  | "startTimeUnixNano"
  | "endTimeUnixNano"
  | "scope"
  | "resource"
>;

/** OTel API SpanKind order. */
const API_KINDS: readonly SpanKindName[] = ["INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"];
/** OTLP proto SpanKind order. */
export const OTLP_KINDS: readonly SpanKindName[] = ["UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"];
export const OTLP_STATUS: readonly StatusCodeName[] = ["UNSET", "OK", "ERROR"];

const KIND_NAMES: ReadonlySet<string> = new Set(OTLP_KINDS);
const STATUS_NAMES: ReadonlySet<string> = new Set(OTLP_STATUS);

export function kindName(kind: number | string | undefined): SpanKindName | undefined {
  if (kind === undefined || kind === null) return undefined;
  if (typeof kind === "number") return API_KINDS[kind];
  if (KIND_NAMES.has(kind)) return kind as SpanKindName;
  const upper = kind.toUpperCase().replace(/^SPAN_KIND_/, "");
  return (OTLP_KINDS as readonly string[]).includes(upper) ? (upper as SpanKindName) : undefined;
}

export function statusName(code: number | string | undefined): StatusCodeName | undefined {
  if (code === undefined || code === null) return undefined;
  if (typeof code === "number") return OTLP_STATUS[code];
  if (STATUS_NAMES.has(code)) return code as StatusCodeName;
  const upper = code.toUpperCase().replace(/^STATUS_CODE_/, "");
  return (OTLP_STATUS as readonly string[]).includes(upper) ? (upper as StatusCodeName) : undefined;
}

/** Nanoseconds since the epoch as a decimal string; exact for HrTime, bigint and digit strings. */
export function toNanos(time: TimeInput | undefined): string | undefined {
  if (time === undefined || time === null) return undefined;
  if (typeof time === "string") return isDigits(time) ? stripZeros(time) : undefined;
  if (typeof time === "bigint") return time >= 0n ? time.toString() : undefined;
  if (typeof time === "number") return Number.isFinite(time) && time >= 0 ? BigInt(Math.trunc(time)).toString() : undefined;
  if (Array.isArray(time) && time.length === 2) {
    const [s, ns] = time as HrTime;
    if (!Number.isFinite(s) || !Number.isFinite(ns)) return undefined;
    return (BigInt(Math.trunc(s)) * 1_000_000_000n + BigInt(Math.trunc(ns))).toString();
  }
  return undefined;
}

/** One anchored character-class regex, faster than a charCodeAt loop (see docs/performance.md). */
const DIGITS = /^[0-9]+$/;

function isDigits(text: string): boolean {
  return DIGITS.test(text);
}

function stripZeros(digits: string): string {
  if (digits.charCodeAt(0) !== 0x30 || digits.length === 1) return digits;
  let i = 0;
  while (i < digits.length - 1 && digits.charCodeAt(i) === 0x30) i++;
  return digits.slice(i);
}

const LOWER_HEX = /^[0-9a-f]+$/;
const ZERO_TRACE_ID = "0".repeat(32);
const ZERO_SPAN_ID = "0".repeat(16);

/** Lowercase hex check; reports whether any digit is non-zero. */
function hexState(text: string): "lower" | "mixed" | "invalid" | "zero" {
  let lower = true;
  let zero = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      if (c !== 0x30) zero = false;
    } else if (c >= 0x61 && c <= 0x66) zero = false;
    else if (c >= 0x41 && c <= 0x46) {
      zero = false;
      lower = false;
    } else return "invalid";
  }
  return zero ? "zero" : lower ? "lower" : "mixed";
}

/**
 * Ids as lowercase hex. OTLP/JSON uses hex; protobuf's generic JSON mapping uses base64, which some
 * exporters emit, so a value of the right byte length in base64 is converted. All-zero ids mean "none".
 */
export function normalizeId(id: string | undefined, bytes: 8 | 16): string | undefined {
  if (typeof id !== "string" || id === "") return undefined;
  if (id.length === bytes * 2) {
    // The common case (every decoded OTLP id) through one native regex: the charCodeAt loop of
    // hexState mispredicts a branch on most characters of a random id and cost 2-3x as much.
    if (LOWER_HEX.test(id)) return id === (bytes === 16 ? ZERO_TRACE_ID : ZERO_SPAN_ID) ? undefined : id;
    const state = hexState(id);
    if (state === "lower") return id;
    if (state === "mixed") return id.toLowerCase();
    if (state === "zero") return undefined;
  }
  const decoded = base64ToBytes(id);
  if (!decoded || decoded.length !== bytes) return undefined;
  const hex = bytesToHex(decoded);
  return hexState(hex) === "zero" ? undefined : hex;
}

/**
 * The envelope of a span. Every field is present on the result, undefined when the span has none
 * (readers test for undefined): one literal of a fixed shape (see docs/performance.md).
 */
/**
 * Spans `decodeOtlpJson` built: their envelope fields are normalised already (ids, times, kind and
 * status names, events, scope), so translating one does not check them all over again. A WeakSet,
 * not a marker property: the spans keep their plain shape and nothing shows when they are printed.
 */
const DECODED = new WeakSet<object>();

export function markDecoded(span: SpanLike): void {
  DECODED.add(span);
}

/**
 * `keys`, when given, are `Object.keys(span.attributes)` the caller already took (translation reuses
 * them for its own walk): the bigint check then does not collect them again (see docs/performance.md).
 */
export function normalizeEnvelope(span: SpanLike, keys?: readonly string[]): Envelope {
  if (DECODED.has(span)) return decodedEnvelope(span);
  const context = typeof span.spanContext === "function" ? span.spanContext() : undefined;
  let status: SpanStatus | undefined;
  if (span.status) {
    const code = statusName(span.status.code);
    if (code) {
      status = { code };
      if (typeof span.status.message === "string" && span.status.message !== "") status.message = span.status.message;
    }
  }
  let events: SpanEvent[] | undefined;
  if (span.events && span.events.length > 0) {
    events = span.events.map((event) => {
      const e: SpanEvent = { name: typeof event.name === "string" ? event.name : "", attributes: event.attributes ?? {} };
      const time = toNanos(event.timeUnixNano ?? event.time);
      if (time) e.timeUnixNano = time;
      return e;
    });
  }
  let scope: InstrumentationScope | undefined;
  const rawScope = span.scope ?? span.instrumentationScope ?? span.instrumentationLibrary;
  if (rawScope && typeof rawScope.name === "string") {
    scope = { name: rawScope.name };
    if (rawScope.version) scope.version = rawScope.version;
    if (rawScope.attributes && Object.keys(rawScope.attributes).length > 0) scope.attributes = rawScope.attributes;
  }
  return {
    name: typeof span.name === "string" ? span.name : "",
    attributes: withoutBigints(span.attributes ?? {}, keys),
    // `|| undefined`: the empty string of an unusable id or time means none, as before.
    traceId: normalizeId(span.traceId ?? context?.traceId, 16) || undefined,
    spanId: normalizeId(span.spanId ?? context?.spanId, 8) || undefined,
    parentSpanId: normalizeId(span.parentSpanId ?? span.parentSpanContext?.spanId, 8) || undefined,
    startTimeUnixNano: toNanos(span.startTimeUnixNano ?? span.startTime) || undefined,
    endTimeUnixNano: toNanos(span.endTimeUnixNano ?? span.endTime) || undefined,
    kind: kindName(span.kind) || undefined,
    status,
    events,
    scope,
    resource: span.resource && span.resource.attributes ? { attributes: span.resource.attributes } : undefined,
  };
}

/**
 * Attributes with bigint values (what int64-aware readers such as protobuf-es produce) made into what
 * decoding gives for an int64: a number when exact, else its decimal digits. Translators only ever see
 * the attribute value types; a bigint would reach JSON.stringify and throw. The record is copied only
 * when it has one (top level or inside an array value).
 */
function withoutBigints(attributes: Attributes, keys: readonly string[] | undefined): Attributes {
  let out: Attributes | undefined;
  const proto: unknown = Object.getPrototypeOf(attributes);
  if (keys !== undefined && (proto === Object.prototype || proto === null)) {
    // A plain record has no inherited keys: its own keys are all of for-in's.
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const fixed = withoutBigint(attributes[key]);
      if (fixed !== undefined) out = withFixed(out, attributes, key, fixed);
    }
    return out ?? attributes;
  }
  for (const key in attributes) {
    const fixed = withoutBigint(attributes[key]);
    if (fixed !== undefined) out = withFixed(out, attributes, key, fixed);
  }
  return out ?? attributes;
}

/** The value decoded as an int64 would be when it is or holds a bigint, else undefined (kept as is). */
function withoutBigint(value: unknown): AttributeValue | undefined {
  if (typeof value === "bigint") return bigintToValue(value);
  if (!Array.isArray(value)) return undefined;
  for (let i = 0; i < value.length; i++) {
    if (typeof value[i] === "bigint") return value.map((v: unknown) => (typeof v === "bigint" ? bigintToValue(v) : (v as AttributeValue)));
  }
  return undefined;
}

/** `out` (a copy of `attributes`, made on the first fix) with `key` set to `fixed`. */
function withFixed(out: Attributes | undefined, attributes: Attributes, key: string, fixed: AttributeValue): Attributes {
  if (out === undefined) {
    out = {};
    for (const k of Object.keys(attributes)) setOwn(out, k, attributes[k]);
  }
  setOwn<AttributeValue>(out, key, fixed);
  return out;
}

function bigintToValue(value: bigint): number | string {
  return value >= -9007199254740991n && value <= 9007199254740991n ? Number(value) : value.toString();
}

/**
 * The envelope of a span from `decodeOtlpJson`, taken as it is. Events, status and scope are copied, as
 * for any other span, so the translated span shares only attribute records and values with its source.
 */
function decodedEnvelope(span: SpanLike): Envelope {
  const source = span.events;
  let events: SpanEvent[] | undefined;
  if (source && source.length > 0) {
    events = new Array<SpanEvent>(source.length);
    for (let i = 0; i < source.length; i++) {
      const e = source[i] as SpanEvent;
      events[i] = e.timeUnixNano === undefined ? { name: e.name, attributes: e.attributes } : { name: e.name, attributes: e.attributes, timeUnixNano: e.timeUnixNano };
    }
  }
  const status = span.status as SpanStatus | undefined;
  const scope = span.scope as InstrumentationScope | undefined;
  return {
    name: typeof span.name === "string" ? span.name : "",
    attributes: span.attributes ?? {},
    traceId: span.traceId,
    spanId: span.spanId,
    parentSpanId: span.parentSpanId,
    startTimeUnixNano: span.startTimeUnixNano as string | undefined,
    endTimeUnixNano: span.endTimeUnixNano as string | undefined,
    kind: span.kind as SpanKindName | undefined,
    status: status === undefined ? undefined : status.message === undefined ? { code: status.code } : { code: status.code, message: status.message },
    events,
    // One scope object per request's scope, shared by its decoded spans: each translated span gets its own.
    scope: scope === undefined ? undefined : copyScope(scope),
    resource: span.resource && span.resource.attributes ? { attributes: span.resource.attributes } : undefined,
  };
}

function copyScope(scope: InstrumentationScope): InstrumentationScope {
  const out: InstrumentationScope = { name: scope.name };
  if (scope.version !== undefined) out.version = scope.version;
  if (scope.attributes !== undefined) out.attributes = scope.attributes;
  return out;
}
