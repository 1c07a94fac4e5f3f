/** Protobuf readers of the OTLP value types: KeyValue, AnyValue (depth-bounded), ids and times. */
import type { Attributes, AttributeValue } from "../canonical/span.js";
import { MAX_ANYVALUE_DEPTH } from "./anyvalue.js";
import { setOwn } from "../internal/records.js";
import { int64Value, Reader, rethrowAt, uint64Decimal, WIRE_FIXED64, WIRE_LEN, WIRE_VARINT, WireError } from "./wire.js";
const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** An id field: `bytes` long, or empty; all zeros means none (as in the JSON path). */
export function readId(r: Reader, bytes: 8 | 16, name: string): string | undefined {
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
export function readTime(r: Reader, name: string): string | undefined {
  r.expect(WIRE_FIXED64, name);
  r.fixed64();
  return r.lo === 0 && r.hi === 0 ? undefined : uint64Decimal(r.lo, r.hi);
}

// ---------------------------------------------------------------------------------------------
// AnyValue and KeyValue

/** Reads one KeyValue field (the reader is at its payload's length) into `into`. */
export function readKeyValueInto(r: Reader, into: Attributes, listName: string, i: number, depth: number): void {
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

export function readAnyValue(r: Reader, depth: number): AttributeValue {
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
