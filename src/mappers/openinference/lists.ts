/**
 * One pass over a span's keys that finds OpenInference's indexed lists (`llm.input_messages.<i>.…`,
 * `retrieval.documents.<i>.…`…) and builds each list's tree as it goes, without splitting keys or
 * building an intermediate Map tree.
 *
 * This is a fast path for well-formed keys only. The tree it builds is exactly what
 * `unflattenIndexed(attributes, prefix)` returns when that reports no problem: indices arrive in
 * order (each one is at most one past the last), every index node holds only indices and every
 * object node only names, no segment is empty, unsafe or too large an index, and no key lands on or
 * under another key's value. A list whose keys break any of this is marked irregular and left to
 * `unflattenIndexed`, which reports the problems (gaps, conflicts, refused keys) in its own order.
 */
import type { Attributes } from "../../span.js";
import { LIMITS } from "../../internal/limits.js";
import type { TreeValue } from "../../internal/unflatten.js";

export interface ScannedList {
  /** The compact list, or undefined when the keys are irregular (expand with unflattenIndexed). */
  items: TreeValue[] | undefined;
  /** Every key of the list, in attribute order (all are expanded into `items` when it is defined). */
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

/** Per-span state of the scan: the attribute values that are objects or arrays, so a leaf is never taken for a node built here. */
export interface LeafObjects {
  set: Set<unknown> | undefined;
}

/**
 * Inserts `key` (whose part after the list prefix starts at `start`) into `root`. Returns false when
 * the key is not regular in the sense above; the caller then gives up the fast path for the list.
 */
export function insertRegular(root: TreeValue[], key: string, start: number, value: TreeValue, leaves: LeafObjects): boolean {
  let node: Container = root;
  let isArray = true;
  let pos = start;
  for (;;) {
    const dot = key.indexOf(".", pos);
    const end = dot < 0 ? key.length : dot;
    if (end === pos) return false;
    const index = indexAt(key, pos, end);
    if (index > MAX_INDEX) return false;
    const last = dot < 0;
    let exists: boolean;
    let existing: TreeValue | undefined;
    let name = "";
    if (isArray) {
      if (index < 0) return false;
      const arr = node as TreeValue[];
      if (index > arr.length) return false;
      exists = index < arr.length;
      if (last) {
        if (exists) return false;
        arr.push(value);
        break;
      }
      existing = exists ? arr[index] : undefined;
    } else {
      if (index >= 0) return false;
      name = key.slice(pos, end);
      if (unsafeName(name)) return false;
      const obj = node as { [key: string]: TreeValue };
      exists = hasOwn.call(obj, name);
      if (last) {
        if (exists) return false;
        obj[name] = value;
        break;
      }
      existing = exists ? obj[name] : undefined;
    }
    // An inner segment: the next one says whether the child is an index node or an object node.
    pos = end + 1;
    if (!exists) {
      const nextDot = key.indexOf(".", pos);
      const nextEnd = nextDot < 0 ? key.length : nextDot;
      const childIsArray = nextEnd > pos && indexAt(key, pos, nextEnd) >= 0;
      const child: Container = childIsArray ? [] : {};
      if (isArray) (node as TreeValue[]).push(child);
      else (node as { [key: string]: TreeValue })[name] = child;
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
