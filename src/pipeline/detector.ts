/**
 * A detector: which conventions a span uses, decided per span from its attribute keys, event names and
 * scope name over one list of readers, and which key groups (readers/groups.ts) it has. One walk over
 * the keys does both, and copies the attribute record `toMlflowSpan` returns. One cached lookup per key
 * (a bounded memo: keys repeat from span to span), else a Map lookup on the key's first segment and a
 * few `startsWith` checks; no regex per key. The tricks are explained in docs/performance.md.
 *
 * The package's own functions use one detector over READERS (pipeline/detect.ts); `createTranslator`
 * builds one over the readers a server chose, so its bundle holds no other convention. The tables
 * live in the closure of `createDetector`, built once per reader list; this module imports no reader.
 */
import type { Attributes, SpanEvent } from "../canonical/span.js";
import { setOwn } from "../internal/records.js";
import { allocateGroupBits } from "../readers/groups.js";
import type { ConventionReader, DetectRule, Parser } from "../conventions/types.js";

/** The result of the detection walk: conventions found (bit i = readers[i]) and key groups present. */
export interface SpanIndex {
  conventions: number;
  groups: number;
}

/** A span as `detectConventions` reads it. */
export interface DetectableSpan {
  attributes?: Attributes;
  events?: readonly { name: string }[];
  scope?: { name?: string };
}

export interface Detector<Id extends string = string> {
  /** The parser of a convention id among the readers (undefined otherwise). */
  parserOf(id: string): Parser | undefined;
  /** The convention bit of an attribute key by the detection rules (0 for none; bit i = readers[i]). */
  keyBit(key: string): number;
  /** The conventions of a convention mask, in reader order (a fresh list). */
  conventionsOfMask(mask: number): Id[];
  /**
   * The detection walk fused with the copy of the attribute record that `toMlflowSpan` returns: one
   * walk of the keys instead of two. Copies own enumerable string keys, "__proto__" included as an own key.
   */
  detectAndCopy(
    attributes: Attributes,
    events: readonly SpanEvent[] | undefined,
    copy: Attributes,
    keys?: readonly string[],
    scope?: { name?: unknown },
  ): SpanIndex;
  /** The conventions a span uses (keys, event names, scope name), most specific first. */
  detectConventions(span: DetectableSpan): Id[];
}

/** The convention of a key, by a detector over `readers` (bit i = readers[i]); undefined for none. */
export function conventionOfKeyIn<Id extends string>(detector: Detector<Id>, readers: readonly { readonly id: Id }[], key: string): Id | undefined {
  const bit = detector.keyBit(key);
  return bit === 0 ? undefined : readers[31 - Math.clz32(bit)]!.id;
}

interface Rule extends DetectRule {
  readonly bit: number;
}

/** What a key tells: its convention's bit (0 for none) and the bits of the key groups it is in. */
interface KeyCode {
  readonly convention: number;
  readonly groups: number;
}
const NOTHING: KeyCode = { convention: 0, groups: 0 };

/** Bounds of the memos: keys and scope names seen, so hostile streams of unique names cannot grow them. */
const KEY_CACHE_LIMIT = 4096;
const SCOPE_CACHE_LIMIT = 256;

function firstSegment(key: string): string {
  const dot = key.indexOf(".");
  return dot < 0 ? key : key.slice(0, dot);
}

/**
 * The detector of a reader list. Bit i of a convention mask is readers[i], so the list order is the
 * parse order and breaks ties between rules of equal length (callers pass READERS, which
 * conventions/readers.ts checks fits the 31 bits, or an ordered subset of it).
 */
export function createDetector<Id extends string>(readers: readonly ConventionReader<Id>[]): Detector<Id> {
  // Groups shared with READERS keep the bits READERS gave them; only a bundle without READERS numbers them here.
  allocateGroupBits(readers.flatMap((m) => m.groups ?? []));

  const bitOf = (i: number) => 1 << i;
  const allRules: readonly Rule[] = readers.flatMap((m, i) => m.detect.map((rule) => ({ ...rule, bit: bitOf(i) })));

  /** Rules grouped by the first dotted segment of their prefix, longest prefix first (a stable sort: list order on a tie). */
  const rulesBySegment = new Map<string, Rule[]>();
  for (const rule of allRules) {
    const segment = firstSegment(rule.prefix);
    const list = rulesBySegment.get(segment) ?? [];
    list.push(rule);
    rulesBySegment.set(segment, list);
  }
  for (const list of rulesBySegment.values()) list.sort((a, b) => b.prefix.length - a.prefix.length);

  /** The group bits of each key that is in some key group. */
  const groupsOfKey = new Map<string, number>();
  for (const m of readers) {
    for (const group of m.groups ?? []) for (const key of group.keys) groupsOfKey.set(key, (groupsOfKey.get(key) ?? 0) | group.bit);
  }

  /** Event-name prefixes, scope-name prefixes and attribute-value rules, each with the convention bit it sets. */
  const eventRules: readonly (readonly [prefix: string, bit: number])[] = readers.flatMap((m, i) => (m.detectEvents ?? []).map((prefix) => [prefix, bitOf(i)] as const));
  const scopeRules: readonly (readonly [prefix: string, bit: number])[] = readers.flatMap((m, i) => (m.detectScopes ?? []).map((prefix) => [prefix, bitOf(i)] as const));
  const valueRules: readonly (readonly [key: string, value: string, bit: number])[] = readers.flatMap((m, i) =>
    (m.detectValues ?? []).map((rule) => [rule.key, rule.value, bitOf(i)] as const),
  );
  const hasValueRules = valueRules.length !== 0;
  /** Every bit an event rule can set: the walk over a span's events stops once all are found. */
  const allEventBits = eventRules.reduce((bits, [, bit]) => bits | bit, 0);

  /**
   * The first two characters of every rule prefix and grouped key: most keys of a non-LLM span (url.,
   * server., network.) stop here, before the memo. A table indexed by the two char codes (a byte
   * load) rather than a Set: this runs per key. With sixteen conventions' prefixes one character
   * let three keys in four of a plain HTTP span through (docs/performance.md).
   */
  const firstTwo = new Uint8Array(128 * 128);
  for (const prefix of [...allRules.map((r) => r.prefix), ...groupsOfKey.keys()]) {
    const c = prefix.charCodeAt(0);
    const d = prefix.charCodeAt(1);
    if (!(c < 128 && d < 128)) throw new Error(`detection prefix ${prefix} must start with two ASCII characters`);
    firstTwo[(c << 7) | d] = 1;
  }

  const parsers: ReadonlyMap<string, Parser> = new Map(readers.map((m) => [m.id, m.parse]));

  /**
   * The convention bits of each scope name seen: every span of a scope repeats its name, so the prefix
   * checks run once per name.
   */
  const scopeCache = new Map<string, number>();

  function scopeMask(scope: { name?: unknown } | undefined): number {
    if (scopeRules.length === 0 || scope === undefined || scope === null || typeof scope !== "object") return 0;
    const name = scope.name;
    if (typeof name !== "string" || name === "") return 0;
    const cached = scopeCache.get(name);
    if (cached !== undefined) return cached;
    let found = 0;
    for (const [prefix, bit] of scopeRules) if (name.startsWith(prefix)) found |= bit;
    if (scopeCache.size < SCOPE_CACHE_LIMIT) scopeCache.set(name, found);
    return found;
  }

  /** Attribute-value rules: a few own-property reads per span. */
  function valuesMask(attributes: Attributes): number {
    let found = 0;
    for (const [key, value, bit] of valueRules) {
      if (Object.prototype.hasOwnProperty.call(attributes, key) && attributes[key] === value) found |= bit;
    }
    return found;
  }

  /**
   * The one bounded memo of the pipeline: attribute keys repeat from span to span (an instrumentation
   * writes the same keys every time) and V8 keeps a string's hash with the string, so a Map lookup beats
   * deriving the code again.
   */
  const keyCache = new Map<string, KeyCode>();

  function matchRules(key: string): number {
    const rules = rulesBySegment.get(firstSegment(key));
    if (rules === undefined) return 0;
    for (const rule of rules) {
      if (!key.startsWith(rule.prefix)) continue;
      if (rule.exact && key.length !== rule.prefix.length) continue;
      if (rule.indexed) {
        const c = key.charCodeAt(rule.prefix.length);
        if (!(c >= 0x30 && c <= 0x39)) continue;
      }
      return rule.bit;
    }
    return 0;
  }

  function codeOfKey(key: string): KeyCode {
    // A prefix's two characters are ASCII: a key whose first two are not has no rule. A key shorter
    // than two reads NaN, which the bit operations turn into 0: row or column 0, never a prefix's.
    const c = key.charCodeAt(0);
    const d = key.charCodeAt(1);
    if ((c | d) >= 128 || firstTwo[(c << 7) | d] !== 1) return NOTHING;
    const cached = keyCache.get(key);
    if (cached !== undefined) return cached;
    const convention = matchRules(key);
    const groups = groupsOfKey.get(key) ?? 0;
    const code = convention === 0 && groups === 0 ? NOTHING : { convention, groups };
    if (keyCache.size < KEY_CACHE_LIMIT) keyCache.set(key, code);
    return code;
  }

  /** Every subset of the readers, in list order, indexed by mask; built on first use per mask. */
  const byMask = new Map<number, readonly Id[]>();

  function conventionsOfMask(mask: number): Id[] {
    if (mask === 0) return [];
    let list = byMask.get(mask);
    if (list === undefined) {
      list = readers.filter((_, i) => (mask & (1 << i)) !== 0).map((m) => m.id);
      byMask.set(mask, list);
    }
    return list.slice();
  }

  function eventsMask(events: readonly SpanEvent[] | undefined): number {
    if (!events || allEventBits === 0) return 0;
    let found = 0;
    for (let i = 0; i < events.length && found !== allEventBits; i++) {
      const name = events[i]!.name;
      if (typeof name !== "string") continue;
      for (let r = 0; r < eventRules.length; r++) if (name.startsWith(eventRules[r]![0])) found |= eventRules[r]![1];
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
    return { conventions: conventions | eventsMask(events) | (hasValueRules ? valuesMask(attributes) : 0), groups };
  }

  function detectAndCopy(
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
    return { conventions: conventions | scopeMask(scope) | (hasValueRules ? valuesMask(attributes) : 0), groups };
  }

  return {
    parserOf: (id) => parsers.get(id),
    keyBit: (key) => codeOfKey(key).convention,
    conventionsOfMask,
    detectAndCopy,
    detectConventions(span) {
      if (span === null || typeof span !== "object") throw new TypeError("detectConventions expects a span object");
      const index = indexOfParts(span.attributes ?? {}, span.events as readonly SpanEvent[] | undefined);
      // As in translation: the scope refines a span that uses some LLM convention, it does not make one.
      return conventionsOfMask(index.conventions === 0 ? 0 : index.conventions | scopeMask(span.scope));
    },
  };
}
