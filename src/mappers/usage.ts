/** Token-count helpers shared by the convention parsers. */
import type { AttributeValue, TokenUsage } from "../span.js";
import type { ParseContext, PartialUsage } from "./context.js";

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
  // The EXTRA_KEYS one by one, in their order: a loop of partial[key] is a keyed access that sees
  // five names on records of many shapes (megamorphic), and this runs for every span with usage.
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
