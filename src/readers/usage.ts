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
 * Fills the three required MLflow keys. A missing total is the sum; a missing side is derived from
 * the total when possible. A zero is a real count and is kept.
 */
export function completeUsage(partial: PartialUsage, ctx?: ParseContext): TokenUsage | undefined {
  let { input_tokens: input, output_tokens: output, total_tokens: total } = partial;
  if (input === undefined && output === undefined && total === undefined) {
    const hasExtras = Object.values(partial).some((v) => v !== undefined);
    if (!hasExtras) return undefined;
  }
  if (input === undefined && output !== undefined && total !== undefined && total >= output) input = total - output;
  if (output === undefined && input !== undefined && total !== undefined && total >= input) output = total - input;
  if (input === undefined || output === undefined) {
    ctx?.diagnose(
      "usage-incomplete",
      "warning",
      `token usage has no ${input === undefined ? "input" : "output"} count; it is recorded as 0`,
    );
  }
  input ??= 0;
  output ??= 0;
  total ??= input + output;
  const usage: TokenUsage = { input_tokens: input, output_tokens: output, total_tokens: total };
  // The extra counts one by one, not a loop of partial[key] (see docs/performance.md).
  if (partial.cache_read_input_tokens !== undefined) usage.cache_read_input_tokens = partial.cache_read_input_tokens;
  if (partial.cache_creation_input_tokens !== undefined) usage.cache_creation_input_tokens = partial.cache_creation_input_tokens;
  if (partial.reasoning_tokens !== undefined) usage.reasoning_tokens = partial.reasoning_tokens;
  if (partial.input_audio_tokens !== undefined) usage.input_audio_tokens = partial.input_audio_tokens;
  if (partial.output_audio_tokens !== undefined) usage.output_audio_tokens = partial.output_audio_tokens;
  return usage;
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
