import { GENAI_GROUPS, genaiUsageGroup } from "../tables.js";
import { GENAI } from "../keys.js";
import { GENAI_USAGE_KEYS } from "../tables.js";
import { RANK, type ParseContext, type PartialUsage } from "../../../readers/context.js";
import { countSources, readCounts } from "../../../readers/usage.js";
/** GENAI_USAGE_KEYS as count sources, built once. */
const USAGE_SOURCES = countSources(GENAI_USAGE_KEYS, genaiUsageGroup);

export function readUsage(ctx: ParseContext, embeddings: boolean): void {
  if (!ctx.present(GENAI_GROUPS.usage) && !ctx.present(GENAI_GROUPS.usageMore)) return;
  const usage = readCounts(ctx, USAGE_SOURCES);
  if (usage === undefined) return;
  // Embeddings produce no tokens: a missing output count is a real zero, not a gap.
  if (embeddings && usage.output_tokens === undefined) usage.output_tokens = 0;
  adjustAnthropicCache(ctx, usage);
  // Another convention on the span may have offered a partial usage (OpenLLMetry's
  // `llm.usage.total_tokens`): fill the gaps in whichever candidate wins, never change a count.
  const current = ctx.current("tokenUsage");
  if (current) {
    // for-in over these small plain records: Object.entries would allocate a pair per count.
    const other = current.value;
    let k: keyof PartialUsage;
    for (k in usage) if (other[k] === undefined) other[k] = usage[k];
    for (k in other) if (usage[k] === undefined && other[k] !== undefined) usage[k] = other[k];
  }
  ctx.offer("tokenUsage", usage, RANK.structured, "genai");
}

/**
 * The spec says `gen_ai.usage.input_tokens` includes cached tokens. Instrumentations that copy
 * Anthropic's `usage.input_tokens` (OpenLLMetry) report the uncached part only; when the cache counts
 * alone exceed the input count that cannot be the spec meaning, so the cache counts are added back
 * (and a total that was input + output follows).
 */
function adjustAnthropicCache(ctx: ParseContext, usage: PartialUsage): void {
  const input = usage.input_tokens;
  if (input === undefined) return;
  const cached = (usage.cache_read_input_tokens ?? 0) + (usage.cache_creation_input_tokens ?? 0);
  if (cached === 0 || input >= cached) return;
  const adjusted = input + cached;
  if (usage.total_tokens !== undefined && usage.output_tokens !== undefined && usage.total_tokens === input + usage.output_tokens) {
    usage.total_tokens = adjusted + usage.output_tokens;
  }
  usage.input_tokens = adjusted;
  ctx.diagnose(
    "usage-cache-added",
    "info",
    `${GENAI.inputTokens} (${input}) is smaller than the cache counts (${cached}), so it excludes cached tokens (Anthropic's meaning); input_tokens is recorded as ${adjusted} to include them`,
    GENAI.inputTokens,
  );
}
