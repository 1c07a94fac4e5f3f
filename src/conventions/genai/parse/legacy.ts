import { GENAI_GROUPS, genaiUsageGroup } from "../tables.js";
import type { ChatMessage } from "../../../canonical/span.js";
import { GENAI } from "../keys.js";
import { isPlainObject } from "../../../internal/records.js";
import { normalizeRole } from "../../../readers/chat.js";
import { RANK, type ParseContext } from "../../../readers/context.js";
import { inputMessagesFromGenAi } from "../messages-read.js";
import { parseMaybeJson } from "../../../readers/values.js";
import type { Obj } from "../../../internal/records.js";
import { eventMessage } from "./events.js";
import { withFinishReasons } from "./finish.js";
// ---------------------------------------------------------------------------------------------
// Deprecated `gen_ai.prompt` / `gen_ai.completion`

/** A deprecated content string: a JSON list of `{role, content}` messages, one such message, or plain text. */
function legacyMessages(value: unknown, defaultRole: string, ctx: ParseContext, key: string): ChatMessage[] | undefined {
  let parsed: unknown = value;
  if (typeof value === "string") {
    const json = parseMaybeJson(value);
    parsed = json.ok && json.value !== null && typeof json.value === "object" ? json.value : value;
  }
  if (typeof parsed === "string") return [{ role: defaultRole, content: parsed }];
  const list = Array.isArray(parsed) ? parsed : [parsed];
  const out: ChatMessage[] = [];
  for (const item of list) {
    if (!isPlainObject(item)) continue;
    const m = item as Obj;
    if (Array.isArray(m.parts)) {
      const converted = inputMessagesFromGenAi([m], ctx, key);
      if (converted) out.push(...converted);
      continue;
    }
    out.push(eventMessage(typeof m.role === "string" ? normalizeRole(m.role, ctx, key) : defaultRole, m, ctx, key));
  }
  if (out.length === 0) {
    ctx.diagnose("invalid-value", "warning", `${key} is neither text nor a list of messages; kept raw`, key);
    return undefined;
  }
  return out;
}

export function readDeprecatedContent(ctx: ParseContext, finishReasons: string[] | undefined): boolean {
  if (!ctx.present(GENAI_GROUPS.legacyContent)) return false;
  let found = false;
  if (ctx.has(GENAI.prompt)) {
    const messages = legacyMessages(ctx.get(GENAI.prompt), "user", ctx, GENAI.prompt);
    if (messages) {
      ctx.consume(GENAI.prompt);
      ctx.offer("inputs", { messages }, RANK.raw, "genai");
      found = true;
    }
  }
  if (ctx.has(GENAI.completion)) {
    const messages = legacyMessages(ctx.get(GENAI.completion), "assistant", ctx, GENAI.completion);
    if (messages) {
      ctx.consume(GENAI.completion);
      const choices = messages.map((message, index) => ({ index, message, finish_reason: null }));
      ctx.offer("outputs", { choices: withFinishReasons(choices, finishReasons) }, RANK.raw, "genai");
      found = true;
    }
  }
  return found;
}
