/**
 * The fast path for indexed attribute families (OpenInference's `llm.input_messages.<i>.…`,
 * `retrieval.documents.<i>.…`; OpenLLMetry's `gen_ai.prompt.<i>.…`, `llm.request.functions.<i>.…`):
 * a parser's one pass over a span's keys parses each key's path (parseKeyPath) and inserts it into
 * its family's tree (insertPath), with no intermediate Map tree and no second scan.
 *
 * Well-formed keys only. The tree built is exactly what `unflattenIndexed(attributes, prefix)`
 * returns when that reports no problem: indices arrive in order (each one is at most one past the
 * last), every index node holds only indices and every object node only names, no segment is empty,
 * unsafe or too large an index, and no key lands on or under another key's value. A family whose
 * keys break any of this is marked irregular and left to `unflattenIndexed`, which reports the
 * problems (gaps, conflicts, refused keys) in its own order. test/internal/indexed.test.ts checks
 * that the two agree.
 */
import { LIMITS } from "../internal/limits.js";
import type { TreeValue } from "./unflatten.js";

export interface IndexedFamily {
  /** The compact list, or undefined when the keys are irregular (expand with unflattenIndexed). */
  items: TreeValue[] | undefined;
  /** Every key of the family, in attribute order (all are expanded into `items` when it is defined). */
  keys: string[];
}

type Container = TreeValue[] | { [key: string]: TreeValue };

const MAX_INDEX = LIMITS.maxIndex;
const hasOwn = Object.prototype.hasOwnProperty;

/**
 * The canonical index in `key[start, end)` ("0", "17"; not "01", "1e3"), -1 when the segment is not
 * one, and Infinity past 15 digits (as `parseIndex` does).
 */
function indexAt(key: string, start: number, end: number): number {
  const n = end - start;
  if (n > 1 && key.charCodeAt(start) === 0x30) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const c = key.charCodeAt(i) - 0x30;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return n > 15 ? Number.POSITIVE_INFINITY : value;
}

function unsafeName(segment: string): boolean {
  return segment === "__proto__" || segment === "constructor" || segment === "prototype";
}

/** A key's segments after the list prefix: an index as a number, a name as a string. */
export type KeyPath = readonly (string | number)[];

/**
 * The segments of `key` from `start` on, or undefined when one of them is empty, an unsafe name or an
 * index past the limit, or when the first is not an index (the list's keys must start with one).
 */
export function parseKeyPath(key: string, start: number): KeyPath | undefined {
  const path: (string | number)[] = [];
  let pos = start;
  for (;;) {
    const dot = key.indexOf(".", pos);
    const end = dot < 0 ? key.length : dot;
    if (end === pos) return undefined;
    const index = indexAt(key, pos, end);
    if (index > MAX_INDEX) return undefined;
    if (index >= 0) path.push(index);
    else {
      if (path.length === 0) return undefined;
      const name = key.slice(pos, end);
      if (unsafeName(name)) return undefined;
      path.push(name);
    }
    if (dot < 0) return path;
    pos = dot + 1;
  }
}

/** Per-span state of the scan: the attribute values that are objects or arrays, so a leaf is never taken for a node built here. */
export interface LeafObjects {
  set: Set<unknown> | undefined;
}

/**
 * Inserts a value at `path` (from parseKeyPath) into `root`. Returns false when the key is not
 * regular with the keys inserted before it (an index out of order, a node mixing indices and names,
 * a value on or under another value); the caller then gives up the fast path for the list.
 */
export function insertPath(root: TreeValue[], path: KeyPath, value: TreeValue, leaves: LeafObjects): boolean {
  let node: Container = root;
  let isArray = true;
  const last = path.length - 1;
  for (let i = 0; ; i++) {
    const segment = path[i]!;
    let existing: TreeValue | undefined;
    let exists: boolean;
    if (typeof segment === "number") {
      if (!isArray) return false;
      const arr = node as TreeValue[];
      if (segment > arr.length) return false;
      exists = segment < arr.length;
      if (i === last) {
        if (exists) return false;
        arr.push(value);
        break;
      }
      if (exists) existing = arr[segment];
    } else {
      if (isArray) return false;
      const obj = node as { [key: string]: TreeValue };
      exists = hasOwn.call(obj, segment);
      if (i === last) {
        if (exists) return false;
        obj[segment] = value;
        break;
      }
      if (exists) existing = obj[segment];
    }
    if (!exists) {
      // The next segment says whether the new node holds indices or names.
      const childIsArray = typeof path[i + 1] === "number";
      const child: Container = childIsArray ? [] : {};
      if (isArray) (node as TreeValue[]).push(child);
      else (node as { [key: string]: TreeValue })[segment as string] = child;
      node = child;
      isArray = childIsArray;
    } else {
      if (existing === null || typeof existing !== "object" || (leaves.set !== undefined && leaves.set.has(existing))) return false;
      node = existing as Container;
      isArray = Array.isArray(existing);
    }
  }
  if (value !== null && typeof value === "object") (leaves.set ??= new Set()).add(value);
  return true;
}
