import { GENAI_GROUPS, genaiUsageGroup } from "../tables.js";
import { GENAI } from "../keys.js";
import { RANK, type ParseContext } from "../../../readers/context.js";
// ---------------------------------------------------------------------------------------------
// Tool execution spans

export function readToolExecution(ctx: ParseContext): boolean {
  if (!ctx.present(GENAI_GROUPS.tool)) return false;
  const call = readToolValue(ctx, GENAI.toolCallArguments, "inputs");
  const result = readToolValue(ctx, GENAI.toolCallResult, "outputs");
  return call || result || ctx.has(GENAI.toolName) || ctx.has(GENAI.toolCallId);
}

function readToolValue(ctx: ParseContext, key: string, field: "inputs" | "outputs"): boolean {
  if (!ctx.has(key)) return false;
  const parsed = ctx.jsonOrString(key);
  if (!parsed.ok) return false;
  ctx.consume(key);
  ctx.offer(field, parsed.value, RANK.structured, "genai");
  return true;
}
