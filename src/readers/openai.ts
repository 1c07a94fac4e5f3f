/**
 * Readers for values that are already in the OpenAI chat shapes, as several sources record them
 * verbatim (Langfuse's `observeOpenAI`, VoltAgent, Laminar): a request's `messages` list, a reply's
 * assistant message, a request's `tools`. They copy the fields the canonical shapes name, normalise
 * roles and tool calls, and report (`invalid-message`, `invalid-tool`) what is left out.
 */
import type { ChatMessage, ChatTool, ToolCall } from "../canonical/span.js";
import { isPlainObject, type Obj } from "../internal/records.js";
import { normalizeRole, toolCall } from "./chat.js";
import type { ParseContext } from "./context.js";
import { describeValue } from "./values.js";

/** Whether a value looks like a list of chat messages (every entry an object with a string role). */
export function looksLikeMessages(value: unknown): value is Obj[] {
  if (!Array.isArray(value) || value.length === 0) return false;
  for (const item of value) if (!isPlainObject(item) || typeof item.role !== "string") return false;
  return true;
}

/** Whether a value looks like one assistant message (`{role: "assistant", ...}`) or a bare `{tool_calls}` reply. */
export function looksLikeReply(value: unknown): value is Obj {
  if (!isPlainObject(value)) return false;
  if (typeof value.role === "string") return true;
  return value.role === undefined && Array.isArray(value.tool_calls) && value.content === undefined;
}

function toolCallsOf(raw: unknown, ctx: ParseContext | undefined, key: string | undefined): ToolCall[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const calls: ToolCall[] = [];
  for (const item of raw) {
    const fn = isPlainObject(item) && isPlainObject(item.function) ? item.function : undefined;
    if (fn === undefined || typeof fn.name !== "string" || fn.name === "") {
      ctx?.diagnose("invalid-message", "warning", `a tool call without a function name was left out: ${describeValue(item)}`, key);
      continue;
    }
    const id = typeof (item as Obj).id === "string" ? ((item as Obj).id as string) : undefined;
    calls.push(toolCall(id, fn.name, fn.arguments));
  }
  return calls;
}

/** One OpenAI chat message, or undefined (with `invalid-message`) when it has no usable shape. */
export function openAiMessage(value: unknown, ctx?: ParseContext, key?: string, defaultRole?: string): ChatMessage | undefined {
  if (!isPlainObject(value)) {
    ctx?.diagnose("invalid-message", "warning", `a message is not an object: ${describeValue(value)}; left out`, key);
    return undefined;
  }
  const role = value.role === undefined && defaultRole !== undefined ? defaultRole : normalizeRole(value.role, ctx, key);
  const raw = value.content;
  let content: ChatMessage["content"];
  if (raw === undefined || raw === null) content = null;
  else if (typeof raw === "string") content = raw;
  else if (Array.isArray(raw) && raw.every((p) => isPlainObject(p) && typeof p.type === "string")) content = raw as ChatMessage["content"];
  else {
    ctx?.diagnose("invalid-message", "warning", `a message's content is neither text nor a list of typed parts: ${describeValue(raw)}; left out`, key);
    return undefined;
  }
  const msg: ChatMessage = { role, content };
  const calls = toolCallsOf(value.tool_calls, ctx, key);
  if (calls !== undefined && calls.length > 0) msg.tool_calls = calls;
  if (typeof value.tool_call_id === "string") msg.tool_call_id = value.tool_call_id;
  if (typeof value.name === "string") msg.name = value.name;
  if (typeof value.refusal === "string") msg.refusal = value.refusal;
  return msg;
}

/** A list of OpenAI chat messages; entries without a usable shape are left out (and reported). */
export function openAiMessages(list: readonly unknown[], ctx?: ParseContext, key?: string): ChatMessage[] {
  const out: ChatMessage[] = [];
  for (const item of list) {
    const msg = openAiMessage(item, ctx, key);
    if (msg !== undefined) out.push(msg);
  }
  return out;
}

/** OpenAI tool definitions (`{type: "function", function: {name, ...}}`); others left out with `invalid-tool`. */
export function openAiTools(list: unknown, ctx?: ParseContext, key?: string): ChatTool[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const tools: ChatTool[] = [];
  for (const item of list) {
    const fn = isPlainObject(item) && isPlainObject(item.function) ? item.function : undefined;
    if (fn === undefined || typeof fn.name !== "string" || fn.name === "") {
      ctx?.diagnose("invalid-tool", "warning", `a tool definition without a function name was left out: ${describeValue(item)}`, key);
      continue;
    }
    tools.push({ type: "function", function: { ...fn, name: fn.name } });
  }
  return tools;
}
