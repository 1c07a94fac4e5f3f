import { GENAI_GROUPS, genaiUsageGroup } from "../tables.js";
import { GENAI } from "../keys.js";
import { GENAI_USAGE_KEYS } from "../tables.js";
import { RANK, type ParseContext, type PartialUsage } from "../../../readers/context.js";
import { countSources, exclusiveScope, readCounts, settleCache } from "../../../readers/usage.js";
/** GENAI_USAGE_KEYS as count sources, built once. */
const USAGE_SOURCES = countSources(GENAI_USAGE_KEYS, genaiUsageGroup);

export function readUsage(ctx: ParseContext, embeddings: boolean): void {
  if (!ctx.present(GENAI_GROUPS.usage) && !ctx.present(GENAI_GROUPS.usageMore)) return;
  const usage = readCounts(ctx, USAGE_SOURCES);
  if (usage === undefined) return;
  // Embeddings produce no tokens: no output count is recorded (nothing invented), and
  // completeUsage does not call the input count alone incomplete on an EMBEDDING span.
  void embeddings;
  const system = ctx.get(GENAI.provider) ?? ctx.get(GENAI.system);
  settleCache(ctx, usage, GENAI.inputTokens, exclusiveScope(ctx, typeof system === "string" ? system : undefined)?.why);
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
