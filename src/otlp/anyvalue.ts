/**
 * OTLP/JSON `AnyValue` and `KeyValue` lists <-> attribute values.
 *
 * Decoding is strict about shape (a wrong shape is a decode error naming its path) and lenient about
 * the encodings writers disagree on: intValue as a JSON number or a decimal string, doubleValue as a
 * number or "NaN"/"Infinity", ids and bytes in base64.
 */
import type { AttributeValue, Attributes } from "../span.js";
import { base64ToBytes, bytesToBase64 } from "../internal/json.js";
import { setOwn } from "../internal/records.js";

export class OtlpDecodeError extends Error {
  readonly path: string;
  constructor(path: string, message: string) {
    super(`${path}: ${message}`);
    this.name = "OtlpDecodeError";
    this.path = path;
  }
}

export interface OtlpAnyValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: string | number;
  doubleValue?: number | string;
  bytesValue?: string;
  arrayValue?: { values?: OtlpAnyValue[] };
  kvlistValue?: { values?: OtlpKeyValue[] };
}
export interface OtlpKeyValue {
  key: string;
  value?: OtlpAnyValue;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/**
 * How deep arrayValue / kvlistValue may nest. Real attributes nest a handful of levels; a bound keeps a
 * hostile document from exhausting the stack (a RangeError) and turns it into a decode error instead.
 * The protobuf decoder uses the same bound, so both paths accept the same documents.
 */
export const MAX_ANYVALUE_DEPTH = 128;

export function decodeAnyValue(value: unknown, path: string, depth = 0): AttributeValue {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new OtlpDecodeError(path, `expected an AnyValue object such as {"stringValue": "..."}, got ${describe(value)}`);
  }
  const v = value as Record<string, unknown>;
  if ("stringValue" in v) {
    if (typeof v.stringValue !== "string") throw new OtlpDecodeError(`${path}.stringValue`, "expected a string");
    return v.stringValue;
  }
  if ("boolValue" in v) {
    if (typeof v.boolValue !== "boolean") throw new OtlpDecodeError(`${path}.boolValue`, "expected true or false");
    return v.boolValue;
  }
  if ("intValue" in v) return decodeInt(v.intValue, `${path}.intValue`);
  if ("doubleValue" in v) return decodeDouble(v.doubleValue, `${path}.doubleValue`);
  if ("bytesValue" in v) {
    const bytes = typeof v.bytesValue === "string" ? base64ToBytes(v.bytesValue) : undefined;
    if (!bytes) throw new OtlpDecodeError(`${path}.bytesValue`, "expected a base64 string");
    return bytes;
  }
  if (("arrayValue" in v || "kvlistValue" in v) && depth >= MAX_ANYVALUE_DEPTH) {
    throw new OtlpDecodeError(path, `arrayValue / kvlistValue nested more than ${MAX_ANYVALUE_DEPTH} deep`);
  }
  if ("arrayValue" in v) {
    const values = (v.arrayValue as { values?: unknown } | null)?.values ?? [];
    if (!Array.isArray(values)) throw new OtlpDecodeError(`${path}.arrayValue.values`, "expected an array");
    return values.map((item, i) => decodeAnyValue(item, `${path}.arrayValue.values[${i}]`, depth + 1));
  }
  if ("kvlistValue" in v) {
    const values = (v.kvlistValue as { values?: unknown } | null)?.values ?? [];
    return decodeKeyValues(values, `${path}.kvlistValue.values`, depth + 1);
  }
  // An empty AnyValue is legal and means "no value".
  return undefined;
}

function decodeInt(raw: unknown, path: string): number | string {
  // protobuf-es and other int64-aware readers hand over a bigint.
  if (typeof raw === "bigint") return bigintValue(raw);
  if (typeof raw === "number") {
    if (!Number.isInteger(raw)) throw new OtlpDecodeError(path, `expected an integer, got ${raw}`);
    // Beyond 2^53 an int64 comes out as its decimal digits, as from a string or protobuf, so that the
    // same value gives the same attribute whichever encoding carried it (the official JSON serializer
    // writes such numbers bare).
    return Number.isSafeInteger(raw) ? raw : BigInt(raw).toString();
  }
  if (typeof raw === "string" && /^-?\d+$/.test(raw)) {
    const n = Number(raw);
    // Beyond 2^53 a JS number would silently change the value; keep the exact digits instead.
    return Number.isSafeInteger(n) ? n : raw;
  }
  throw new OtlpDecodeError(path, `expected an integer as a number or decimal string, got ${describe(raw)}`);
}

/** A bigint as a number when that is exact, else its decimal digits (as for intValue strings beyond 2^53). */
export function bigintValue(raw: bigint): number | string {
  return raw >= -9007199254740991n && raw <= 9007199254740991n ? Number(raw) : raw.toString();
}

/** A JSON number written as a string: decimal with optional fraction and exponent; no hex, no blanks. */
const DECIMAL = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function decodeDouble(raw: unknown, path: string): number {
  if (typeof raw === "number") return raw;
  if (raw === "NaN") return Number.NaN;
  if (raw === "Infinity") return Number.POSITIVE_INFINITY;
  if (raw === "-Infinity") return Number.NEGATIVE_INFINITY;
  // Number() alone would read "0x10" as 16, "0b1" as 1 and " " as 0.
  if (typeof raw === "string" && DECIMAL.test(raw)) return Number(raw);
  throw new OtlpDecodeError(path, `expected a number, got ${describe(raw)}`);
}

export function decodeKeyValues(list: unknown, path: string, depth = 0): Attributes {
  if (list === undefined || list === null) return {};
  if (!Array.isArray(list)) {
    const hint =
      typeof list === "object"
        ? ' (OTLP/JSON writes attributes as a list of {"key": ..., "value": {...}}, not as an object)'
        : "";
    throw new OtlpDecodeError(path, `expected an array of key/value pairs, got ${describe(list)}${hint}`);
  }
  const out: Attributes = {};
  for (let i = 0; i < list.length; i++) {
    const kv = list[i] as { key?: unknown; value?: unknown } | null;
    if (kv === null || typeof kv !== "object" || typeof kv.key !== "string") {
      throw new OtlpDecodeError(`${path}[${i}]`, 'expected {"key": string, "value": AnyValue}');
    }
    setOwn(out, kv.key, decodeAnyValue(kv.value, `${path}[${i}].value`, depth));
  }
  return out;
}

export function encodeAnyValue(value: AttributeValue): OtlpAnyValue {
  if (value === undefined || value === null) return {};
  if (typeof value === "string") return { stringValue: value };
  if (typeof value === "boolean") return { boolValue: value };
  // Not in the AttributeValue type, but what int64-aware readers produce: kept exact.
  if (typeof value === "bigint") return { intValue: (value as bigint).toString() };
  if (typeof value === "number") {
    // JS cannot tell 3 from 3.0, so integral numbers go out as intValue (decimal string, as proto3 JSON says).
    return Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: encodeDouble(value) as number };
  }
  if (value instanceof Uint8Array) return { bytesValue: bytesToBase64(value) };
  if (Array.isArray(value)) return { arrayValue: { values: value.map(encodeAnyValue) } };
  return { kvlistValue: { values: encodeKeyValues(value as Attributes) } };
}

function encodeDouble(value: number): number | string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Number.POSITIVE_INFINITY) return "Infinity";
  if (value === Number.NEGATIVE_INFINITY) return "-Infinity";
  return value;
}

export function encodeKeyValues(attributes: Attributes): OtlpKeyValue[] {
  const out: OtlpKeyValue[] = [];
  for (const key of Object.keys(attributes)) {
    const value = attributes[key];
    if (value === undefined) continue;
    out.push({ key, value: encodeAnyValue(value) });
  }
  return out;
}
