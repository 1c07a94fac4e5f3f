/**
 * Values near the boundary of a shape, for agreement properties between a hand-written guard and a zod
 * schema: a valid value with a few mutations at random places (a key deleted, a value of the wrong type,
 * null, an extra key, an own `__proto__` key, an object without prototype), so both accept and both
 * refuse often, and a disagreement shows on a small counterexample.
 */
import fc from "fast-check";

/** Values of every JSON type and a few numbers that only some checks refuse. */
export const weird: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  null, undefined, 0, -0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, 2 ** 60, "", "x", "text", "function",
  true, false, [], {}, [{}], { type: "text" }, { type: 1 }, ["a"],
);

type Mutation =
  | { op: "set"; at: number; key: number | string; value: unknown }
  | { op: "delete"; at: number; key: number }
  | { op: "proto-key"; at: number; value: unknown }
  | { op: "null-proto"; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant("set" as const), at: fc.nat(), key: fc.oneof(fc.nat(), fc.constantFrom("extra", "type", "role", "content", "text", "id", "name")), value: weird }),
  fc.record({ op: fc.constant("delete" as const), at: fc.nat(), key: fc.nat() }),
  fc.record({ op: fc.constant("proto-key" as const), at: fc.nat(), value: weird }),
  fc.record({ op: fc.constant("null-proto" as const), at: fc.nat() }),
);

type Node = Record<string, unknown> | unknown[];

/** Every object and array in `root`, root first (depth first). */
function containers(root: unknown): Node[] {
  const out: Node[] = [];
  const walk = (v: unknown) => {
    if (v === null || typeof v !== "object") return;
    out.push(v as Node);
    for (const child of Object.values(v)) walk(child);
  };
  walk(root);
  return out;
}

function apply(root: unknown, m: Mutation): unknown {
  const nodes = containers(root);
  if (nodes.length === 0) return m.op === "set" ? structuredClone(m.value) : root;
  const index = m.at % nodes.length;
  const node = nodes[index]!;
  const keys = Object.keys(node);
  switch (m.op) {
    case "set": {
      const key = typeof m.key === "number" ? (keys.length === 0 ? "extra" : keys[m.key % keys.length]!) : m.key;
      Object.defineProperty(node, key, { value: structuredClone(m.value), enumerable: true, writable: true, configurable: true });
      return root;
    }
    case "delete":
      if (keys.length > 0) {
        if (Array.isArray(node)) node.splice(m.key % keys.length, 1);
        else delete node[keys[m.key % keys.length]!];
      }
      return root;
    case "proto-key":
      if (!Array.isArray(node)) Object.defineProperty(node, "__proto__", { value: structuredClone(m.value), enumerable: true, writable: true, configurable: true });
      return root;
    case "null-proto": {
      if (Array.isArray(node)) return root;
      const bare = Object.assign(Object.create(null) as Record<string, unknown>, node);
      if (index === 0) return bare;
      // Put the copy where the original was.
      for (const parent of nodes) for (const [k, v] of Object.entries(parent)) if (v === node) (parent as Record<string, unknown>)[k] = bare;
      return root;
    }
  }
}

/** `valid` values, each with up to `max` mutations (none in about a quarter of the runs). */
export function near<T>(valid: fc.Arbitrary<T>, max = 3): fc.Arbitrary<unknown> {
  return fc.tuple(valid, fc.array(mutation, { maxLength: max })).map(([value, mutations]) => {
    let v: unknown = structuredClone(value);
    for (const m of mutations) v = apply(v, m);
    return v;
  });
}
