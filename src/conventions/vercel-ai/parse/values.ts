import { safeJsonParse } from "../../../internal/json.js";
import { RANK, type ParseContext } from "../../../readers/context.js";
import { describeValue, readJsonValue } from "../../../readers/values.js";
// ---------------------------------------------------------------------------------------------
// Tool calls, embeddings, reranking

/** A tool's input or output, which the SDK writes as the JSON of any value. */
export function readValue(ctx: ParseContext, key: string, field: "inputs" | "outputs"): void {
  if (!ctx.has(key)) return;
  const parsed = readJsonValue(ctx, key);
  if (!parsed.ok) return;
  ctx.consume(key);
  ctx.offer(field, parsed.value, RANK.structured, "vercel-ai");
}

/** `ai.values` / `ai.embeddings` are lists of strings, each one JSON value; undefined if any is not. */
export function jsonList(ctx: ParseContext, key: string): unknown[] | undefined {
  const raw = ctx.get(key);
  if (!Array.isArray(raw)) {
    ctx.diagnose("invalid-value", "warning", `${key} should be a list of JSON strings, got ${describeValue(raw)}; kept raw`, key);
    return undefined;
  }
  const out: unknown[] = [];
  for (const item of raw) {
    if (typeof item !== "string") {
      out.push(item);
      continue;
    }
    const parsed = safeJsonParse(item);
    if (!parsed.ok) {
      ctx.diagnose("invalid-json", "warning", `${key}: an item is not usable JSON (${describeValue(item)}); kept raw`, key);
      return undefined;
    }
    out.push(parsed.value);
  }
  return out;
}
