import { readString } from "../../../readers/values.js";
import type { ChatChoice, ChatMessage, ContentPart } from "../../../canonical/span.js";
import { OI, OPENINFERENCE_SPEC_ONLY_KEYS as SPEC_ONLY } from "../keys.js";
import { isPlainObject } from "../../../internal/records.js";
import { simplifyContent } from "../../../readers/chat.js";
import { type ParseContext } from "../../../readers/context.js";
import type { Obj } from "../../../internal/records.js";
import { expand } from "./lists.js";
export function readFinishReason(ctx: ParseContext): string | null {
  if (!ctx.has(OI.finishReason)) return null;
  const v = readString(ctx, OI.finishReason);
  if (v === undefined) return null;
  ctx.consume(OI.finishReason);
  return v;
}

/** Legacy completions: `llm.prompts` as a string list (older releases) or `llm.prompts.<i>.prompt.text`. */
export function readPrompts(ctx: ParseContext): ChatMessage[] | undefined {
  const whole = ctx.get(OI.prompts);
  if (Array.isArray(whole)) {
    if (whole.every((p) => typeof p === "string")) {
      ctx.consume(OI.prompts);
      return whole.length > 0 ? (whole as string[]).map((text) => ({ role: "user", content: text })) : undefined;
    }
    ctx.diagnose("invalid-value", "warning", `${OI.prompts} should be a list of strings; kept raw`, OI.prompts);
    return undefined;
  }
  const r = expand(ctx, OI.prompts);
  if (!r) return undefined;
  const out: ChatMessage[] = [];
  for (const item of r.items) {
    const text = isPlainObject(item) && isPlainObject(item.prompt) ? item.prompt.text : undefined;
    if (typeof text === "string") out.push({ role: "user", content: text });
  }
  if (out.length === 0) return undefined;
  r.consume();
  return out;
}

export function readLegacyChoices(ctx: ParseContext): ChatChoice[] | undefined {
  const r = expand(ctx, SPEC_ONLY.choices);
  if (!r) return undefined;
  const finish = readFinishReason(ctx);
  const out: ChatChoice[] = [];
  for (const item of r.items) {
    const text = isPlainObject(item) && isPlainObject(item.completion) ? item.completion.text : undefined;
    if (typeof text === "string") out.push({ index: out.length, message: { role: "assistant", content: text }, finish_reason: finish });
  }
  if (out.length === 0) return undefined;
  r.consume();
  return out;
}

/** Anthropic takes the system prompt apart from the messages; its instrumentation leaves it in the parameters only. */
export function recoverSystemPrompt(ctx: ParseContext, messages: ChatMessage[], params: Obj): ChatMessage[] {
  const system = params.system;
  if (system === undefined || messages.some((m) => m.role === "system")) return messages;
  let content: string | ContentPart[] | null = null;
  if (typeof system === "string") content = system;
  else if (Array.isArray(system)) {
    const parts: ContentPart[] = [];
    for (const block of system) {
      if (typeof block === "string") parts.push({ type: "text", text: block });
      else if (isPlainObject(block) && typeof block.text === "string") parts.push({ type: "text", text: block.text });
    }
    if (parts.length === system.length) content = simplifyContent(parts);
  }
  if (content === null || (Array.isArray(content) && content.length === 0)) return messages;
  delete params.system;
  ctx.diagnose(
    "system-prompt-recovered",
    "info",
    `the input messages have no system message; the system prompt was taken from ${OI.invocationParameters} ("system") and put first`,
    OI.invocationParameters,
  );
  return [{ role: "system", content }, ...messages];
}
