/**
 * Which conventions a span uses, decided per span from its attribute keys and event names.
 * One Map lookup on the key's first segment, then a few `startsWith` checks: no regex per key.
 */
import type { Convention, SpanEvent } from "../canonical/span.js";
import type { DetectionRule } from "../conventions/types.js";
import { MLFLOW_DETECTION } from "../conventions/mlflow/keys.js";
import { GENAI_DETECTION, GENAI_EVENT_PREFIX } from "../conventions/genai/keys.js";
import { OPENINFERENCE_DETECTION } from "../conventions/openinference/keys.js";
import { OPENLLMETRY_DETECTION } from "../conventions/openllmetry/keys.js";
import { VERCEL_DETECTION } from "../conventions/vercel-ai/keys.js";
import type { Attributes } from "../canonical/span.js";
import { setOwn } from "../internal/records.js";
import { GROUP_OF_KEY } from "./groups.js";

const ALL_RULES: readonly DetectionRule[] = [
  ...MLFLOW_DETECTION,
  ...OPENINFERENCE_DETECTION,
  ...OPENLLMETRY_DETECTION,
  ...VERCEL_DETECTION,
  ...GENAI_DETECTION,
];

function firstSegment(key: string): string {
  const dot = key.indexOf(".");
  return dot < 0 ? key : key.slice(0, dot);
}

/** Rules grouped by the first dotted segment of their prefix, longest prefix first. */
const RULES_BY_SEGMENT: ReadonlyMap<string, readonly DetectionRule[]> = (() => {
  const map = new Map<string, DetectionRule[]>();
  for (const rule of ALL_RULES) {
    const segment = firstSegment(rule.prefix);
    const list = map.get(segment) ?? [];
    list.push(rule);
    map.set(segment, list);
  }
  for (const list of map.values()) list.sort((a, b) => b.prefix.length - a.prefix.length);
  return map;
})();

/**
 * Order in which conventions are reported and parsed: most specific first. The Vercel AI SDK comes
 * before GenAI: its spans carry a few gen_ai.* keys beside the ai.* content, and the GenAI parser,
 * running second, then merges its request parameters and response metadata into what ai.* gave.
 */
export const CONVENTION_ORDER: readonly Convention[] = ["mlflow", "openinference", "openllmetry", "vercel-ai", "genai"];

/** Bit of each convention in the mask `detectFromParts` builds (bit i = CONVENTION_ORDER[i]). */
const CONVENTION_BIT: Readonly<Record<Convention, number>> = { mlflow: 1, openinference: 2, openllmetry: 4, "vercel-ai": 8, genai: 16 };

/**
 * First characters of every rule prefix: most keys of a non-LLM span (http., url., server.) stop
 * here. A table indexed by char code (a byte load) rather than a Set: this runs for every key.
 */
const FIRST_CHARS = new Uint8Array(128);
for (const prefix of [...ALL_RULES.map((r) => r.prefix), ...GROUP_OF_KEY.keys()]) {
  const c = prefix.charCodeAt(0);
  if (c >= 128) throw new Error(`detection prefix ${prefix} must start with an ASCII character`);
  FIRST_CHARS[c] = 1;
}

/**
 * Attribute keys repeat from span to span (one instrumentation writes the same keys every time), and
 * V8 keeps a string's hash with the string, so a Map lookup beats re-deriving the convention each
 * time. Bounded, so a stream of unique hostile keys cannot grow it. The value is the key's code: its
 * convention's bit (CONVENTION_BIT) or'ed with the bits of the key groups it belongs to (groups.ts).
 */
const KEY_CACHE = new Map<string, number>();
const KEY_CACHE_LIMIT = 4096;

/** The convention bits of a code (the lower bits), and each single bit's convention. */
const CONVENTION_BITS = 31;
const CONVENTION_OF_BIT: readonly (Convention | undefined)[] = (() => {
  const out: (Convention | undefined)[] = new Array(CONVENTION_BITS + 1).fill(undefined);
  for (const c of CONVENTION_ORDER) out[CONVENTION_BIT[c]] = c;
  return out;
})();

function codeOfKey(key: string): number {
  // charCodeAt is NaN for "" and a non-ASCII first character is never a prefix's: both read 0 or undefined.
  if (FIRST_CHARS[key.charCodeAt(0)] !== 1) return 0;
  const cached = KEY_CACHE.get(key);
  if (cached !== undefined) return cached;
  const convention = matchRules(key);
  const code = (convention === undefined ? 0 : CONVENTION_BIT[convention]) | (GROUP_OF_KEY.get(key) ?? 0);
  if (KEY_CACHE.size < KEY_CACHE_LIMIT) KEY_CACHE.set(key, code);
  return code;
}

export function conventionOfKey(key: string): Convention | undefined {
  return CONVENTION_OF_BIT[codeOfKey(key) & CONVENTION_BITS];
}

function matchRules(key: string): Convention | undefined {
  const rules = RULES_BY_SEGMENT.get(firstSegment(key));
  if (rules === undefined) return undefined;
  for (const rule of rules) {
    if (!key.startsWith(rule.prefix)) continue;
    if (rule.exact && key.length !== rule.prefix.length) continue;
    if (rule.indexed) {
      const c = key.charCodeAt(rule.prefix.length);
      if (!(c >= 0x30 && c <= 0x39)) continue;
    }
    return rule.convention;
  }
  return undefined;
}


/** Every subset of CONVENTION_ORDER, indexed by mask; callers get a fresh copy. */
const BY_MASK: readonly (readonly Convention[])[] = Array.from({ length: 1 << CONVENTION_ORDER.length }, (_, mask) => CONVENTION_ORDER.filter((c) => (mask & CONVENTION_BIT[c]) !== 0));

export function detectFromParts(attributes: Attributes, events: readonly SpanEvent[] | undefined): Convention[] {
  return conventionsOfMask(maskOfParts(attributes, events));
}

/** The conventions of a mask from `detectAndCopy`, most specific first (a fresh list). */
export function conventionsOfMask(mask: number): Convention[] {
  const conventions = mask & CONVENTION_BITS;
  return conventions === 0 ? [] : BY_MASK[conventions]!.slice();
}

/** Conventions and key groups of a record's keys, inherited enumerable ones included (for-in). */
function maskOfParts(attributes: Attributes, events: readonly SpanEvent[] | undefined): number {
  // A bit mask instead of a Set: this runs once per span, and on most spans finds nothing.
  let found = 0;
  for (const key in attributes) found |= codeOfKey(key);
  return found | eventsMask(events);
}

function eventsMask(events: readonly SpanEvent[] | undefined): number {
  if (events) {
    for (const event of events) if (typeof event.name === "string" && event.name.startsWith(GENAI_EVENT_PREFIX)) return CONVENTION_BIT.genai;
  }
  return 0;
}

/**
 * `detectFromParts` fused with the copy of the attribute record that `toMlflowSpan` returns: one
 * walk of the keys instead of two (the walk, on dictionary-mode records, costs as much as the work).
 * Copies own enumerable string keys, "__proto__" included as an own key. Returns the mask of the
 * conventions (`conventionsOfMask`) and key groups (groups.ts) found.
 */
export function detectAndCopy(
  attributes: Attributes,
  events: readonly SpanEvent[] | undefined,
  copy: Attributes,
  keys: readonly string[] = Object.keys(attributes),
): number {
  // Detection sees inherited enumerable keys too (for-in); a record with a prototype of its own is
  // rare enough to take two walks and keep exactly that.
  const proto: unknown = Object.getPrototypeOf(attributes);
  const plain = proto === Object.prototype || proto === null;
  let found = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key === "__proto__") setOwn(copy, key, attributes[key]);
    else copy[key] = attributes[key];
    if (!plain) continue;
    found |= codeOfKey(key);
  }
  if (!plain) return maskOfParts(attributes, events);
  return found | eventsMask(events);
}

/** The conventions a span uses, most specific first (e.g. `["openllmetry", "genai"]`). */
export function detectConventions(span: { attributes?: Attributes; events?: readonly { name: string }[] }): Convention[] {
  if (span === null || typeof span !== "object") throw new TypeError("detectConventions expects a span object");
  return detectFromParts(span.attributes ?? {}, span.events as readonly SpanEvent[] | undefined);
}
