/** The protobuf wire writer behind `encodeOtlpProtobuf`: varints, length-delimited fields, fixed64. */
// ---------------------------------------------------------------------------------------------
// Writing

const encoder = new TextEncoder();

export class Writer {
  buf: Uint8Array;
  pos = 0;
  constructor(size = 1024) {
    this.buf = new Uint8Array(size);
  }

  private grow(need: number): void {
    if (this.pos + need <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + need) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  uint32(v: number): void {
    this.grow(5);
    v >>>= 0;
    while (v > 0x7f) {
      this.buf[this.pos++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buf[this.pos++] = v;
  }

  tag(field: number, wire: number): void {
    this.uint32((field << 3) | wire);
  }

  /** A 64-bit varint from [lo, hi]. */
  varint64(lo: number, hi: number): void {
    this.grow(10);
    lo >>>= 0;
    hi >>>= 0;
    while (hi > 0 || lo > 0x7f) {
      this.buf[this.pos++] = (lo & 0x7f) | 0x80;
      lo = ((lo >>> 7) | (hi << 25)) >>> 0;
      hi >>>= 7;
    }
    this.buf[this.pos++] = lo;
  }

  fixed32(v: number): void {
    this.grow(4);
    const b = this.buf;
    b[this.pos++] = v & 0xff;
    b[this.pos++] = (v >>> 8) & 0xff;
    b[this.pos++] = (v >>> 16) & 0xff;
    b[this.pos++] = (v >>> 24) & 0xff;
  }

  fixed64(lo: number, hi: number): void {
    this.fixed32(lo);
    this.fixed32(hi);
  }

  double(v: number): void {
    this.grow(8);
    new DataView(this.buf.buffer, this.buf.byteOffset + this.pos, 8).setFloat64(0, v, true);
    this.pos += 8;
  }

  bytes(data: Uint8Array): void {
    this.uint32(data.length);
    this.grow(data.length);
    this.buf.set(data, this.pos);
    this.pos += data.length;
  }

  string(s: string): void {
    const n = s.length;
    // Room for the worst case (3 bytes per UTF-16 unit) plus the length varint.
    this.grow(n * 3 + 5);
    if (n < 128) {
      let ascii = true;
      for (let i = 0; i < n; i++) {
        if (s.charCodeAt(i) >= 0x80) {
          ascii = false;
          break;
        }
      }
      if (ascii) {
        this.buf[this.pos++] = n;
        for (let i = 0; i < n; i++) this.buf[this.pos++] = s.charCodeAt(i);
        return;
      }
    }
    const start = this.begin();
    const { written } = encoder.encodeInto(s, this.buf.subarray(this.pos));
    this.pos += written ?? 0;
    this.finish(start);
  }

  /** Starts a length-delimited payload: reserves one byte for its length; `finish` fills it in. */
  begin(): number {
    this.grow(1);
    return this.pos++;
  }

  /** Writes the payload length at `start` (moving the payload when the length needs more than one byte). */
  finish(start: number): void {
    const n = this.pos - start - 1;
    if (n < 0x80) {
      this.buf[start] = n;
      return;
    }
    const size = n < 0x4000 ? 2 : n < 0x200000 ? 3 : n < 0x10000000 ? 4 : 5;
    this.grow(size - 1);
    this.buf.copyWithin(start + size, start + 1, this.pos);
    let v = n;
    let p = start;
    while (v > 0x7f) {
      this.buf[p++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buf[p] = v;
    this.pos += size - 1;
  }

  result(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }
}

/** Decimal digits of a 64-bit value (optionally negative) as [lo, hi] two's complement; undefined when out of range. */
export function decimalTo64(digits: string): [number, number] | undefined {
  if (!/^-?\d+$/.test(digits)) return undefined;
  let v = BigInt(digits);
  if (v < -(1n << 63n) || v >= 1n << 64n) return undefined;
  if (v < 0n) v += 1n << 64n;
  return [Number(v & 0xffffffffn), Number(v >> 32n)];
}
