/**
 * Un-flattening of indexed dotted keys, as OpenInference (`llm.input_messages.0.message.role`) and
 * legacy OpenLLMetry (`gen_ai.prompt.0.content`) write them.
 *
 * Safety rules, because the keys come from the network:
 * - segments `__proto__`, `constructor` and `prototype` are refused (the key stays unconsumed);
 * - indices are canonical non-negative integers up to LIMITS.maxIndex; larger ones are refused;
 * - arrays are compacted (sorted by index), so a sparse index never allocates a huge array;
 *   gaps are reported so the caller can say which positions were missing.
 * Work is linear in the number of matching keys (plus a sort of each array's indices).
 */
import type { AttributeValue, Attributes } from "../canonical/span.js";
import { LIMITS } from "../internal/limits.js";

export type Tree = { [key: string]: TreeValue };
export type TreeValue = AttributeValue | Tree | TreeValue[];

export interface UnflattenProblem {
  code: "unsafe-key" | "index-too-large" | "indexed-key-gap" | "indexed-key-conflict";
  key: string;
  message: string;
}

export interface UnflattenResult {
  /** The expanded value: an array when the first segment after the prefix is an index, else an object. */
  value: TreeValue[] | Tree | undefined;
  /** Keys that were expanded into `value` (the caller may mark them consumed). */
  consumed: string[];
  problems: UnflattenProblem[];
}

const UNSAFE_SEGMENTS = new Set(["__proto__", "constructor", "prototype"]);

/** A node while building: Map keeps insertion order and has no prototype to pollute. */
type Node = Map<string, Node | Leaf>;
interface Leaf {
  leaf: AttributeValue;
  key: string;
}

function isLeaf(v: Node | Leaf): v is Leaf {
  return !(v instanceof Map);
}

/**
 * Parses a canonical array index ("0", "17"; not "01", "-1", "1e3"); -1 when the segment is not one.
 * Digit strings too long to be a sane index give Infinity so callers can refuse them.
 */
export function parseIndex(segment: string): number {
  const n = segment.length;
  if (n === 0) return -1;
  if (n > 1 && segment.charCodeAt(0) === 0x30) return -1;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const c = segment.charCodeAt(i) - 0x30;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return n > 15 ? Number.POSITIVE_INFINITY : value;
}

export function unflattenIndexed(attributes: Attributes, prefix: string): UnflattenResult {
  const root: Node = new Map();
  const consumed: string[] = [];
  const problems: UnflattenProblem[] = [];
  const head = prefix + ".";

  for (const key in attributes) {
    if (!key.startsWith(head)) continue;
    const segments = key.slice(head.length).split(".");
    const refusal = checkSegments(key, segments);
    if (refusal) {
      problems.push(refusal);
      continue;
    }
    insert(root, segments, { leaf: attributes[key], key }, problems) && consumed.push(key);
  }
  if (root.size === 0) return { value: undefined, consumed, problems };
  return { value: toTree(root, [prefix], problems), consumed, problems };
}

function checkSegments(key: string, segments: string[]): UnflattenProblem | undefined {
  for (const segment of segments) {
    if (UNSAFE_SEGMENTS.has(segment)) {
      return { code: "unsafe-key", key, message: `segment "${segment}" is refused; the attribute is kept unexpanded` };
    }
    if (segment === "") {
      return { code: "unsafe-key", key, message: "empty key segment; the attribute is kept unexpanded" };
    }
    const index = parseIndex(segment);
    if (index > LIMITS.maxIndex) {
      return {
        code: "index-too-large",
        key,
        message: `index ${segment} exceeds the limit of ${LIMITS.maxIndex}; the attribute is kept unexpanded`,
      };
    }
  }
  return undefined;
}

function insert(root: Node, segments: string[], leaf: Leaf, problems: UnflattenProblem[]): boolean {
  let node = root;
  for (let i = 0; i < segments.length - 1; i++) {
    const segment = segments[i]!;
    const next = node.get(segment);
    if (next === undefined) {
      const created: Node = new Map();
      node.set(segment, created);
      node = created;
    } else if (isLeaf(next)) {
      problems.push({
        code: "indexed-key-conflict",
        key: leaf.key,
        message: `"${next.key}" already holds a value at this path; the attribute is kept unexpanded`,
      });
      return false;
    } else {
      node = next;
    }
  }
  const last = segments[segments.length - 1]!;
  const existing = node.get(last);
  if (existing !== undefined) {
    problems.push({
      code: "indexed-key-conflict",
      key: leaf.key,
      message: `another attribute already expands to this path; the attribute is kept unexpanded`,
    });
    return false;
  }
  node.set(last, leaf);
  return true;
}

/**
 * Converts the Map tree into arrays and objects. The path is kept as a stack of segments and joined
 * only when a problem is reported: building a path string per node showed up in profiles.
 */
function toTree(node: Node, path: string[], problems: UnflattenProblem[]): TreeValue[] | Tree {
  const indices: number[] = [];
  for (const key of node.keys()) {
    const index = parseIndex(key);
    if (index < 0) return toObject(node, path, problems);
    indices.push(index);
  }
  const children = [...node.values()];
  // Keys usually arrive in index order; sort (an order of positions) only when they did not.
  let order: number[] | undefined;
  for (let i = 1; i < indices.length; i++) {
    if (indices[i]! < indices[i - 1]!) {
      order = indices.map((_, j) => j).sort((x, y) => indices[x]! - indices[y]!);
      break;
    }
  }
  const out: TreeValue[] = [];
  let expected = 0;
  for (let i = 0; i < indices.length; i++) {
    const at = order ? order[i]! : i;
    const index = indices[at]!;
    const child = children[at]!;
    if (index !== expected) {
      const where = path.join(".");
      problems.push({
        code: "indexed-key-gap",
        key: `${where}.${expected}`,
        message: `indices ${expected}..${index - 1} under "${where}" are missing; later items were moved up`,
      });
    }
    expected = index + 1;
    if (isLeaf(child)) out.push(child.leaf);
    else {
      path.push(String(index));
      out.push(toTree(child, path, problems));
      path.pop();
    }
  }
  return out;
}

function toObject(node: Node, path: string[], problems: UnflattenProblem[]): Tree {
  const out: Tree = {};
  for (const [key, child] of node) {
    // Unsafe segments were refused above, so plain assignment cannot reach a prototype.
    if (isLeaf(child)) out[key] = child.leaf;
    else {
      path.push(key);
      out[key] = toTree(child, path, problems);
      path.pop();
    }
  }
  return out;
}
