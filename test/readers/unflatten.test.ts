import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseIndex, unflattenIndexed } from "../../src/readers/unflatten.js";
import { LIMITS } from "../../src/internal/limits.js";

describe("unflattenIndexed", () => {
  it("expands indexed dotted keys into arrays of objects, in index order", () => {
    const result = unflattenIndexed(
      {
        "llm.input_messages.1.message.role": "user",
        "llm.input_messages.0.message.role": "system",
        "llm.input_messages.0.message.content": "be brief",
        "llm.input_messages.1.message.contents.0.message_content.text": "hi",
        "llm.output_messages.0.message.role": "assistant",
      },
      "llm.input_messages",
    );
    expect(result.value).toEqual([
      { message: { role: "system", content: "be brief" } },
      { message: { role: "user", contents: [{ message_content: { text: "hi" } }] } },
    ]);
    expect(result.consumed).toHaveLength(4);
    expect(result.problems).toEqual([]);
  });

  it("compacts gaps and reports them", () => {
    const result = unflattenIndexed({ "x.0.a": 1, "x.3.a": 2 }, "x");
    expect(result.value).toEqual([{ a: 1 }, { a: 2 }]);
    expect(result.problems).toEqual([expect.objectContaining({ code: "indexed-key-gap", key: "x.1" })]);
  });

  it("refuses huge indices without allocating", () => {
    const result = unflattenIndexed({ "x.4294967295.role": "user", "x.0.role": "system" }, "x");
    expect(result.value).toEqual([{ role: "system" }]);
    expect(result.problems).toEqual([expect.objectContaining({ code: "index-too-large", key: "x.4294967295.role" })]);
    expect(result.consumed).toEqual(["x.0.role"]);
  });

  it("refuses __proto__, constructor and prototype segments", () => {
    const result = unflattenIndexed({ "x.__proto__.polluted": "yes", "x.0.constructor.prototype.p": 1, "x.0.ok": 2 }, "x");
    expect(result.value).toEqual([{ ok: 2 }]);
    expect(result.problems.map((p) => p.code)).toEqual(["unsafe-key", "unsafe-key"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reports a value and a deeper key at the same path", () => {
    const result = unflattenIndexed({ "x.0": "leaf", "x.0.deeper": 1 }, "x");
    expect(result.value).toEqual(["leaf"]);
    expect(result.problems).toEqual([expect.objectContaining({ code: "indexed-key-conflict", key: "x.0.deeper" })]);
  });

  it("treats non-canonical numbers (01, -1, 1e3) as object keys", () => {
    expect(parseIndex("01")).toBe(-1);
    expect(parseIndex("-1")).toBe(-1);
    expect(parseIndex("1e3")).toBe(-1);
    expect(parseIndex("17")).toBe(17);
    expect(unflattenIndexed({ "x.01": 1 }, "x").value).toEqual({ "01": 1 });
  });

  it("returns undefined when no key has the prefix", () => {
    expect(unflattenIndexed({ "xy.0": 1 }, "x")).toEqual({ value: undefined, consumed: [], problems: [] });
  });
});

describe("unflattenIndexed properties", () => {
  const segment = fc.oneof(
    fc.constantFrom("__proto__", "constructor", "prototype", "0", "1", "2", "10", "01", "-1", "", "4294967295", "99999999999999999999", "message", "role"),
    fc.string({ maxLength: 6 }),
    fc.nat({ max: LIMITS.maxIndex * 2 }).map(String),
  );
  const key = fc.array(segment, { minLength: 1, maxLength: 5 }).map((segments) => `p.${segments.join(".")}`);
  const attributes = fc.dictionary(key, fc.oneof(fc.string(), fc.integer(), fc.boolean()), { maxKeys: 40 });

  it("never throws, never touches Object.prototype, and never builds more items than keys", () => {
    fc.assert(
      fc.property(attributes, (attrs) => {
        const result = unflattenIndexed(attrs, "p");
        expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain("polluted");
        expect(({} as Record<string, unknown>).role).toBeUndefined();
        const count = (v: unknown): number =>
          Array.isArray(v) ? v.length + v.reduce<number>((n, x) => n + count(x), 0) : v && typeof v === "object" && !(v instanceof Uint8Array) ? Object.values(v).reduce<number>((n, x) => n + count(x), 0) : 0;
        expect(count(result.value)).toBeLessThanOrEqual(Object.keys(attrs).length * 5);
        // every key is either consumed or explained by a problem (or not under the prefix at all)
        for (const k of Object.keys(attrs)) {
          if (!k.startsWith("p.")) continue;
          const explained = result.consumed.includes(k) || result.problems.some((p) => p.key === k);
          expect(explained).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
