import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { base64ToBytes, bytesToBase64, cannotBeJson, looksLikeJsonContainer, safeJsonParse, mayHaveCount, safeJsonStringify, textExceedsDepth } from "../../src/internal/json.js";

describe("safeJsonParse", () => {
  it("returns values for JSON and reasons for everything else, never throwing", () => {
    expect(safeJsonParse('{"a":[1,2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
    expect(safeJsonParse("{nope")).toMatchObject({ ok: false, reason: "not-json" });
    expect(safeJsonParse("[1]", { maxLength: 2 })).toMatchObject({ ok: false, reason: "too-long" });
    expect(safeJsonParse("[".repeat(200) + "]".repeat(200))).toMatchObject({ ok: false, reason: "too-deep" });
    expect(safeJsonParse("[[1]]", { maxDepth: 2 })).toEqual({ ok: true, value: [[1]] });
    expect(safeJsonParse("[[[1]]]", { maxDepth: 2 })).toMatchObject({ ok: false, reason: "too-deep" });
  });

  it("never throws on arbitrary strings", () => {
    fc.assert(fc.property(fc.string(), (s) => typeof safeJsonParse(s).ok === "boolean"));
  });

  it("refuses a deep document past 16 KiB from its text, before parsing", () => {
    const deep = `${"[".repeat(1_000_000)}${"]".repeat(1_000_000)}`;
    expect(safeJsonParse(deep)).toMatchObject({ ok: false, reason: "too-deep" });
    // Brackets inside strings do not nest.
    const flat = JSON.stringify(["[".repeat(20_000), "{\\\"[[[", { a: "]]]" }]);
    expect(safeJsonParse(flat)).toMatchObject({ ok: true });
  });

  it("the text scan measures depth exactly as the parsed value has it", () => {
    const depthOf = (v: unknown): number =>
      v !== null && typeof v === "object" ? 1 + Math.max(0, ...Object.values(v as object).map(depthOf)) : 0;
    const text = fc.string({ unit: fc.constantFrom("[", "]", "{", "}", '"', "\\", "a", ",") });
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: "small" }, text, fc.integer(), fc.array(tie("node"), { maxLength: 3 }), fc.dictionary(text, tie("node"), { maxKeys: 3 })),
    })).node;
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 6 }), (v, max) => {
        expect(textExceedsDepth(JSON.stringify(v), max)).toBe(depthOf(v) > max);
      }),
      { numRuns: 1000 },
    );
  });

  it("checks depth on a 5000-deep document without overflowing the stack", () => {
    expect(safeJsonParse(`${"[".repeat(5000)}${"]".repeat(5000)}`, { maxDepth: 10_000 })).toMatchObject({ ok: true });
  });
});

describe("cannotBeJson: the shortcut that skips JSON.parse", () => {
  const engine = (text: string): string | undefined => {
    try {
      JSON.parse(text);
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  };
  // Texts near the boundary: JSON literals, their prefixes, blanks, numbers, prose.
  const nearJson = fc.oneof(
    fc.string(),
    fc.json(),
    fc.constantFrom("true", "false", "null", "tru", "fals", "nul", "  true", "\tnull", "\n", " ", "", "-", "-1", "1e5", "text", "nothing", "CHAT_MODEL", "gpt-4o", '"x"', "{", "["),
    fc.tuple(fc.constantFrom("", " ", "\n", "\r\t"), fc.json(), fc.string({ maxLength: 3 })).map(([a, b, c]) => a + b + c),
  );
  it("says 'cannot' only for texts JSON.parse refuses, and safeJsonParse keeps the engine's message", () => {
    fc.assert(
      fc.property(nearJson, (text) => {
        const message = engine(text);
        if (cannotBeJson(text)) expect(message).toBeDefined();
        const result = safeJsonParse(text);
        if (message === undefined) expect(result.ok).toBe(true);
        else {
          expect(result.ok).toBe(false);
          expect(!result.ok && [result.reason, result.message]).toEqual(["not-json", message]);
        }
      }),
      { numRuns: 2000 },
    );
  });
  it("takes the shortcut for prose, names and blank text, not for what might be JSON", () => {
    for (const text of ["CHAT_MODEL", "gpt-4o", "text", "nothing", "fals", "", "  ", "\u00e9t\u00e9"]) expect(cannotBeJson(text)).toBe(true);
    for (const text of ["true", " false", "\nnull", "-", "1, 2", '"a"', "{x", "[", "truex"]) expect(cannotBeJson(text)).toBe(false);
  });
});

describe("small JSON helpers", () => {
  it("looksLikeJsonContainer skips whitespace", () => {
    expect(looksLikeJsonContainer("  \n{")).toBe(true);
    expect(looksLikeJsonContainer("[1]")).toBe(true);
    expect(looksLikeJsonContainer("hello")).toBe(false);
    expect(looksLikeJsonContainer("")).toBe(false);
  });

  it("safeJsonStringify handles bigint, bytes and cycles", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(safeJsonStringify({ n: 10n, b: new Uint8Array([1, 2]) })).toBe('{"n":"10","b":"AQI="}');
    expect(safeJsonStringify(cyclic)).toBe('"[object Object]"');
    expect(safeJsonStringify(undefined)).toBe("null");
  });

  it("base64 round-trips arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
      }),
    );
    expect(base64ToBytes("not base64!")).toBeUndefined();
  });
});

describe("mayHaveCount", () => {
  const key = '"input_tokens"';
  it("is false only when every occurrence of the key has a plain integer other than n", () => {
    expect(mayHaveCount('{"input_tokens":21,"a":{"input_tokens" :\n 7}}', key, 3)).toBe(false);
    expect(mayHaveCount('{"cache_read_input_tokens":3}', key, 3)).toBe(false);
    expect(mayHaveCount("{}", key, 3)).toBe(false);
  });
  it("on a serialised count, is true exactly when it is n", () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.boolean(), (m, n, pretty) => {
        expect(mayHaveCount(JSON.stringify({ usage: { input_tokens: m } }, null, pretty ? 2 : undefined), key, n)).toBe(m === n);
      }),
    );
  });
  it("is true for the count itself, and for whatever it cannot read", () => {
    for (const text of ['{"input_tokens":3}', '{"input_tokens": 3 }', '{"input_tokens":21,"b":{"input_tokens":3}}', '{"input_tokens":3.0}', '{"input_tokens":3e0}', '{"input_tokens":"3"}', '{"input_tokens":-3}', '["input_tokens"]']) {
      expect(mayHaveCount(text, key, 3)).toBe(true);
    }
  });
});
