import { describeValue } from "../../../readers/values.js";
import type { Cost } from "../../../canonical/span.js";
import { OI } from "../keys.js";
import { RANK, type ParseContext, type PartialUsage } from "../../../readers/context.js";
import { exclusiveScope, settleCache, toCount } from "../../../readers/usage.js";
import { OI_COST_FIELDS, OI_USAGE_FIELDS } from "../tables.js";
// ---------------------------------------------------------------------------------------------
// Token counts and cost

/** The flattened `llm.token_count.*` counts, consumed; undefined when the span has none. */
export function readUsage(ctx: ParseContext): PartialUsage | undefined {
  let usage: PartialUsage | undefined;
  for (const [key, field] of OI_USAGE_FIELDS) {
    if (!ctx.has(key)) continue;
    const n = toCount(ctx.get(key), ctx, key);
    if (n === undefined) continue;
    ctx.consume(key);
    (usage ??= {})[field] = n;
  }
  // Embeddings generate nothing: no completion count is invented (completeUsage accepts the prompt
  // count alone on an EMBEDDING span).
  return usage;
}

/** The counts made cache-inclusive per the source (settleCache, docs/cache-tokens.md) and offered. */
export function offerUsage(ctx: ParseContext, usage: PartialUsage | undefined): void {
  if (usage === undefined) return;
  const system = ctx.get(OI.system) ?? ctx.get(OI.provider);
  settleCache(ctx, usage, OI.tokenPrompt, exclusiveScope(ctx, typeof system === "string" ? system : undefined)?.why);
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
