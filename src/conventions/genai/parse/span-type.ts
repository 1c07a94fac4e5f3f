import { GENAI_GROUPS, genaiUsageGroup } from "../tables.js";
import type { SpanType } from "../../../canonical/span.js";
import { GENAI } from "../keys.js";
import { RANK, type ParseContext } from "../../../readers/context.js";
import { GENAI_OPERATION_SPAN_TYPES } from "../tables.js";
export function spanTypeOfOperation(operation: string): SpanType | undefined {
  if (Object.prototype.hasOwnProperty.call(GENAI_OPERATION_SPAN_TYPES, operation)) return GENAI_OPERATION_SPAN_TYPES[operation];
  if (operation.includes("memory")) return "MEMORY";
  return undefined;
}

export function inferSpanType(ctx: ParseContext, hasChat: boolean, isTool: boolean, isRetrieval: boolean): void {
  let type: SpanType | undefined;
  if (hasChat) type = "CHAT_MODEL";
  else if (isRetrieval) type = "RETRIEVER";
  else if (ctx.current("tokenUsage") || ctx.has(GENAI.requestModel)) type = "LLM";
  else if (isTool) type = "TOOL";
  else if (ctx.present(GENAI_GROUPS.agent) && (ctx.has(GENAI.agentName) || ctx.has(GENAI.agentId))) type = "AGENT";
  if (type) ctx.offer("spanType", type, RANK.inferred, "genai");
}
