/**
 * Mastra's content values -> OpenAI chat shapes. Inputs are AI SDK model messages (`{role, content}`,
 * content a string or parts `text` / `reasoning` / `tool-call` / `tool-result` / `image` / `file`), and
 * outputs `{text, toolCalls:[{toolCallId, toolName, args}], …}`.
 */
import type { ChatMessage, ContentPart, ToolCall } from "../../canonical/span.js";
import { safeJsonStringify } from "../../internal/json.js";
import { isPlainObject, type Obj } from "../../internal/records.js";
import { choice, message, normalizeRole, simplifyContent, toolCall } from "../../readers/chat.js";
import type { ParseContext } from "../../readers/context.js";
import type { ChatChoice } from "../../canonical/span.js";

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const text = (v: unknown): string | null => (v === undefined || v === null ? null : typeof v === "string" ? v : safeJsonStringify(v));

function toolCallOf(call: Obj): ToolCall {
  return toolCall(str(call.toolCallId), str(call.toolName) ?? "", call.args !== undefined ? call.args : call.input);
}

/** One AI SDK model message -> chat messages (each tool result a `tool` message of its own). */
function messagesOf(msg: Obj, ctx: ParseContext, key: string): ChatMessage[] {
  const role = normalizeRole(msg.role, ctx, key);
  if (typeof msg.content === "string" || msg.content === null || msg.content === undefined) return [message(role, str(msg.content) ?? null)];
  if (!Array.isArray(msg.content)) return [message(role, text(msg.content))];
  const content: ContentPart[] = [];
  const calls: ToolCall[] = [];
  const results: ChatMessage[] = [];
  for (const part of msg.content as unknown[]) {
    if (!isPlainObject(part)) continue;
    if (part.type === "text" && typeof part.text === "string") content.push({ type: "text", text: part.text });
    else if (part.type === "reasoning" && typeof part.text === "string") content.push({ type: "reasoning", text: part.text });
    else if (part.type === "tool-call") calls.push(toolCallOf(part));
    else if (part.type === "tool-result") {
      const value = isPlainObject(part.output) && "value" in part.output ? part.output.value : part.output !== undefined ? part.output : part.result;
      const m: ChatMessage = { role: "tool", content: text(value) };
      if (typeof part.toolCallId === "string") m.tool_call_id = part.toolCallId;
      results.push(m);
    } else content.push({ ...part, type: typeof part.type === "string" ? part.type : "unknown" });
  }
  const out = results;
  if (content.length > 0 || calls.length > 0 || results.length === 0) {
    const m = message(role, simplifyContent(content));
    if (calls.length > 0) m.tool_calls = calls;
    out.push(m);
  }
  return out;
}

/** A message list (or `{messages}`) -> chat messages; undefined, with a diagnostic, when it is neither. */
export function mastraMessages(value: unknown, ctx: ParseContext, key: string): ChatMessage[] | undefined {
  const list = isPlainObject(value) && Array.isArray(value.messages) ? value.messages : value;
  if (!Array.isArray(list)) return undefined;
  const out: ChatMessage[] = [];
  for (let i = 0; i < list.length; i++) {
    const msg: unknown = list[i];
    if (!isPlainObject(msg)) {
      ctx.diagnose("invalid-message", "warning", `${key}[${i}] is not a {role, content} message; left out`, key);
      continue;
    }
    for (const m of messagesOf(msg, ctx, key)) out.push(m);
  }
  return out;
}

/**
 * `{text, toolCalls}` -> one choice. A step's reply is its text and tool calls; a whole generation's
 * (`finalOnly`) is its final text, its tool calls only when there is no text (they were intermediate).
 */
export function mastraChoice(value: unknown, finalOnly: boolean): ChatChoice | undefined {
  if (typeof value === "string") return choice(0, message("assistant", value), "stop");
  if (!isPlainObject(value)) return undefined;
  const body = typeof value.text === "string" && value.text !== "" ? value.text : null;
  const calls = Array.isArray(value.toolCalls) ? value.toolCalls.filter(isPlainObject).map(toolCallOf) : [];
  if (body === null && calls.length === 0 && !("text" in value)) return undefined;
  const withCalls = calls.length > 0 && (!finalOnly || body === null);
  // An empty reply (a failed request) keeps its empty text and no finish reason: nothing says why it ended.
  const m = message("assistant", body ?? (withCalls ? null : typeof value.text === "string" ? value.text : null));
  if (withCalls) m.tool_calls = calls;
  return choice(0, m, withCalls ? "tool_calls" : body !== null ? "stop" : null);
}
