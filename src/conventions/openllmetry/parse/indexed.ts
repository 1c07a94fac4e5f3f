import { OPENLLMETRY } from "../keys.js";
import { parseIndex, unflattenIndexed, type TreeValue } from "../../../readers/unflatten.js";
import { type ParseContext } from "../../../readers/context.js";
import { parseKeyPath, type IndexedFamily, type KeyPath } from "../../../readers/indexed.js";
export const PROMPTS = 0;
export const COMPLETIONS = 1;
export const FUNCTIONS = 2;
const VECTOR_RESULTS = 3;

/** The indexed families, by the prefix their keys start with. */
const FAMILY_PREFIXES: readonly (readonly [string, number])[] = [
  [OPENLLMETRY.prompt + ".", PROMPTS],
  [OPENLLMETRY.completion + ".", COMPLETIONS],
  [OPENLLMETRY.requestFunctions + ".", FUNCTIONS],
  [OPENLLMETRY.vectorDbQueryResult + ".", VECTOR_RESULTS],
];

interface FamilyKey {
  family: number;
  /** Undefined when the key cannot be expanded by the fast path (src/internal/indexed.ts). */
  path: KeyPath | undefined;
}

/**
 * Which indexed family a key belongs to, with its parsed path (read-only, so one array serves every
 * span), or null. Instrumentations write the same keys on every span, so this is cached per key
 * (as OpenInference's listKey is) instead of two startsWith and a path array per key per span;
 * bounded, so a stream of unique hostile keys cannot grow it.
 */
const FAMILY_KEY_CACHE = new Map<string, FamilyKey | null>();
const FAMILY_KEY_CACHE_LIMIT = 4096;

export function familyKey(key: string): FamilyKey | null {
  const cached = FAMILY_KEY_CACHE.get(key);
  if (cached !== undefined) return cached;
  let info: FamilyKey | null = null;
  for (const [prefix, family] of FAMILY_PREFIXES) {
    if (key.startsWith(prefix)) {
      info = { family, path: parseKeyPath(key, prefix.length) };
      break;
    }
  }
  if (FAMILY_KEY_CACHE.size < FAMILY_KEY_CACHE_LIMIT) FAMILY_KEY_CACHE.set(key, info);
  return info;
}

/** The items of an indexed family in index order; keys that are not `<prefix>.<index>.…` are left alone. */
export function readIndexed(ctx: ParseContext, prefix: string, family: IndexedFamily): { items: TreeValue[]; keys: string[] } | undefined {
  // Regular keys were expanded by the key scan, all of them (and a family has at least one key).
  if (family.items !== undefined) return { items: family.items, keys: family.keys };
  const result = unflattenIndexed(ctx.attributes, prefix);
  for (const problem of result.problems) ctx.diagnose(problem.code, "warning", `${problem.key}: ${problem.message}`, problem.key);
  const value = result.value;
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return { items: value, keys: result.consumed };
  // Some keys under the prefix have no index (`gen_ai.prompt.foo`): use only the indexed ones.
  const head = prefix.length + 1;
  const indexed = Object.keys(value)
    .map((k) => [parseIndex(k), k] as const)
    .filter(([i]) => i >= 0)
    .sort((a, b) => a[0] - b[0]);
  const keys = result.consumed.filter((k) => {
    const dot = k.indexOf(".", head);
    return parseIndex(dot < 0 ? k.slice(head) : k.slice(head, dot)) >= 0;
  });
  for (const k of result.consumed) {
    if (!keys.includes(k)) ctx.diagnose("invalid-value", "warning", `${k} has no message index after "${prefix}."; kept as is`, k);
  }
  if (indexed.length === 0) return undefined;
  return { items: indexed.map(([, k]) => value[k]!), keys };
}
