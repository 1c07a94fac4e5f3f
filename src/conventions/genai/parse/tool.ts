import { GENAI_GROUPS, genaiUsageGroup } from "../tables.js";
import { GENAI } from "../keys.js";
import { RANK, type ParseContext } from "../../../readers/context.js";
import { looksLikeJsonContainer, safeJsonParse } from "../../../internal/json.js";
// ---------------------------------------------------------------------------------------------
// Tool execution spans

export function readToolExecution(ctx: ParseContext): boolean {
  if (!ctx.present(GENAI_GROUPS.tool)) return false;
  const call = readToolValue(ctx, GENAI.toolCallArguments, "inputs");
  const result = readToolValue(ctx, GENAI.toolCallResult, "outputs");
  return call || result || ctx.has(GENAI.toolName) || ctx.has(GENAI.toolCallId);
}

/**
 * Arguments and result are any value in the spec: JSON text is decoded, and any other string is the
 * value as given, even one that only starts like JSON (a model's malformed arguments), as MLflow keeps
 * it. Only JSON too large or too deep to decode is refused (kept raw in the attributes, with a warning).
 */
function readToolValue(ctx: ParseContext, key: string, field: "inputs" | "outputs"): boolean {
  if (!ctx.has(key)) return false;
  const raw = ctx.get(key);
  let value: unknown = raw;
  if (typeof raw === "string" && looksLikeJsonContainer(raw)) {
    const parsed = safeJsonParse(raw);
    if (parsed.ok) value = parsed.value;
    else if (parsed.reason !== "not-json") return ctx.json(key).ok;
  }
  ctx.consume(key);
  ctx.offer(field, value, RANK.structured, "genai");
  return true;
}
