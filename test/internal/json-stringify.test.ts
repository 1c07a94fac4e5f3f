/**
 * safeJsonStringify takes JSON.stringify without a replacer on plain JSON trees (docs/performance.md):
 * a model-based check against the trivial model, the replacer path alone, on values that mix plain
 * JSON with what only the replacer handles (BigInt, byte arrays), objects with toJSON, class
 * instances, null-prototype records and cycles.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bytesToBase64, isPlainJsonTree, safeJsonStringify } from "../../src/internal/json.js";

/** The model: what safeJsonStringify did before the fast path, for every value. */
function model(value: unknown): string {
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

class Box {
  constructor(readonly inner: unknown) {}
}

const leaf = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.integer(),
  fc.string(),
  fc.constant(undefined),
  fc.bigInt(),
  fc.uint8Array({ maxLength: 4 }),
  fc.date({ noInvalidDate: false }),
);

const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, tie("array"), tie("object"), tie("odd")),
  array: fc.array(tie("tree"), { maxLength: 4 }),
  object: fc.dictionary(fc.oneof(fc.string(), fc.constantFrom("__proto__", "toJSON", "0", "1")), tie("tree"), { maxKeys: 4 }),
  odd: fc.oneof(
    tie("tree").map((v) => Object.assign(Object.create(null) as object, { v })),
    tie("tree").map((v) => new Box(v)),
    tie("tree").map((v) => ({ toJSON: () => v })),
    tie("tree").map((v) => Object.assign([v], { toJSON: () => "array" })),
  ),
}));

describe("safeJsonStringify fast path", () => {
  it("writes exactly the model's text on generated values", () => {
    fc.assert(
      fc.property(tree, (value) => {
        expect(safeJsonStringify(value)).toBe(model(value));
      }),
      { numRuns: 2000 },
    );
  });

  it("matches the model on cycles, deep nesting and the cases the fast path refuses", () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    let deep: unknown = 1;
    for (let i = 0; i < 400; i++) deep = [deep];
    const values = [cyclic, deep, { n: 1n }, [new Uint8Array([1])], { d: new Date(0) }, new Box(1), () => 1, Symbol("s")];
    for (const v of values) expect(safeJsonStringify(v)).toBe(model(v));
  });

  it("takes the fast path only for plain trees", () => {
    expect(isPlainJsonTree({ a: [1, "x", null, { b: true }] }, 0)).toBe(true);
    expect(isPlainJsonTree(Object.assign(Object.create(null) as object, { a: 1 }), 0)).toBe(true);
    expect(isPlainJsonTree({ a: [1n] }, 0)).toBe(false);
    expect(isPlainJsonTree({ a: new Uint8Array(1) }, 0)).toBe(false);
    expect(isPlainJsonTree({ a: { toJSON: () => 1 } }, 0)).toBe(false);
    expect(isPlainJsonTree(new Box(1), 0)).toBe(false);
  });
});
