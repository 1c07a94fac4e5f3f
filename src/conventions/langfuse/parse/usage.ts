import type { Cost } from "../../../canonical/span.js";
import { isPlainObject } from "../../../internal/records.js";
import { RANK, type ParseContext, type PartialUsage } from "../../../readers/context.js";
import { toCount } from "../../../readers/usage.js";
import { describeValue } from "../../../readers/values.js";
import { CACHE_KEYS, INPUT_DETAIL_PREFIX, LANGFUSE, OUTPUT_DETAIL_PREFIX, USAGE_EXTRAS } from "../keys.js";

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** A JSON-object attribute, or undefined (diagnosed: `invalid-json` by ctx.json, `invalid-value` otherwise). */
function jsonObject(ctx: ParseContext, key: string): Record<string, unknown> | undefined {
  if (!ctx.has(key)) return undefined;
  const parsed = ctx.json(key);
  if (!parsed.ok) return undefined;
  if (!isPlainObject(parsed.value)) {
    ctx.diagnose("invalid-value", "warning", `${key} should be a JSON object, got ${describeValue(parsed.value)}; kept raw`, key);
    return undefined;
  }
  return parsed.value;
}

/**
 * `usage_details`: `input`, `output`, `total` plus details. The SDK's `input` EXCLUDES every
 * `input_*` detail (observeOpenAI subtracts each `prompt_tokens_details` entry: cached and audio
 * tokens) and its `output` excludes every `output_*` detail (reasoning, audio, predictions), so the
 * canonical counts add them back: input_tokens = input + Σ input_*, output_tokens = output + Σ output_*;
 * `total` is the provider's total as reported. Anthropic-style `cache_read_input_tokens` /
 * `cache_creation_input_tokens` in a hand-written usage are added to the input the same way.
 * A count that is not a non-negative integer is left out (`invalid-token-count`) and the attribute
 * stays; so does one with keys this table does not know.
 */
export function readUsage(ctx: ParseContext, embedding: boolean): void {
  const key = LANGFUSE.usageDetails;
  const details = jsonObject(ctx, key);
  if (details === undefined) return;
  let input: number | undefined;
  let output: number | undefined;
  let total: number | undefined;
  let inDetails = 0;
  let outDetails = 0;
  let sawIn = false;
  let sawOut = false;
  let clean = true;
  const usage: PartialUsage = {};
  for (const name of Object.keys(details)) {
    const n = toCount(details[name]);
    if (n === undefined) {
      if (details[name] !== null) {
        clean = false;
        ctx.diagnose("invalid-token-count", "warning", `${key}: "${name}" is not a non-negative integer: ${describeValue(details[name])}; left out`, key);
      }
      continue;
    }
    if (name === "input") input = n;
    else if (name === "output") output = n;
    else if (name === "total") total = n;
    else if (has(CACHE_KEYS, name) || name.startsWith(INPUT_DETAIL_PREFIX)) {
      inDetails += n;
      sawIn = true;
    } else if (name.startsWith(OUTPUT_DETAIL_PREFIX)) {
      outDetails += n;
      sawOut = true;
    } else clean = false; // a key of its own: kept in the attribute
    const extra = has(USAGE_EXTRAS, name) ? USAGE_EXTRAS[name as keyof typeof USAGE_EXTRAS] : has(CACHE_KEYS, name) ? CACHE_KEYS[name as keyof typeof CACHE_KEYS] : undefined;
    if (extra !== undefined) usage[extra] = (usage[extra] ?? 0) + n;
  }
  if (input !== undefined || sawIn) usage.input_tokens = (input ?? 0) + inDetails;
  if (output !== undefined || sawOut) usage.output_tokens = (output ?? 0) + outDetails;
  else if (embedding && usage.input_tokens !== undefined) usage.output_tokens = 0; // embeddings produce no tokens
  if (total !== undefined) usage.total_tokens = total;
  if (usage.input_tokens === undefined && usage.output_tokens === undefined && usage.total_tokens === undefined) return;
  if (clean) ctx.consume(key);
  ctx.offer("tokenUsage", usage, RANK.structured, "langfuse");
}

/**
 * `cost_details` (USD): the same split as the usage, so input_cost = input + Σ input_*, output_cost =
 * output + Σ output_*, total_cost = total. Values that are not numbers leave the cost unread.
 */
export function readCost(ctx: ParseContext): void {
  const key = LANGFUSE.costDetails;
  const details = jsonObject(ctx, key);
  if (details === undefined) return;
  let input: number | undefined;
  let output: number | undefined;
  let total: number | undefined;
  for (const name of Object.keys(details)) {
    const v = details[name];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      ctx.diagnose("invalid-value", "warning", `${key}: "${name}" is not a number: ${describeValue(v)}; cost kept raw`, key);
      return;
    }
    if (name === "total") total = v;
    else if (name === "input" || has(CACHE_KEYS, name) || name.startsWith(INPUT_DETAIL_PREFIX)) input = (input ?? 0) + v;
    else if (name === "output" || name.startsWith(OUTPUT_DETAIL_PREFIX)) output = (output ?? 0) + v;
    else return; // an unknown split: leave it to the attribute
  }
  const cost: Cost = {};
  if (input !== undefined) cost.input_cost = input;
  if (output !== undefined) cost.output_cost = output;
  if (total !== undefined) cost.total_cost = total;
  else if (input !== undefined || output !== undefined) cost.total_cost = (input ?? 0) + (output ?? 0);
  if (cost.total_cost === undefined) return;
  ctx.consume(key);
  ctx.offer("cost", cost, RANK.structured, "langfuse");
}

/** `model.parameters`: a JSON object of request parameters; empty strings (observeOpenAI's `response_format: ""`) dropped. */
export function readParameters(ctx: ParseContext): Record<string, unknown> | undefined {
  const params = jsonObject(ctx, LANGFUSE.modelParameters);
  if (params === undefined) return undefined;
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(params)) {
    const v = params[name];
    if (v === "" || v === null || v === undefined) continue;
    Object.defineProperty(out, name, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
