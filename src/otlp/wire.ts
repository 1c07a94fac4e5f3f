/**
 * The protobuf wire format, as much of it as OTLP uses: varints, fixed32/fixed64, doubles and
 * length-delimited fields. No dependencies and no `node:` imports (runs on edge runtimes).
 *
 * Reading never throws anything but `WireError`; callers add the path of the field they were in.
 */

/** A wire-format fault at `path` (filled in from the innermost field outwards). */
export class WireError {
  path: string;
  constructor(
    readonly reason: string,
    path = "",
  ) {
    this.path = path;
  }
}

/** Prefixes the path of a `WireError` with `segment` and rethrows; other errors pass unchanged. */
export function rethrowAt(error: unknown, segment: string): never {
  if (error instanceof WireError) error.path = error.path === "" ? segment : error.path.charCodeAt(0) === 0x5b /* [ */ ? segment + error.path : `${segment}.${error.path}`;
  throw error;
}

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_LEN = 2;
export const WIRE_FIXED32 = 5;

const WIRE_NAMES = ["varint", "fixed64", "length-delimited", "group start", "group end", "fixed32", "6", "7"];

export class Reader {
  pos: number;
  /** Set by `tag()`. */
  wire = 0;
  /** The two halves of the last 64-bit value read (varint64, fixed64), unsigned. */
  lo = 0;
  hi = 0;
  constructor(
    readonly buf: Uint8Array,
    start = 0,
    public end = buf.length,
  ) {
    this.pos = start;
  }

  /** The next field number (0 when the message is done); sets `wire`. */
  tag(): number {
    if (this.pos >= this.end) return 0;
    const key = this.uint32();
    const field = key >>> 3;
    this.wire = key & 7;
    if (field === 0) throw new WireError("field number 0 is not valid protobuf");
    return field;
  }

  /** A varint that must fit in 32 bits (tags, lengths, enums, uint32). Longer ones keep the low 32 bits, as protobuf does. */
  uint32(): number {
    const buf = this.buf;
    let pos = this.pos;
    if (pos < this.end) {
      const b = buf[pos]!;
      if (b < 0x80) {
        this.pos = pos + 1;
        return b;
      }
    }
    let result = 0;
    for (let shift = 0; shift < 70; shift += 7) {
      if (pos >= this.end) throw new WireError("truncated varint");
      const b = buf[pos++]!;
      if (shift < 32) result |= (b & 0x7f) << shift;
      if (b < 0x80) {
        this.pos = pos;
        return result >>> 0;
      }
    }
    throw new WireError("varint longer than 10 bytes");
  }

  /** A 64-bit varint into `lo` / `hi`. */
  varint64(): void {
    const buf = this.buf;
    let pos = this.pos;
    let lo = 0;
    let hi = 0;
    for (let i = 0; i < 10; i++) {
      if (pos >= this.end) throw new WireError("truncated varint");
      const b = buf[pos++]!;
      const bits = b & 0x7f;
      if (i < 4) lo |= bits << (7 * i);
      else if (i === 4) {
        lo |= bits << 28;
        hi |= bits >>> 4;
      } else hi |= bits << (7 * i - 32);
      if (b < 0x80) {
        this.pos = pos;
        this.lo = lo >>> 0;
        this.hi = hi >>> 0;
        return;
      }
    }
    throw new WireError("varint longer than 10 bytes");
  }

  bool(): boolean {
    this.varint64();
    return this.lo !== 0 || this.hi !== 0;
  }

  fixed32(): number {
    if (this.pos + 4 > this.end) throw new WireError("truncated fixed32");
    const b = this.buf;
    const p = this.pos;
    this.pos = p + 4;
    return (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;
  }

  /** A fixed64 into `lo` / `hi`. */
  fixed64(): void {
    if (this.pos + 8 > this.end) throw new WireError("truncated fixed64");
    this.lo = this.fixed32();
    this.hi = this.fixed32();
  }

  /**
   * Enters a length-delimited field: its payload becomes the readable range. Returns the end to give
   * back to `leave` (one reader for the whole request instead of one object per message).
   */
  enter(): number {
    const n = this.uint32();
    const remaining = this.end - this.pos;
    if (n > remaining) throw new WireError(`length ${n} runs past the end of its message (${remaining} bytes left)`);
    const outer = this.end;
    this.end = this.pos + n;
    return outer;
  }

  /** Leaves the payload entered last: continues after it, within the enclosing range `outer`. */
  leave(outer: number): void {
    this.pos = this.end;
    this.end = outer;
  }

  double(): number {
    if (this.pos + 8 > this.end) throw new WireError("truncated double");
    const b = this.buf;
    const view = new DataView(b.buffer, b.byteOffset + this.pos, 8);
    this.pos += 8;
    return view.getFloat64(0, true);
  }

  /** The bounds of a length-delimited field's payload; advances past it. */
  len(): number {
    const n = this.uint32();
    const start = this.pos;
    if (n > this.end - start) throw new WireError(`length ${n} runs past the end of its message (${this.end - start} bytes left)`);
    this.pos = start + n;
    return start;
  }

  string(): string {
    const start = this.len();
    return utf8(this.buf, start, this.pos);
  }

  /** A string that repeats across a request (keys, names): short ones come from a cache of decoded strings. */
  key(): string {
    const start = this.len();
    return cachedUtf8(this.buf, start, this.pos);
  }

  bytes(): Uint8Array {
    const start = this.len();
    return this.buf.slice(start, this.pos);
  }

  /** Skips a field of the current wire type (unknown fields are legal and ignored). */
  skip(): void {
    switch (this.wire) {
      case WIRE_VARINT:
        this.varint64();
        return;
      case WIRE_FIXED64:
        if (this.pos + 8 > this.end) throw new WireError("truncated fixed64");
        this.pos += 8;
        return;
      case WIRE_LEN:
        this.len();
        return;
      case WIRE_FIXED32:
        if (this.pos + 4 > this.end) throw new WireError("truncated fixed32");
        this.pos += 4;
        return;
      default:
        throw new WireError(`wire type ${WIRE_NAMES[this.wire]} is not used by OTLP`);
    }
  }

  /** Checks the wire type of a known field. */
  expect(wire: number, field: string): void {
    if (this.wire !== wire) throw new WireError(`expected wire type ${WIRE_NAMES[wire]}, got ${WIRE_NAMES[this.wire]}`, field);
  }
}

const decoder = new TextDecoder("utf-8");

/** UTF-8 bytes to a string (invalid bytes become U+FFFD). One TextDecoder call: measured cheaper than building even short strings by hand. */
export function utf8(buf: Uint8Array, start: number, end: number): string {
  return end === start ? "" : decoder.decode(buf.subarray(start, end));
}

/**
 * A direct-mapped cache of short decoded strings, keyed by an FNV-1a hash of their bytes and checked
 * byte for byte. Attribute keys and span names repeat on every span; hashing and comparing a few dozen
 * bytes costs less than decoding them again, and returns the same string object (less garbage).
 */
const CACHE_SIZE = 4096;
const CACHE_MAX = 64;
const cacheBytes: Array<Uint8Array | undefined> = new Array(CACHE_SIZE);
const cacheStrings: string[] = new Array(CACHE_SIZE);

export function cachedUtf8(buf: Uint8Array, start: number, end: number): string {
  const n = end - start;
  if (n === 0) return "";
  if (n > CACHE_MAX) return decoder.decode(buf.subarray(start, end));
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
  const slot = (h ^ (h >>> 16)) & (CACHE_SIZE - 1);
  const cached = cacheBytes[slot];
  if (cached !== undefined && cached.length === n) {
    let same = true;
    for (let i = 0; i < n; i++) {
      if (cached[i] !== buf[start + i]) {
        same = false;
        break;
      }
    }
    if (same) return cacheStrings[slot]!;
  }
  const bytes = buf.slice(start, end);
  const text = decoder.decode(bytes);
  cacheBytes[slot] = bytes;
  cacheStrings[slot] = text;
  return text;
}

/** An unsigned 64-bit value as decimal digits, exact. Small values through a double; large ones in base-10^7 limbs. */
export function uint64Decimal(lo: number, hi: number): string {
  if (hi <= 0x1fffff) return String(hi * 0x100000000 + lo);
  // Split the 64 bits into 24 + 24 + 16 and carry in base 10^7: 2^24 = 1 6777216, 2^48 = 28 1474976 710656.
  const low = lo & 0xffffff;
  const mid = ((lo >>> 24) | (hi << 8)) & 0xffffff;
  const high = (hi >>> 16) & 0xffff;
  let a = low + mid * 6777216 + high * 6710656;
  let b = mid + high * 8147497;
  let c = high * 2;
  const base = 10000000;
  if (a >= base) {
    b += Math.floor(a / base);
    a %= base;
  }
  if (b >= base) {
    c += Math.floor(b / base);
    b %= base;
  }
  return c > 0 ? `${c}${pad7(b)}${pad7(a)}` : `${b}${pad7(a)}`;
}

function pad7(n: number): string {
  const s = String(n);
  return s.length >= 7 ? s : "0000000".slice(s.length) + s;
}

/** A signed int64 (two's complement in [lo, hi]) as a number when exact (|v| <= 2^53 - 1), else as decimal digits. */
export function int64Value(lo: number, hi: number): number | string {
  if (hi & 0x80000000) {
    // Negate: ~v + 1 over 64 bits.
    const nlo = (~lo + 1) >>> 0;
    const nhi = (~hi + (nlo === 0 ? 1 : 0)) >>> 0;
    if (nhi < 0x200000) {
      const v = nhi * 0x100000000 + nlo;
      if (v <= Number.MAX_SAFE_INTEGER) return -v;
    }
    return `-${uint64Decimal(nlo, nhi)}`;
  }
  if (hi < 0x200000) {
    const v = hi * 0x100000000 + lo;
    if (v <= Number.MAX_SAFE_INTEGER) return v;
  }
  return uint64Decimal(lo, hi);
}
