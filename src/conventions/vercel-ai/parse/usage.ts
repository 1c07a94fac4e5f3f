import { VERCEL_GROUPS } from "../tables.js";
import { VERCEL_USAGE_DERIVED, VERCEL_USAGE_KEYS } from "../keys.js";
import { RANK, type ParseContext } from "../../../readers/context.js";
import { countSources, readCounts, toCount } from "../../../readers/usage.js";
const USAGE_SOURCES = countSources(VERCEL_USAGE_KEYS, () => VERCEL_GROUPS.usage);

/**
 * `ai.usage.*`. The SDK's input count already includes cache reads and writes (it sums them from the
 * provider's report), as `input_tokens` means here; an outer call's counts are the sum over its steps.
 */
export function readUsage(ctx: ParseContext, embeddings: boolean): void {
  if (!ctx.present(VERCEL_GROUPS.usage)) return;
  const usage = readCounts(ctx, USAGE_SOURCES);
  if (usage === undefined) return;
  if (embeddings && usage.output_tokens === undefined) usage.output_tokens = 0;
  // Breakdowns that are differences of counts already read: consumed when they agree, kept otherwise.
  const noCache = toCount(ctx.get(VERCEL_USAGE_DERIVED.noCacheTokens));
  if (noCache !== undefined && usage.input_tokens === noCache + (usage.cache_read_input_tokens ?? 0) + (usage.cache_creation_input_tokens ?? 0)) {
    ctx.consume(VERCEL_USAGE_DERIVED.noCacheTokens);
  }
  const text = toCount(ctx.get(VERCEL_USAGE_DERIVED.textTokens));
  if (text !== undefined && usage.output_tokens === text + (usage.reasoning_tokens ?? 0)) ctx.consume(VERCEL_USAGE_DERIVED.textTokens);
  ctx.offer("tokenUsage", usage, RANK.structured, "vercel-ai");
}
