/**
 * The one-pass list builder (src/internal/indexed.ts) is a fast path for `unflattenIndexed`:
 * whenever it accepts every key of a list, its tree must be exactly (values and key order) what
 * `unflattenIndexed` builds, and `unflattenIndexed` must report no problem. Keys it refuses go to
 * `unflattenIndexed`, so only acceptance is checked here.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Attributes } from "../../src/index.js";
import { unflattenIndexed, type TreeValue } from "../../src/readers/unflatten.js";
import { insertPath, parseKeyPath, type LeafObjects } from "../../src/readers/indexed.js";

const PREFIX = "llm.input_messages";

/** The fast tree, or undefined when some key was refused. */
function fast(attributes: Attributes): TreeValue[] | undefined {
  const root: TreeValue[] = [];
  const leaves: LeafObjects = { set: undefined };
  for (const key in attributes) {
    if (!key.startsWith(`${PREFIX}.`)) continue;
    const path = parseKeyPath(key, PREFIX.length + 1);
    if (path === undefined || !insertPath(root, path, attributes[key] as TreeValue, leaves)) return undefined;
  }
  return root;
}

function expectSameAsUnflatten(attributes: Attributes): boolean {
  const tree = fast(attributes);
  if (tree === undefined) return false;
  const slow = unflattenIndexed(attributes, PREFIX);
  expect(slow.problems).toEqual([]);
  expect(JSON.stringify(tree)).toBe(JSON.stringify(slow.value ?? []));
  expect(tree).toStrictEqual(slow.value ?? []);
  return true;
}

const attrs = (keys: [string, Attributes[string]][]): Attributes => {
  const out: Attributes = {};
  for (const [k, v] of keys) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
};
const k = (rest: string) => `${PREFIX}.${rest}`;

describe("indexed families: one-pass fast path", () => {
  it("builds the unflattenIndexed tree for regular keys", () => {
    expect(
      expectSameAsUnflatten(
        attrs([
          [k("0.message.role"), "user"],
          [k("0.message.contents.0.message_content.type"), "text"],
          [k("0.message.contents.0.message_content.text"), "hi"],
          [k("0.message.tool_calls.0.tool_call.id"), "c1"],
          [k("0.message.contents.1.message_content.type"), "image"],
          [k("1.message.role"), "assistant"],
          [k("1.message.content"), "x"],
          [k("1.message.vector"), [1, 2]],
        ]),
      ),
    ).toBe(true);
  });

  it.each([
    ["a gap", [[k("0.message.role"), "user"], [k("2.message.role"), "user"]]],
    ["indices out of order", [[k("1.message.role"), "user"], [k("0.message.role"), "user"]]],
    ["a non-canonical index", [[k("00.message.role"), "user"]]],
    ["an index past the limit", [[k("0.message.contents.10001.x"), "user"]]],
    ["a name at the list's top", [[k("role"), "user"]]],
    ["a node mixing indices and names", [[k("0.message.contents.0.x"), "a"], [k("0.message.contents.text"), "b"]]],
    ["a node mixing names and indices", [[k("0.message.text"), "a"], [k("0.message.0"), "b"]]],
    ["an empty segment", [[k("0.message..role"), "user"]]],
    ["a trailing dot", [[k("0.message."), "user"]]],
    ["__proto__", [[k("0.__proto__.role"), "user"]]],
    ["constructor", [[k("0.message.constructor"), "user"]]],
    ["a key under a value", [[k("0.message.role"), "user"], [k("0.message.role.x"), "user"]]],
    ["a key under an array value", [[k("0.message.parts"), ["a", "b"]], [k("0.message.parts.2"), "c"]]],
    ["a key under an array value at an index", [[k("0"), ["a"]], [k("0.1"), "c"]]],
    ["a value on a node", [[k("0.message.role.x"), "user"], [k("0.message.role"), "user"]]],
    ["a value on an index node", [[k("0.message.parts.0"), "a"], [k("0.message.parts"), "b"]]],
  ] as [string, [string, Attributes[string]][]][])("leaves %s to unflattenIndexed", (_label, keys) => {
    expect(fast(attrs(keys))).toBeUndefined();
  });

  it("accepts only what unflattenIndexed expands without a problem, to the same tree", () => {
    const segment = fc.constantFrom("0", "1", "2", "01", "10001", "", "a", "b", "message", "role", "__proto__", "toString", "constructor");
    const value = fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.boolean(), fc.array(fc.integer(), { maxLength: 2 }));
    const key = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join("."));
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value), { maxLength: 8 }), (pairs) => {
        const a = attrs(pairs.map(([rest, v]) => [k(rest), v] as [string, Attributes[string]]));
        if (expectSameAsUnflatten(a)) accepted++;
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(100);
  });
});
