import { GENAI } from "../keys.js";
import { RANK, type ParseContext } from "../../../readers/context.js";
import { GROUP } from "../../../pipeline/groups.js";
// ---------------------------------------------------------------------------------------------
// Tool execution spans

export function readToolExecution(ctx: ParseContext): boolean {
  if ((ctx.groups & GROUP.genaiTool) === 0) return false;
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
