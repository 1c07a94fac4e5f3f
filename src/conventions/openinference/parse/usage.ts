import { describeValue } from "../../../readers/values.js";
import type { Cost } from "../../../canonical/span.js";
import { OI } from "../keys.js";
import { RANK, type ParseContext, type PartialUsage } from "../../../readers/context.js";
import { toCount } from "../../../readers/usage.js";
import { OI_COST_FIELDS, OI_USAGE_FIELDS } from "../tables.js";
// ---------------------------------------------------------------------------------------------
// Token counts and cost

export function readUsage(ctx: ParseContext, embedding: boolean): void {
  const usage: PartialUsage = {};
  let any = false;
  for (const [key, field] of OI_USAGE_FIELDS) {
    if (!ctx.has(key)) continue;
    const n = toCount(ctx.get(key), ctx, key);
    if (n === undefined) continue;
    ctx.consume(key);
    usage[field] = n;
    any = true;
  }
  if (!any) return;
  // Embeddings generate nothing: a missing completion count is a real zero.
  if (embedding && usage.output_tokens === undefined && usage.input_tokens !== undefined) usage.output_tokens = 0;
  const input = usage.input_tokens;
  const cached = (usage.cache_read_input_tokens ?? 0) + (usage.cache_creation_input_tokens ?? 0);
  if (input !== undefined && cached > input) {
    // The spec says prompt_details are sub-counts of the prompt count; an instrumentation that copied
    // Anthropic's cache-exclusive input_tokens breaks that. Add the cache back so input_tokens includes it.
    const adjusted = input + cached;
    if (usage.total_tokens !== undefined && usage.output_tokens !== undefined && usage.total_tokens === input + usage.output_tokens) {
      usage.total_tokens = adjusted + usage.output_tokens;
    }
    usage.input_tokens = adjusted;
    ctx.diagnose(
      "usage-cache-added",
      "info",
      `${OI.tokenPrompt} (${input}) is smaller than the cache counts (${cached}), so it excludes cached tokens; input_tokens is recorded as ${adjusted} to include them`,
      OI.tokenPrompt,
    );
  }
  ctx.offer("tokenUsage", usage, RANK.flattened, "openinference");
}

export function readCost(ctx: ParseContext): void {
  const cost: Cost = {};
  let any = false;
  for (const [key, field] of OI_COST_FIELDS) {
    if (!ctx.has(key)) continue;
    const v = ctx.get(key);
    if (typeof v !== "number" || !Number.isFinite(v)) {
      ctx.diagnose("invalid-value", "warning", `${key} should be a number (USD), got ${describeValue(v)}`, key);
      continue;
    }
    ctx.consume(key);
    cost[field] = v;
    any = true;
  }
  if (any) ctx.offer("cost", cost, RANK.flattened, "openinference");
}
