/**
 * GenAI-shaped message lists (`[{role, parts:[{type, ...}]}]`) as frameworks copy them into keys of
 * their own (Pydantic AI's `pydantic_ai.all_messages`, Strands' latest-mode details events) -> OpenAI
 * chat messages. Deliberately small and lenient: the full `gen_ai.input.messages` reader stays in the
 * GenAI convention; this one knows the part types those frameworks write (`text`, `thinking` /
 * `reasoning`, `tool_call`, `tool_call_response` with `result` or `response`) and keeps any other
 * part as it came. A message that is not `{role, parts}` is left out with an `invalid-message`
 * diagnostic; the caller keeps the attribute then (consumeUnlessLeftOut).
 */
import type { ChatMessage, ContentPart, ToolCall } from "../canonical/span.js";
import { safeJsonStringify } from "../internal/json.js";
import { isPlainObject } from "../internal/records.js";
import { normalizeRole, simplifyContent, toolCall } from "./chat.js";
import type { ParseContext } from "./context.js";

/** A tool result as message text: strings as they are, anything else as its JSON. */
export function resultText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === "string" ? value : safeJsonStringify(value);
}

/** One `{role, parts}` message -> chat messages (tool results first, as `tool` messages of their own). */
export function genAiMessage(role: string, parts: readonly unknown[], ctx: ParseContext, key: string): ChatMessage[] {
  const content: ContentPart[] = [];
  const calls: ToolCall[] = [];
  const out: ChatMessage[] = [];
  for (const part of parts) {
    if (!isPlainObject(part)) {
      content.push({ type: "text", text: typeof part === "string" ? part : safeJsonStringify(part) });
      continue;
    }
    const type = part.type;
    if (type === "text" && typeof part.content === "string") content.push({ type: "text", text: part.content });
    else if ((type === "thinking" || type === "reasoning") && typeof part.content === "string") content.push({ type: "reasoning", text: part.content });
    else if (type === "tool_call") calls.push(toolCall(typeof part.id === "string" ? part.id : undefined, typeof part.name === "string" ? part.name : "", part.arguments));
    else if (type === "tool_call_response") {
      const m: ChatMessage = { role: "tool", content: resultText(part.result !== undefined ? part.result : part.response) };
      if (typeof part.id === "string") m.tool_call_id = part.id;
      if (typeof part.name === "string") m.name = part.name;
      out.push(m);
    } else content.push({ ...part, type: typeof type === "string" ? type : "unknown" });
  }
  if (content.length > 0 || calls.length > 0 || out.length === 0) {
    const m: ChatMessage = { role: normalizeRole(role, ctx, key), content: simplifyContent(content) };
    if (calls.length > 0) m.tool_calls = calls;
    out.push(m);
  }
  return out;
}

/**
 * A parsed GenAI message list -> chat messages, plus the finish reason of each assistant message that
 * has one (`finish_reason`, which Pydantic AI and Strands put on messages). Undefined when the value is
 * not a list or no message in it is readable.
 */
export function genAiMessages(value: unknown, ctx: ParseContext, key: string): { messages: ChatMessage[]; finishReasons: (string | undefined)[] } | undefined {
  if (!Array.isArray(value)) {
    ctx.diagnose("invalid-message", "warning", `${key} should be a JSON array of {role, parts} messages; kept raw`, key);
    return undefined;
  }
  const messages: ChatMessage[] = [];
  const finishReasons: (string | undefined)[] = [];
  for (let i = 0; i < value.length; i++) {
    const msg: unknown = value[i];
    if (!isPlainObject(msg) || typeof msg.role !== "string" || !Array.isArray(msg.parts)) {
      ctx.diagnose("invalid-message", "warning", `${key}[${i}] is not a {role, parts} message; left out`, key);
      continue;
    }
    for (const m of genAiMessage(msg.role, msg.parts, ctx, key)) {
      messages.push(m);
      finishReasons.push(m.role === "assistant" && typeof msg.finish_reason === "string" ? msg.finish_reason : undefined);
    }
  }
  if (messages.length === 0 && value.length > 0) return undefined;
  return { messages, finishReasons };
}
