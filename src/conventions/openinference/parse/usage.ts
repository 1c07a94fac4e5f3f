import { describeValue } from "../../../readers/values.js";
import type { Cost } from "../../../canonical/span.js";
import { OI } from "../keys.js";
import { RANK, type ParseContext, type PartialUsage } from "../../../readers/context.js";
import { exclusiveScope, settleCache, toCount } from "../../../readers/usage.js";
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
  // Embeddings generate nothing: no completion count is invented (completeUsage accepts the prompt
  // count alone on an EMBEDDING span).
  void embedding;
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
