/**
 * Cache counts that only the raw response holds: `output.value` (the provider's whole response body).
 *
 * `@arizeai/openinference-instrumentation-bedrock` (0.5.1) copies a Converse response's
 * `usage.inputTokens` / `outputTokens` / `totalTokens` into `llm.token_count.*`, but not
 * `cacheReadInputTokens` / `cacheWriteInputTokens`. Bedrock's `inputTokens` leaves the cache out and
 * its `totalTokens` counts it (input + output + cache read + cache write; AWS Bedrock API reference,
 * `TokenUsage`, and the prompt-caching guide), so the span says only that `total > input + output`.
 * The split between reads and writes is in `output.value`; this step reads it from there.
 *
 * Only then: the step runs when the span has no cache count and its total exceeds input + output (the
 * one sign that the counts leave something out), so a span whose counts add up never has its
 * response parsed here. The raw usage must describe the same call (its input and output counts equal
 * the span's); otherwise nothing is taken. `output.value` is not consumed (the rest of the body is
 * not represented elsewhere).
 */
import type { PartialUsage } from "../../../readers/context.js";
import { type ParseContext } from "../../../readers/context.js";
import { isPlainObject } from "../../../internal/records.js";
import { toCount } from "../../../readers/usage.js";
import { OI } from "../keys.js";
import { jsonValue } from "./values.js";

/** Spellings of the cache counts in the response bodies the instrumentations copy into `output.value`. */
const CACHE_READ = ["cacheReadInputTokens", "cacheReadInputTokenCount", "cache_read_input_tokens"] as const;
const CACHE_WRITE = ["cacheWriteInputTokens", "cacheWriteInputTokenCount", "cache_creation_input_tokens"] as const;
const INPUT = ["inputTokens", "input_tokens"] as const;
const OUTPUT = ["outputTokens", "output_tokens"] as const;

/** Does the span's own usage leave cache tokens unexplained (no cache count, total > input + output)? */
export function lacksCacheCounts(usage: PartialUsage | undefined): usage is PartialUsage {
  if (usage === undefined || usage.cache_read_input_tokens !== undefined || usage.cache_creation_input_tokens !== undefined) return false;
  const { input_tokens: input, output_tokens: output, total_tokens: total } = usage;
  return input !== undefined && output !== undefined && total !== undefined && total > input + output;
}

function firstCount(usage: Record<string, unknown>, names: readonly string[]): number | undefined | null {
  for (const name of names) {
    if (!Object.prototype.hasOwnProperty.call(usage, name)) continue;
    // A spelling present with a value that is not a count: the body is not one we understand.
    return toCount(usage[name]) ?? null;
  }
  return undefined;
}

/** Fills `usage` with the cache read / write counts of a JSON `output.value`, when the gap calls for it. */
export function fillCacheFromOutputValue(ctx: ParseContext, usage: PartialUsage | undefined): void {
  if (!lacksCacheCounts(usage)) return;
  const body = jsonValue(ctx, OI.outputValue, OI.outputMimeType);
  const raw = isPlainObject(body) ? body.usage : undefined;
  if (!isPlainObject(raw)) return;
  const input = firstCount(raw, INPUT);
  const output = firstCount(raw, OUTPUT);
  if (input !== usage.input_tokens || output !== usage.output_tokens) return;
  const read = firstCount(raw, CACHE_READ);
  const write = firstCount(raw, CACHE_WRITE);
  if (read === null || write === null || (read === undefined && write === undefined)) return;
  if (read !== undefined) usage.cache_read_input_tokens = read;
  if (write !== undefined) usage.cache_creation_input_tokens = write;
}
