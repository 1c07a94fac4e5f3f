import { finishReason } from "../../../readers/finish.js";
import type { ChatMessage, ContentPart } from "../../../canonical/span.js";
import { VERCEL } from "../keys.js";
import { RANK, type ParseContext } from "../../../readers/context.js";
import { consumeUnlessLeftOut, describeValue, readString } from "../../../readers/values.js";
import { messagesFromVercel, promptFromVercel, toolCallsFromVercel, toolChoiceFromVercel, toolsFromVercel } from "../messages.js";
import type { Obj } from "../../../internal/records.js";
// ---------------------------------------------------------------------------------------------
// Chat calls

/** Provider-request messages first: they are what was sent (a span with both is not written by the SDK). */
const PROMPT_KEYS = [VERCEL.promptMessages, VERCEL.prompt] as const;
const RESPONSE_TEXT_KEYS = [VERCEL.responseText, VERCEL.responseObject] as const;

/** Inputs of a provider request (`ai.prompt.messages`) or of an outer call (`ai.prompt`). */
export function readChatInputs(ctx: ParseContext, params: Obj): boolean {
  let messages: ChatMessage[] | undefined;
  for (const key of PROMPT_KEYS) {
    if (!ctx.has(key)) continue;
    const parsed = ctx.json(key);
    if (!parsed.ok) continue;
    const before = ctx.diagnostics.length;
    messages = key === VERCEL.prompt ? promptFromVercel(parsed.value, ctx, key) : messagesFromVercel(parsed.value, ctx, key);
    if (messages === undefined) continue;
    consumeUnlessLeftOut(ctx, key, before);
    break;
  }
  if (messages === undefined) return false;

  const inputs: Obj = { messages };
  for (const k in params) inputs[k] = params[k];
  if (ctx.has(VERCEL.promptTools)) {
    const before = ctx.diagnostics.length;
    const read = toolsFromVercel(ctx.get(VERCEL.promptTools), ctx, VERCEL.promptTools);
    if (read) {
      if (read.skipped === 0) consumeUnlessLeftOut(ctx, VERCEL.promptTools, before);
      if (read.tools.length > 0) ctx.offer("tools", read.tools, RANK.structured, "vercel-ai");
    }
  }
  if (ctx.has(VERCEL.promptToolChoice)) {
    const parsed = ctx.json(VERCEL.promptToolChoice);
    const choice = parsed.ok ? toolChoiceFromVercel(parsed.value) : undefined;
    if (choice !== undefined) {
      inputs.tool_choice = choice;
      ctx.consume(VERCEL.promptToolChoice);
    } else if (parsed.ok) {
      ctx.diagnose("invalid-value", "warning", `${VERCEL.promptToolChoice} is not a tool choice ({type: auto | none | required | tool}); kept raw`, VERCEL.promptToolChoice);
    }
  }
  ctx.offer("inputs", inputs, RANK.structured, "vercel-ai");
  return true;
}

/**
 * The response of a provider request or of an outer call (whose response is its last step's): one
 * assistant choice with the reasoning, the text (or the generated object's JSON) and the tool calls.
 */
export function readChatOutputs(ctx: ParseContext, responseModel: string | undefined): boolean {
  const parts: ContentPart[] = [];
  let found = false;
  const reasoning = readString(ctx, VERCEL.responseReasoning);
  if (reasoning !== undefined) {
    ctx.consume(VERCEL.responseReasoning);
    parts.push({ type: "reasoning", text: reasoning });
    found = true;
  }
  for (const key of RESPONSE_TEXT_KEYS) {
    if (!ctx.has(key)) continue;
    const text = ctx.get(key);
    if (typeof text !== "string") {
      ctx.diagnose("invalid-value", "warning", `${key} should be a string, got ${describeValue(text)}; kept raw`, key);
      continue;
    }
    ctx.consume(key);
    found = true;
    if (text !== "") parts.push({ type: "text", text });
  }
  let calls;
  if (ctx.has(VERCEL.responseToolCalls)) {
    const parsed = ctx.json(VERCEL.responseToolCalls);
    if (parsed.ok) {
      const before = ctx.diagnostics.length;
      calls = toolCallsFromVercel(parsed.value, ctx, VERCEL.responseToolCalls);
      if (calls) {
        consumeUnlessLeftOut(ctx, VERCEL.responseToolCalls, before);
        found = true;
      }
    }
  }
  const finish = ctx.get(VERCEL.responseFinishReason);
  const reason = finishReason(finish);
  if (reason !== null) {
    ctx.consume(VERCEL.responseFinishReason);
    found = true;
  } else if (finish !== undefined) {
    ctx.diagnose("invalid-value", "warning", `${VERCEL.responseFinishReason} should be a non-empty string, got ${describeValue(finish)}`, VERCEL.responseFinishReason);
  }
  if (!found) return false;

  const message: ChatMessage = { role: "assistant", content: parts.length === 0 ? null : parts.length === 1 && parts[0]!.type === "text" ? (parts[0] as { text: string }).text : parts };
  if (calls && calls.length > 0) message.tool_calls = calls;
  const outputs: Obj = {};
  const id = readString(ctx, VERCEL.responseId);
  if (id !== undefined) {
    ctx.consume(VERCEL.responseId);
    outputs.id = id;
  }
  if (responseModel !== undefined) outputs.model = responseModel;
  outputs.choices = [{ index: 0, message, finish_reason: reason }];
  ctx.offer("outputs", outputs, RANK.structured, "vercel-ai");
  return true;
}
