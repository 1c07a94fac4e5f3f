/**
 * Which conventions a span uses, decided per span from its attribute keys and event names, and which
 * key groups (readers/groups.ts) it has: one walk over the keys does both, and copies the attribute
 * record `toMlflowSpan` returns. One cached lookup per key (a bounded memo: keys repeat from span to
 * span), else a Map lookup on the key's first segment and a few `startsWith` checks; no regex per key.
 * The tricks are explained in docs/performance.md.
 */
import type { Attributes, SpanEvent } from "../canonical/span.js";
import { setOwn } from "../internal/records.js";
import type { Convention } from "../conventions/index.js";
import { READERS } from "../conventions/readers.js";
import type { ConventionReader, DetectRule } from "../conventions/types.js";

interface Rule extends DetectRule {
  readonly convention: Convention;
}

const ALL_RULES: readonly Rule[] = READERS.flatMap((m) => m.detect.map((rule) => ({ ...rule, convention: m.id })));

function firstSegment(key: string): string {
  const dot = key.indexOf(".");
  return dot < 0 ? key : key.slice(0, dot);
}

/** Rules grouped by the first dotted segment of their prefix, longest prefix first. */
const RULES_BY_SEGMENT: ReadonlyMap<string, readonly Rule[]> = (() => {
  const map = new Map<string, Rule[]>();
  for (const rule of ALL_RULES) {
    const segment = firstSegment(rule.prefix);
    const list = map.get(segment) ?? [];
    list.push(rule);
    map.set(segment, list);
  }
  for (const list of map.values()) list.sort((a, b) => b.prefix.length - a.prefix.length);
  return map;
})();

/** Bit i of a convention mask is READERS[i], which is CONVENTIONS[i] (conventions/readers.ts checks they fit). */
const CONVENTION_BIT: ReadonlyMap<Convention, number> = new Map(READERS.map((m, i) => [m.id, 1 << i]));

/** The group bits of each key that is in some key group (bits allocated by conventions/readers.ts). */
const GROUPS_OF_KEY: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  for (const m of READERS as readonly ConventionReader[]) {
    for (const group of m.groups ?? []) for (const key of group.keys) map.set(key, (map.get(key) ?? 0) | group.bit);
  }
  return map;
})();

/** Event-name prefixes and the convention bit each sets. */
const EVENT_RULES: readonly (readonly [prefix: string, bit: number])[] = (READERS as readonly ConventionReader[]).flatMap((m) =>
  (m.detectEvents ?? []).map((prefix) => [prefix, CONVENTION_BIT.get(m.id as Convention)!] as const),
);

/** Scope-name prefixes and the convention bit each sets (`detectScopes`). */
const SCOPE_RULES: readonly (readonly [prefix: string, bit: number])[] = (READERS as readonly ConventionReader[]).flatMap((m) =>
  (m.detectScopes ?? []).map((prefix) => [prefix, CONVENTION_BIT.get(m.id as Convention)!] as const),
);

/**
 * The convention bits of each scope name seen: every span of a scope repeats its name, so the prefix
 * checks run once per name. Bounded like KEY_CACHE, so hostile scope names cannot grow it.
 */
const SCOPE_CACHE = new Map<string, number>();
const SCOPE_CACHE_LIMIT = 256;

function scopeMask(scope: { name?: unknown } | undefined): number {
  if (SCOPE_RULES.length === 0 || scope === undefined || scope === null || typeof scope !== "object") return 0;
  const name = scope.name;
  if (typeof name !== "string" || name === "") return 0;
  const cached = SCOPE_CACHE.get(name);
  if (cached !== undefined) return cached;
  let found = 0;
  for (const [prefix, bit] of SCOPE_RULES) if (name.startsWith(prefix)) found |= bit;
  if (SCOPE_CACHE.size < SCOPE_CACHE_LIMIT) SCOPE_CACHE.set(name, found);
  return found;
}

/** Attribute-value rules (`detectValues`) and the convention bit each sets: a few own-property reads per span. */
const VALUE_RULES: readonly (readonly [key: string, value: string, bit: number])[] = (READERS as readonly ConventionReader[]).flatMap((m) =>
  (m.detectValues ?? []).map((rule) => [rule.key, rule.value, CONVENTION_BIT.get(m.id as Convention)!] as const),
);

function valuesMask(attributes: Attributes): number {
  let found = 0;
  for (const [key, value, bit] of VALUE_RULES) {
    if (Object.prototype.hasOwnProperty.call(attributes, key) && attributes[key] === value) found |= bit;
  }
  return found;
}

/**
 * First characters of every rule prefix and grouped key: most keys of a non-LLM span (http., url.,
 * server.) stop here. A table indexed by char code (a byte load) rather than a Set: this runs per key.
 */
const FIRST_CHARS = new Uint8Array(128);
for (const prefix of [...ALL_RULES.map((r) => r.prefix), ...GROUPS_OF_KEY.keys()]) {
  const c = prefix.charCodeAt(0);
  if (c >= 128) throw new Error(`detection prefix ${prefix} must start with an ASCII character`);
  FIRST_CHARS[c] = 1;
}

/** What a key tells: its convention's bit (0 for none) and the bits of the key groups it is in. */
interface KeyCode {
  readonly convention: number;
  readonly groups: number;
}
const NOTHING: KeyCode = { convention: 0, groups: 0 };

/**
 * The one bounded memo of the pipeline: attribute keys repeat from span to span (an instrumentation
 * writes the same keys every time) and V8 keeps a string's hash with the string, so a Map lookup beats
 * deriving the code again. Bounded, so a stream of unique hostile keys cannot grow it.
 */
const KEY_CACHE = new Map<string, KeyCode>();
const KEY_CACHE_LIMIT = 4096;

function codeOfKey(key: string): KeyCode {
  // charCodeAt is NaN for "" and a non-ASCII first character is never a prefix's: both read 0 or undefined.
  if (FIRST_CHARS[key.charCodeAt(0)] !== 1) return NOTHING;
  const cached = KEY_CACHE.get(key);
  if (cached !== undefined) return cached;
  const convention = matchRules(key);
  const groups = GROUPS_OF_KEY.get(key) ?? 0;
  const code = convention === undefined && groups === 0 ? NOTHING : { convention: convention === undefined ? 0 : CONVENTION_BIT.get(convention)!, groups };
  if (KEY_CACHE.size < KEY_CACHE_LIMIT) KEY_CACHE.set(key, code);
  return code;
}

/** The convention an attribute key belongs to, by the detection rules (emitters use it to drop foreign keys). */
export function conventionOfKey(key: string): Convention | undefined {
  const bit = codeOfKey(key).convention;
  return bit === 0 ? undefined : READERS[31 - Math.clz32(bit)]!.id;
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

/** Every subset of READERS (= CONVENTIONS), in list order, indexed by mask; built on first use per mask. */
const BY_MASK = new Map<number, readonly Convention[]>();

/** The conventions of a convention mask, most specific first (a fresh list). */
export function conventionsOfMask(mask: number): Convention[] {
  if (mask === 0) return [];
  let list = BY_MASK.get(mask);
  if (list === undefined) {
    list = READERS.filter((_, i) => (mask & (1 << i)) !== 0).map((m) => m.id);
    BY_MASK.set(mask, list);
  }
  return list.slice();
}

/** The result of the detection walk: conventions found and key groups present. */
export interface SpanIndex {
  conventions: number;
  groups: number;
}

/** Every bit an event rule can set: the walk over a span's events stops once all are found. */
const ALL_EVENT_BITS = EVENT_RULES.reduce((bits, [, bit]) => bits | bit, 0);

function eventsMask(events: readonly SpanEvent[] | undefined): number {
  if (!events || ALL_EVENT_BITS === 0) return 0;
  let found = 0;
  for (let i = 0; i < events.length && found !== ALL_EVENT_BITS; i++) {
    const name = events[i]!.name;
    if (typeof name !== "string") continue;
    for (let r = 0; r < EVENT_RULES.length; r++) if (name.startsWith(EVENT_RULES[r]![0])) found |= EVENT_RULES[r]![1];
  }
  return found;
}

/** Conventions and key groups of a record's keys, inherited enumerable ones included (for-in). */
function indexOfParts(attributes: Attributes, events: readonly SpanEvent[] | undefined): SpanIndex {
  let conventions = 0;
  let groups = 0;
  for (const key in attributes) {
    const code = codeOfKey(key);
    conventions |= code.convention;
    groups |= code.groups;
  }
  return { conventions: conventions | eventsMask(events) | (VALUE_RULES.length === 0 ? 0 : valuesMask(attributes)), groups };
}

/**
 * The detection walk fused with the copy of the attribute record that `toMlflowSpan` returns: one walk
 * of the keys instead of two (on dictionary-mode records the walk costs as much as the work). Copies
 * own enumerable string keys, "__proto__" included as an own key.
 */
export function detectAndCopy(
  attributes: Attributes,
  events: readonly SpanEvent[] | undefined,
  copy: Attributes,
  keys: readonly string[] = Object.keys(attributes),
  scope?: { name?: unknown },
): SpanIndex {
  // Detection sees inherited enumerable keys too (for-in); a record with a prototype of its own is
  // rare enough to take two walks and keep exactly that.
  const proto: unknown = Object.getPrototypeOf(attributes);
  const plain = proto === Object.prototype || proto === null;
  let conventions = 0;
  let groups = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key === "__proto__") setOwn(copy, key, attributes[key]);
    else copy[key] = attributes[key];
    if (!plain) continue;
    const code = codeOfKey(key);
    conventions |= code.convention;
    groups |= code.groups;
  }
  if (!plain) {
    const index = indexOfParts(attributes, events);
    if (index.conventions !== 0) index.conventions |= scopeMask(scope);
    return index;
  }
  conventions |= eventsMask(events);
  // Value and scope rules only refine spans that use some LLM convention already (every value rule is
  // on a gen_ai.* key, and the scope-detected sources write gen_ai.* keys): plain HTTP/DB spans skip them.
  if (conventions === 0) return { conventions, groups };
  return { conventions: conventions | scopeMask(scope) | (VALUE_RULES.length === 0 ? 0 : valuesMask(attributes)), groups };
}

/** The conventions a span uses (keys, event names, scope name), most specific first (e.g. `["openllmetry", "genai"]`). */
export function detectConventions(span: { attributes?: Attributes; events?: readonly { name: string }[]; scope?: { name?: string } }): Convention[] {
  if (span === null || typeof span !== "object") throw new TypeError("detectConventions expects a span object");
  const index = indexOfParts(span.attributes ?? {}, span.events as readonly SpanEvent[] | undefined);
  // As in translation: the scope refines a span that uses some LLM convention, it does not make one.
  return conventionsOfMask(index.conventions === 0 ? 0 : index.conventions | scopeMask(span.scope));
}
