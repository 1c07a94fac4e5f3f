/**
 * Model-based test of detection's bounded key cache (src/pipeline/detect.ts): whatever the cache holds,
 * `conventionOfKey` and the group bits of the detection walk equal a direct reading of the modules'
 * tables (longest matching prefix across every convention, first module on a tie), before the cache
 * fills (4096 keys), after it is full, and for keys asked again.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CONVENTIONS } from "../../src/conventions/index.js";
import type { ConventionModule } from "../../src/conventions/types.js";
import { conventionOfKey, detectAndCopy } from "../../src/pipeline/detect.js";

const MODULES = CONVENTIONS as readonly ConventionModule[];

/** The convention of a key read straight from the rules: no cache, no index by first segment. */
function expectedConvention(key: string): string | undefined {
  let best: { id: string; length: number } | undefined;
  for (const m of MODULES) {
    for (const rule of m.detect) {
      if (!key.startsWith(rule.prefix)) continue;
      if (rule.exact && key !== rule.prefix) continue;
      if (rule.indexed && !/^[0-9]/.test(key.slice(rule.prefix.length))) continue;
      if (best === undefined || rule.prefix.length > best.length) best = { id: m.id, length: rule.prefix.length };
    }
  }
  return best?.id;
}

function expectedGroups(key: string): number {
  let bits = 0;
  for (const m of MODULES) for (const group of m.groups ?? []) if (group.keys.includes(key)) bits |= group.bit;
  return bits;
}

const PREFIXES = MODULES.flatMap((m) => m.detect.map((r) => r.prefix));
const GROUP_KEYS = MODULES.flatMap((m) => (m.groups ?? []).flatMap((g) => [...g.keys]));

/** Keys near the rules: a prefix cut short or continued (digit, dot, letter), a group key, noise. */
const key = fc.oneof(
  fc.constantFrom(...PREFIXES),
  fc.constantFrom(...GROUP_KEYS),
  fc.tuple(fc.constantFrom(...PREFIXES), fc.constantFrom("", "0", "12.content", ".", "x", "s.0", "_extra")).map(([p, s]) => p + s),
  fc.tuple(fc.constantFrom(...PREFIXES), fc.nat()).map(([p, n]) => p.slice(0, n % (p.length + 1))),
  fc.string({ maxLength: 12 }),
  fc.constantFrom("", "é.gen_ai.x", "__proto__", "constructor", "llm", "gen_ai", "ai.", "g", "l", "gé", "g\u0080n_ai.x", "\u0067en_ai.request.model", "ge\u00ffx"),
  // Two characters off by the high bit (the table is indexed by both char codes).
  fc.tuple(fc.constantFrom(...PREFIXES), fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0x80, max: 0x17f })).map(([p, at, code]) => p.slice(0, at) + String.fromCharCode(code) + p.slice(at + 1)),
);

function check(k: string): void {
  expect({ k, convention: conventionOfKey(k) }).toEqual({ k, convention: expectedConvention(k) });
  const index = detectAndCopy({ [k]: 1 }, undefined, {});
  expect({ k, groups: index.groups }).toEqual({ k, groups: expectedGroups(k) });
}

describe("detection's key cache against a direct reading of the rules", () => {
  it("agrees on generated keys before the cache fills", () => {
    fc.assert(fc.property(fc.array(key, { maxLength: 20 }), (keys) => keys.forEach(check)), { numRuns: 100 });
  });

  it("agrees once the cache is full, for cached and uncached keys alike", () => {
    // Fill the cache past its bound with distinct keys that all match a rule (only those are cached).
    const fillers = Array.from({ length: 5000 }, (_, i) => `gen_ai.filler.${i}`);
    for (const k of fillers) expect(conventionOfKey(k)).toBe("genai");
    fc.assert(fc.property(fc.array(key, { maxLength: 20 }), (keys) => keys.forEach(check)), { numRuns: 100 });
    // Keys cached before it filled, and keys that never made it in, still answer the same.
    for (const k of [fillers[0]!, fillers[4999]!, "llm.input_messages.0.message.role", "gen_ai.prompt.3.content", "traceloop.span.kind"]) check(k);
  });
});
