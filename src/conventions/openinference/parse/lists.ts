import { OI, OPENINFERENCE_SPEC_ONLY_KEYS as SPEC_ONLY } from "../keys.js";
import { unflattenIndexed, type TreeValue } from "../../../readers/unflatten.js";
import { insertPath, parseKeyPath, type IndexedFamily, type KeyPath, type LeafObjects } from "../../../readers/indexed.js";
import { type ParseContext } from "../../../readers/context.js";
/** Indexed list prefixes, looked up once per span before any expansion. */
const LISTS = {
  inputMessages: OI.inputMessages + ".",
  outputMessages: OI.outputMessages + ".",
  tools: OI.tools + ".",
  prompts: OI.prompts + ".",
  choices: SPEC_ONLY.choices + ".",
  documents: OI.retrievalDocuments + ".",
  rerankIn: OI.rerankerInputDocuments + ".",
  rerankOut: OI.rerankerOutputDocuments + ".",
  embeddings: OI.embeddingEmbeddings + ".",
} as const;
export type ListName = keyof typeof LISTS;
const LIST_BY_PREFIX: ReadonlyMap<string, ListName> = new Map((Object.entries(LISTS) as [ListName, string][]).map(([name, prefix]) => [prefix, name]));
/** The same, keyed by the prefix without its dot (the constant `expand` is called with). */
const LIST_BY_NAME: ReadonlyMap<string, ListName> = new Map((Object.entries(LISTS) as [ListName, string][]).map(([name, prefix]) => [prefix.slice(0, -1), name]));

// ---------------------------------------------------------------------------------------------
// Span kind, provider, model

/**
 * One pass over the keys: which indexed lists the span has, with each list's keys and, when the keys
 * are regular, its expanded tree (src/internal/indexed.ts), so no list needs another scan or `unflattenIndexed`.
 */
function scanLists(ctx: ParseContext): Map<ListName, IndexedFamily> {
  const found = new Map<ListName, IndexedFamily>();
  const attributes = ctx.attributes;
  const leaves: LeafObjects = { set: undefined };
  const keys = ctx.keys;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const c = key.charCodeAt(0);
    // l(lm.), r(etrieval./eranker.), e(mbedding.): every list prefix has two segments.
    if (c !== 0x6c && c !== 0x72 && c !== 0x65) continue;
    const info = listKey(key);
    if (info === null) continue;
    let list = found.get(info.name);
    if (list === undefined) found.set(info.name, (list = { items: [], keys: [] }));
    list.keys.push(key);
    if (list.items !== undefined && (info.path === undefined || !insertPath(list.items, info.path, attributes[key] as TreeValue, leaves))) {
      list.items = undefined;
    }
  }
  return found;
}

/** The lists of the span being parsed, scanned once per span (the context's memo, no module state). */
export function listsOf(ctx: ParseContext): Map<ListName, IndexedFamily> {
  return ctx.memo(scanLists);
}

interface ListKey {
  name: ListName;
  /** Undefined when the key cannot be expanded by the fast path (src/internal/indexed.ts). */
  path: KeyPath | undefined;
}

/**
 * Which list a key belongs to and its parsed path, or null. Cached per key and bounded, like
 * detect.ts's cache, so a stream of unique hostile keys cannot grow it.
 */
const LIST_KEY_CACHE = new Map<string, ListKey | null>();
const LIST_KEY_CACHE_LIMIT = 4096;

function listKey(key: string): ListKey | null {
  const cached = LIST_KEY_CACHE.get(key);
  if (cached !== undefined) return cached;
  let info: ListKey | null = null;
  const first = key.indexOf(".");
  const second = first < 0 ? -1 : key.indexOf(".", first + 1);
  if (second >= 0) {
    const name = LIST_BY_PREFIX.get(key.slice(0, second + 1));
    if (name !== undefined) info = { name, path: parseKeyPath(key, second + 1) };
  }
  if (LIST_KEY_CACHE.size < LIST_KEY_CACHE_LIMIT) LIST_KEY_CACHE.set(key, info);
  return info;
}


// ---------------------------------------------------------------------------------------------
// Messages

interface Expanded {
  items: TreeValue[];
  consume(): void;
}

/** Expands `prefix.<i>.*` into a compact list; problems become diagnostics, refused keys stay unconsumed. */
export function expand(ctx: ParseContext, prefix: string): Expanded | undefined {
  const name = LIST_BY_NAME.get(prefix);
  if (name !== undefined) {
    const list = listsOf(ctx).get(name);
    if (list === undefined) return undefined;
    const items = list.items;
    if (items !== undefined) {
      // Regular keys: the tree unflattenIndexed would build, with no problem to report.
      const keys = list.keys;
      return {
        items,
        consume: () => {
          for (let i = 0; i < keys.length; i++) ctx.consume(keys[i]!);
        },
      };
    }
  }
  const r = unflattenIndexed(ctx.attributes, prefix);
  for (const p of r.problems) ctx.diagnose(p.code, "warning", `${p.key}: ${p.message}`, p.key);
  if (r.value === undefined) return undefined;
  if (!Array.isArray(r.value)) {
    ctx.diagnose("invalid-message", "warning", `keys under ${prefix}. should start with an index (${prefix}.0.…); kept raw`, prefix);
    return undefined;
  }
  return { items: r.value, consume: () => r.consumed.forEach((k) => ctx.consume(k)) };
}
