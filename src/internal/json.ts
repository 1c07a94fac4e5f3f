import { LIMITS } from "./limits.js";

export type JsonResult =
  | { ok: true; value: unknown }
  | { ok: false; reason: "not-json" | "too-long" | "too-deep"; message: string };

/**
 * JSON.parse that never throws and refuses documents past the size and depth limits.
 * Depth is checked on the text (a loop, no recursion), before parsing a long one, after parsing the rest.
 */
export function safeJsonParse(text: string, limits: { maxLength?: number; maxDepth?: number } = {}): JsonResult {
  const maxLength = limits.maxLength ?? LIMITS.maxJsonLength;
  const maxDepth = limits.maxDepth ?? LIMITS.maxJsonDepth;
  if (text.length > maxLength) {
    return { ok: false, reason: "too-long", message: `JSON text of ${text.length} characters exceeds the ${maxLength} limit` };
  }
  // A deep document costs JSON.parse far more per character than a flat one (about 0.7 µs per level:
  // a 10 MiB one is seconds); past a few pages, scan the text first and refuse it unparsed.
  const mayBeDeep = mayExceedDepth(text, maxDepth);
  if (mayBeDeep && text.length > DEPTH_SCAN_FROM && textExceedsDepth(text, maxDepth)) {
    return { ok: false, reason: "too-deep", message: `JSON nesting exceeds the depth limit of ${maxDepth}` };
  }
  // Most texts that are not JSON say so in their first character (a model name, a span type after
  // its quotes came off, plain prose): refuse those without letting JSON.parse build a SyntaxError
  // with its stack, which costs microseconds. The message is the engine's own, made when read.
  if (cannotBeJson(text)) return new NotJson(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: "not-json", message: error instanceof Error ? error.message : String(error) };
  }
  // The text is valid JSON now, for which the bracket count is exact.
  if (mayBeDeep && textExceedsDepth(text, maxDepth)) {
    return { ok: false, reason: "too-deep", message: `JSON nesting exceeds the depth limit of ${maxDepth}` };
  }
  return { ok: true, value };
}

/** A JSON value starts here: blanks (JSON's four), then a bracket, quote, digit, minus or literal. */
const JSON_START = /^[ \t\n\r]*(?:[[{"0-9-]|true|false|null)/;

/**
 * True only for a text that JSON.parse certainly refuses: blank, or its first non-blank character
 * starts no JSON value (t / f / n only as true / false / null). The rest is left to JSON.parse.
 */
export function cannotBeJson(text: string): boolean {
  return !JSON_START.test(text);
}

/**
 * The refusal of a text `cannotBeJson` ruled out; JSON.parse runs only if the message is read. A class
 * with the getter on its prototype: an object literal with a getter costs more to make than the check saves.
 */
class NotJson {
  readonly ok = false as const;
  readonly reason = "not-json" as const;
  constructor(readonly text: string) {}
  get message(): string {
    try {
      JSON.parse(this.text);
    } catch (error) {
      return (error as Error).message;
    }
    return "";
  }
}

/**
 * Whether JSON `text` may hold `quotedKey` (a property name in quotes) with the value `n`: false only
 * when every occurrence of it is followed by `:` and a plain integer other than `n`. For a reader that
 * parses a document only to compare one count with `n` (readers/context.ts `jsonMentioning`); whatever
 * it cannot tell (a string, sign, fraction or exponent, an occurrence that is no key) counts as maybe.
 * `\u` escapes, which could spell the name, are the caller's to rule out.
 */
export function mayHaveCount(text: string, quotedKey: string, n: number): boolean {
  const digits = String(n);
  for (let i = text.indexOf(quotedKey); i >= 0; i = text.indexOf(quotedKey, i + 1)) {
    let j = skipSpace(text, i + quotedKey.length);
    if (text.charCodeAt(j) !== 0x3a /* : */) return true;
    j = skipSpace(text, j + 1);
    let end = j;
    for (let c = text.charCodeAt(end); c >= 0x30 && c <= 0x39; c = text.charCodeAt(++end));
    const next = text.charCodeAt(end);
    if (end === j || next === 0x2e /* . */ || next === 0x65 /* e */ || next === 0x45 /* E */) return true;
    if (end - j === digits.length && text.startsWith(digits, j)) return true;
  }
  return false;
}

function skipSpace(text: string, i: number): number {
  for (let c = text.charCodeAt(i); c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d; c = text.charCodeAt(++i));
  return i;
}

/** Texts longer than this are scanned for depth before parsing (below it the worst case is a few ms). */
const DEPTH_SCAN_FROM = 16 * 1024;

/**
 * Whether the brackets outside strings nest deeper than `maxDepth`. Exact for valid JSON; on invalid
 * text it may answer either way, which is fine since JSON.parse would refuse that text anyway.
 */
export function textExceedsDepth(text: string, maxDepth: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // Skip the string: the next quote not preceded by an odd run of backslashes.
      for (;;) {
        const end = text.indexOf('"', i + 1);
        if (end < 0) return false;
        let slashes = 0;
        for (let j = end - 1; text.charCodeAt(j) === 0x5c; j--) slashes++;
        i = end;
        if (slashes % 2 === 0) break;
      }
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return false;
}

/**
 * Each level of nesting needs its own opening bracket, so a text with no more than `maxDepth`
 * of them (inside strings or not) cannot be too deep and the depth scan is skipped.
 * indexOf runs natively; nearly every attribute stops here.
 */
function mayExceedDepth(text: string, maxDepth: number): boolean {
  if (text.length <= 2 * maxDepth) return false;
  let count = 0;
  for (let i = text.indexOf("{"); i >= 0; i = text.indexOf("{", i + 1)) if (++count > maxDepth) return true;
  for (let i = text.indexOf("["); i >= 0; i = text.indexOf("[", i + 1)) if (++count > maxDepth) return true;
  return false;
}


/** True when a string might be a JSON object or array; cheap check before paying for a parse. */
export function looksLikeJsonContainer(text: string): boolean {
  return JSON_CONTAINER_START.test(text);
}
const JSON_CONTAINER_START = /^[ \t\n\r]*[[{]/;

/**
 * JSON-encodes a value for an attribute; never throws (BigInt and cycles fall back to String).
 * A plain JSON tree (`isPlainJsonTree`) takes JSON.stringify without a replacer: the same text, since
 * the replacer changes only BigInts and byte arrays, and a quarter faster (see docs/performance.md).
 */
export function safeJsonStringify(value: unknown): string {
  if (isPlainJsonTree(value, 0)) {
    try {
      return JSON.stringify(value) ?? "null";
    } catch {
      // past the engine's string length: the path below answers as it always did
    }
  }
  try {
    const text = JSON.stringify(value, (_key, v: unknown) => {
      if (typeof v === "bigint") return v.toString();
      if (v instanceof Uint8Array) return bytesToBase64(v);
      return v;
    });
    return text ?? "null";
  } catch {
    return JSON.stringify(String(value));
  }
}

/** Nesting past which `isPlainJsonTree` gives up (and the replacer path decides): cycles end here too. */
const PLAIN_TREE_DEPTH = 256;

/**
 * Whether JSON.stringify of `value` visits only primitives other than BigInt, arrays and plain objects
 * without a `toJSON`: then no replacer is needed and it cannot throw. Inherited enumerable keys (for-in)
 * are checked too, which JSON.stringify would skip: that can only send a value to the slow path.
 */
export function isPlainJsonTree(value: unknown, depth: number): boolean {
  if (value === null || typeof value !== "object") return typeof value !== "bigint";
  if (depth > PLAIN_TREE_DEPTH) return false;
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!isPlainJsonTree(value[i], depth + 1)) return false;
    return true;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key in value) if (!isPlainJsonTree((value as Record<string, unknown>)[key], depth + 1)) return false;
  return true;
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Base64 without Buffer or btoa, so the core stays portable. */
export function bytesToBase64(bytes: Uint8Array): string {
  let out = "";
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + B64[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + "==";
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + "=";
  }
  return out;
}

/** Decodes standard or URL-safe base64; returns undefined on anything that is not base64. */
export function base64ToBytes(text: string): Uint8Array | undefined {
  const clean = text.replace(/=+$/, "").replace(/-/g, "+").replace(/_/g, "/");
  if (!/^[A-Za-z0-9+/]*$/.test(clean) || clean.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    buffer = (buffer << 6) | B64.indexOf(clean[i]!);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}

export function bytesToHex(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b.toString(16).padStart(2, "0");
  return out;
}
