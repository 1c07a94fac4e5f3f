/** Token-count helpers shared by the convention parsers. */
import type { AttributeValue, TokenUsage } from "../canonical/span.js";
import type { ParseContext, PartialUsage } from "./context.js";
import type { KeyGroup } from "./groups.js";

/**
 * A token count from an attribute value: a non-negative integer, or a string of digits (MLflow and
 * some SDKs write counts as strings). Anything else is `undefined` and, with a context, a diagnostic.
 */
export function toCount(value: AttributeValue | unknown, ctx?: ParseContext, key?: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  let n: number | undefined;
  if (typeof value === "number") n = value;
  else if (typeof value === "string" && /^\s*\d+\s*$/.test(value)) n = Number(value);
  if (n !== undefined && Number.isSafeInteger(n) && n >= 0) return n;
  ctx?.diagnose("invalid-token-count", "warning", `${key ?? "token count"} is not a non-negative integer: ${JSON.stringify(value)}`, key);
  return undefined;
}

/**
 * The counts as MLflow stores them, without inventing any: a missing side is derived from the total
 * when the total and the other side are known, a missing total is the sum when both sides are known,
 * and otherwise what the source did not report stays absent (MLflow stores `{input_tokens}` alone for
 * an embedding call, `{total_tokens}` alone for a rerank billed in search units). A model call
 * (LLM, CHAT_MODEL) with a side missing gets `usage-incomplete`.
 */
export function completeUsage(partial: PartialUsage, ctx?: ParseContext): TokenUsage | undefined {
  let { input_tokens: input, output_tokens: output, total_tokens: total } = partial;
  if (input === undefined && output === undefined && total === undefined) {
    const hasExtras = Object.values(partial).some((v) => v !== undefined);
    if (!hasExtras) return undefined;
  }
  if (input === undefined && output !== undefined && total !== undefined && total >= output) input = total - output;
  if (output === undefined && input !== undefined && total !== undefined && total >= input) output = total - input;
  if (total === undefined && input !== undefined && output !== undefined) total = input + output;
  // Only a model call (LLM, CHAT_MODEL) has both sides by nature: an embedding's input count alone,
  // a rerank's billed total alone, a chain's summed input are complete as reported.
  const spanType = ctx?.current("spanType")?.value;
  if ((spanType === "LLM" || spanType === "CHAT_MODEL") && (input === undefined || output === undefined)) {
    const missing = input === undefined && output === undefined ? "input or output" : input === undefined ? "input" : "output";
    ctx?.diagnose("usage-incomplete", "warning", `token usage has no ${missing} count; only the reported counts are recorded`);
  }
  const usage: TokenUsage = {};
  if (input !== undefined) usage.input_tokens = input;
  if (output !== undefined) usage.output_tokens = output;
  if (total !== undefined) usage.total_tokens = total;
  // The extra counts one by one, not a loop of partial[key] (see docs/performance.md).
  if (partial.cache_read_input_tokens !== undefined) usage.cache_read_input_tokens = partial.cache_read_input_tokens;
  if (partial.cache_creation_input_tokens !== undefined) usage.cache_creation_input_tokens = partial.cache_creation_input_tokens;
  if (partial.reasoning_tokens !== undefined) usage.reasoning_tokens = partial.reasoning_tokens;
  if (partial.input_audio_tokens !== undefined) usage.input_audio_tokens = partial.input_audio_tokens;
  if (partial.output_audio_tokens !== undefined) usage.output_audio_tokens = partial.output_audio_tokens;
  return usage;
}

// ---------------------------------------------------------------------------------------------
// Cache tokens: does the source's input count include them? (docs/cache-tokens.md, one row each)

/**
 * Instrumentations known to copy a provider's cache-exclusive input count (Anthropic's
 * `usage.input_tokens`, Bedrock's `inputTokens`) into a key the spec defines as cache-inclusive.
 * `maxVersion`: the newest version checked; a later version falls through to the other rules.
 * `system`: only when the span's provider/system attribute names this vendor.
 */
export interface ExclusiveScope {
  name: string;
  maxVersion?: string;
  system?: RegExp;
  why: string;
}

export const CACHE_EXCLUSIVE_SCOPES: readonly ExclusiveScope[] = [
  {
    name: "@traceloop/instrumentation-anthropic",
    maxVersion: "0.27.0",
    why: "@traceloop/instrumentation-anthropic (<= 0.27) copies Anthropic's usage.input_tokens, which excludes cache reads and writes",
  },
  {
    name: "@arizeai/openinference-instrumentation-bedrock",
    maxVersion: "0.5.1",
    system: /anthropic/i,
    why: "@arizeai/openinference-instrumentation-bedrock (<= 0.5.1) with an Anthropic model copies the body's / Converse's input count, which excludes the cache",
  },
];

/** `a <= b` for dotted numeric versions ("0.27.0"); a version that is not one compares as newer. */
export function versionAtMost(version: string | undefined, max: string): boolean {
  if (version === undefined) return true;
  const a = version.split(/[.+-]/);
  const b = max.split(".");
  for (let i = 0; i < b.length; i++) {
    const x = Number(a[i] ?? "0");
    const y = Number(b[i]);
    if (!Number.isFinite(x)) return false;
    if (x !== y) return x < y;
  }
  return true;
}

/**
 * A scope attribute the emitters set on a span they write under the scope of an instrumentation in
 * CACHE_EXCLUSIVE_SCOPES: the counts they write are canonical (cache included), so reading the span
 * back must not apply that instrumentation's row.
 */
export const CACHE_INCLUDED_MARK = "mlflow_semconv.input_tokens_include_cache";

/** The envelope scope for an emitted span: marked when it names an instrumentation of CACHE_EXCLUSIVE_SCOPES. */
export function scopeForEmit<S extends { name: string; version?: string; attributes?: Record<string, unknown> }>(scope: S | undefined): S | undefined {
  if (scope === undefined || !CACHE_EXCLUSIVE_SCOPES.some((row) => row.name === scope.name)) return scope;
  return { ...scope, attributes: { ...scope.attributes, [CACHE_INCLUDED_MARK]: true } };
}

/** The row of CACHE_EXCLUSIVE_SCOPES the span's scope matches, if any. */
export function exclusiveScope(ctx: ParseContext, system: string | undefined): ExclusiveScope | undefined {
  const scope = ctx.scope;
  if (scope === undefined || scope.attributes?.[CACHE_INCLUDED_MARK] === true) return undefined;
  for (const row of CACHE_EXCLUSIVE_SCOPES) {
    if (row.name !== scope.name) continue;
    if (row.maxVersion !== undefined && !versionAtMost(scope.version, row.maxVersion)) continue;
    if (row.system !== undefined && (system === undefined || !row.system.test(system))) continue;
    return row;
  }
  return undefined;
}

/**
 * Makes `usage.input_tokens` include the cache counts, deciding per source (the first row that
 * applies wins):
 * 1. `exclusive` given by the caller (the instrumentation scope, provider metadata): add the cache;
 * 2. total > input + output: the total counts tokens the input does not, i.e. the cache. With cache
 *    counts that make the sum exact they are added; with no cache counts input = total - output;
 * 3. the cache counts alone exceed the input: it cannot include them, add them;
 * 4. otherwise the input is taken as the spec defines it (cache included) and left alone.
 * A total that was input + output follows the new input. Each change is a `usage-cache-added` info.
 */
export function settleCache(ctx: ParseContext, usage: PartialUsage, key: string, exclusive?: string): void {
  const input = usage.input_tokens;
  if (input === undefined) return;
  const output = usage.output_tokens;
  const total = usage.total_tokens;
  const cached = (usage.cache_read_input_tokens ?? 0) + (usage.cache_creation_input_tokens ?? 0);
  let adjusted: number | undefined;
  let why = "";
  if (exclusive !== undefined) {
    if (cached === 0 && output !== undefined && total !== undefined && total > input + output) {
      adjusted = total - output;
      why = `${exclusive}; no cache counts, so the input is the total minus the output`;
    } else if (cached > 0) {
      adjusted = input + cached;
      why = exclusive;
    }
  } else if (output !== undefined && total !== undefined && total > input + output) {
    if (cached > 0 && input + cached + output === total) {
      adjusted = input + cached;
      why = `the total (${total}) is the input plus the cache counts plus the output`;
    } else if (cached === 0) {
      adjusted = total - output;
      why = `the total (${total}) exceeds input + output, and no cache counts say why`;
    }
  } else if (cached > input) {
    adjusted = input + cached;
    why = `the cache counts (${cached}) alone exceed it`;
  }
  if (adjusted === undefined || adjusted === input) return;
  if (total !== undefined && output !== undefined && total === input + output) usage.total_tokens = adjusted + output;
  usage.input_tokens = adjusted;
  ctx.diagnose("usage-cache-added", "info", `${key} (${input}) excludes cached tokens (${why}); input_tokens is recorded as ${adjusted} to include them`, key);
}

const EXTRA_KEYS = [
  "cache_read_input_tokens",
  "cache_creation_input_tokens",
  "reasoning_tokens",
  "input_audio_tokens",
  "output_audio_tokens",
] as const;

export const USAGE_KEYS = ["input_tokens", "output_tokens", "total_tokens", ...EXTRA_KEYS] as const;

export type CountField = (typeof USAGE_KEYS)[number];

/** One spelling of a count: the attribute key, the canonical field, and the key group (readers/groups.ts) it is in. */
export interface CountSource {
  key: string;
  field: CountField;
  group: KeyGroup;
}

/**
 * The counts a table of spellings finds on the span, tried in table order (preferred spelling first):
 * the first valid count of a field wins; a later spelling is consumed when it says the same, and kept
 * raw when it disagrees (no field holds that other number). Spellings of groups absent from the span
 * are not probed. Undefined when no count was found.
 */
export function readCounts(ctx: ParseContext, sources: readonly CountSource[]): PartialUsage | undefined {
  let usage: PartialUsage | undefined;
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i]!;
    if (!ctx.present(source.group) || !ctx.has(source.key)) continue;
    const n = toCount(ctx.get(source.key), ctx, source.key);
    if (n === undefined) continue;
    usage ??= {};
    const current = countOf(usage, source.field);
    if (current === undefined) setCount(usage, source.field, n);
    else if (current !== n) continue;
    ctx.consume(source.key);
  }
  return usage;
}

/** A table of spellings (`{field: [keys, preferred first]}`) as CountSources, built once per table. */
export function countSources(table: Readonly<Partial<Record<CountField, readonly string[]>>>, groupOf: (key: string) => KeyGroup): CountSource[] {
  const out: CountSource[] = [];
  for (const field of USAGE_KEYS) for (const key of table[field] ?? []) out.push({ key, field, group: groupOf(key) });
  return out;
}

// Named reads and writes instead of usage[field] (see docs/performance.md).
function countOf(usage: PartialUsage, field: CountField): number | undefined {
  switch (field) {
    case "input_tokens": return usage.input_tokens;
    case "output_tokens": return usage.output_tokens;
    case "total_tokens": return usage.total_tokens;
    case "cache_read_input_tokens": return usage.cache_read_input_tokens;
    case "cache_creation_input_tokens": return usage.cache_creation_input_tokens;
    case "reasoning_tokens": return usage.reasoning_tokens;
    case "input_audio_tokens": return usage.input_audio_tokens;
    case "output_audio_tokens": return usage.output_audio_tokens;
    default: return field satisfies never;
  }
}

function setCount(usage: PartialUsage, field: CountField, n: number): void {
  switch (field) {
    case "input_tokens": usage.input_tokens = n; break;
    case "output_tokens": usage.output_tokens = n; break;
    case "total_tokens": usage.total_tokens = n; break;
    case "cache_read_input_tokens": usage.cache_read_input_tokens = n; break;
    case "cache_creation_input_tokens": usage.cache_creation_input_tokens = n; break;
    case "reasoning_tokens": usage.reasoning_tokens = n; break;
    case "input_audio_tokens": usage.input_audio_tokens = n; break;
    case "output_audio_tokens": usage.output_audio_tokens = n; break;
    default: field satisfies never;
  }
}
