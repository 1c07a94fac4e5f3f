import { VERCEL_GROUPS } from "../tables.js";
import { VERCEL_USAGE_DERIVED, VERCEL_USAGE_KEYS } from "../keys.js";
import { RANK, type ParseContext } from "../../../readers/context.js";
import { countSources, readCounts, settleCache, toCount } from "../../../readers/usage.js";
import type { PartialUsage } from "../../../readers/context.js";
import { mayHaveCount } from "../../../internal/json.js";
const USAGE_SOURCES = countSources(VERCEL_USAGE_KEYS, () => VERCEL_GROUPS.usage);

/**
 * `ai.usage.*`. From AI SDK 6 on the SDK's input count includes cache reads and writes (it sums them
 * from the provider's report), as `input_tokens` means here; an outer call's counts are the sum over
 * its steps. AI SDK 5 with Anthropic passes Anthropic's cache-exclusive count through and reports the
 * cache only in `ai.response.providerMetadata` (see `anthropicMetadataCache`).
 */
export function readUsage(ctx: ParseContext, embeddings: boolean): void {
  if (!ctx.present(VERCEL_GROUPS.usage)) return;
  const usage = readCounts(ctx, USAGE_SOURCES);
  if (usage === undefined) return;
  void embeddings; // no output count is invented for embeddings (completeUsage accepts input alone)
  const inputKey = VERCEL_USAGE_KEYS.input_tokens.find((k) => ctx.has(k)) ?? VERCEL_USAGE_KEYS.input_tokens[0];
  settleCache(ctx, usage, inputKey, anthropicMetadataCache(ctx, usage));
  // Breakdowns that are differences of counts already read: consumed when they agree, kept otherwise.
  const noCache = toCount(ctx.get(VERCEL_USAGE_DERIVED.noCacheTokens));
  if (noCache !== undefined && usage.input_tokens === noCache + (usage.cache_read_input_tokens ?? 0) + (usage.cache_creation_input_tokens ?? 0)) {
    ctx.consume(VERCEL_USAGE_DERIVED.noCacheTokens);
  }
  const text = toCount(ctx.get(VERCEL_USAGE_DERIVED.textTokens));
  if (text !== undefined && usage.output_tokens === text + (usage.reasoning_tokens ?? 0)) ctx.consume(VERCEL_USAGE_DERIVED.textTokens);
  ctx.offer("tokenUsage", usage, RANK.structured, "vercel-ai");
}

const PROVIDER_METADATA = "ai.response.providerMetadata";

/**
 * A cache count in the metadata that may be non-zero: one of the three keys `anthropicMetadataCache`
 * reads, followed by a value other than `0` or `null`. The metadata is parsed only when it may have
 * one and an `input_tokens` equal to the count read (see `ParseContext.jsonMentioning`): in the
 * fixtures every Anthropic call without caching writes all three as 0, and AI SDK 6+ reports a larger
 * count than Anthropic's raw one whenever there was a cache.
 */
const SOME_CACHE_COUNT = /"(?:cache_read_input_tokens|cache_creation_input_tokens|cacheCreationInputTokens)"[ \t\n\r]*:(?![ \t\n\r]*(?:0|null)[ \t\n\r]*[,}\]])/;

/**
 * AI SDK 5's Anthropic provider reports `usage.input_tokens` as is (cache reads and writes excluded)
 * and puts Anthropic's raw usage, with the cache counts, in the provider metadata. When the input
 * count read equals that raw, cache-exclusive count and the raw usage has cache tokens, the cache
 * counts are taken from the metadata (where the span has none) and the reason is returned, for
 * settleCache to add them. AI SDK 6+ sums the cache into its count, which then differs from the raw
 * one: nothing to do. The metadata attribute stays as it is (it holds more than the counts).
 */
function anthropicMetadataCache(ctx: ParseContext, usage: PartialUsage): string | undefined {
  if (!ctx.has(PROVIDER_METADATA) || usage.input_tokens === undefined) return undefined;
  const input = usage.input_tokens;
  const meta = ctx.jsonMentioning(PROVIDER_METADATA, (text) => mayHaveCount(text, '"input_tokens"', input) && SOME_CACHE_COUNT.test(text));
  if (!meta.ok || !isRecord(meta.value)) return undefined;
  const anthropic = meta.value["anthropic"];
  if (!isRecord(anthropic)) return undefined;
  const raw = isRecord(anthropic["usage"]) ? anthropic["usage"] : undefined;
  if (raw === undefined || toCount(raw["input_tokens"]) !== usage.input_tokens) return undefined;
  const read = toCount(raw["cache_read_input_tokens"]);
  const write = toCount(raw["cache_creation_input_tokens"]) ?? toCount(anthropic["cacheCreationInputTokens"]);
  if (!read && !write) return undefined;
  if (read !== undefined && usage.cache_read_input_tokens === undefined) usage.cache_read_input_tokens = read;
  if (write !== undefined && usage.cache_creation_input_tokens === undefined) usage.cache_creation_input_tokens = write;
  return `${PROVIDER_METADATA} holds Anthropic's raw usage, whose input_tokens (${usage.input_tokens}) is this count and excludes the cache`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
