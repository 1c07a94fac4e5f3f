import type { SpanType } from "../../../canonical/span.js";
import { VERCEL } from "../keys.js";
import { RANK, type ParseContext } from "../../../readers/context.js";
/** Without a known operation id: a chat shape is a model call, usage alone an LLM call. */
export function inferSpanType(ctx: ParseContext, hasChat: boolean): void {
  let type: SpanType | undefined;
  if (hasChat) type = ctx.has(VERCEL.promptMessages) ? "CHAT_MODEL" : "LLM";
  else if (ctx.has(VERCEL.toolCallName)) type = "TOOL";
  else if (ctx.current("tokenUsage")) type = "LLM";
  if (type) ctx.offer("spanType", type, RANK.inferred, "vercel-ai");
}
