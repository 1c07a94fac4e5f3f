import type { ChatMessage, ContentPart, ToolCall } from "../../../canonical/span.js";
import { OPENLLMETRY } from "../keys.js";
import { isPlainObject } from "../../../internal/records.js";
import { type TreeValue } from "../../../readers/unflatten.js";
import { message, normalizeRole, toolCall } from "../../../readers/chat.js";
import { type ParseContext } from "../../../readers/context.js";
import { convertContent } from "../content.js";
import { type IndexedFamily } from "../../../readers/indexed.js";
import type { Obj } from "../../../internal/records.js";
import { readIndexed } from "./indexed.js";
// ---------------------------------------------------------------------------------------------
// Indexed messages

interface ParsedMessage {
  message: ChatMessage;
  finishReason?: string;
}

export function text(value: TreeValue | undefined): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

function readToolCalls(value: TreeValue | undefined, into: ToolCall[]): void {
  if (!Array.isArray(value)) return;
  for (const item of value) {
    if (!isPlainObject(item)) continue;
    const fn = isPlainObject(item.function) ? (item.function as Obj) : undefined;
    const name = text(item.name as TreeValue) ?? text(fn?.name as TreeValue) ?? "";
    const args = item.arguments ?? fn?.arguments;
    into.push(toolCall(text(item.id as TreeValue), name, args));
  }
}

export function readMessages(ctx: ParseContext, prefix: string, family: IndexedFamily, defaultRole: "user" | "assistant"): ParsedMessage[] | undefined {
  const indexed = readIndexed(ctx, prefix, family);
  if (!indexed) return undefined;
  for (const key of indexed.keys) ctx.consume(key);
  const out: ParsedMessage[] = [];
  let pendingReasoning: ContentPart[] = [];
  let pendingReason: string | undefined;
  const items = indexed.items;
  for (let position = 0; position < items.length; position++) {
    const item = items[position]!;
    if (!isPlainObject(item)) {
      // `gen_ai.prompt.0` holding a value directly: the message text.
      out.push({ message: message(defaultRole, text(item) ?? null) });
      continue;
    }
    const node = item as Record<string, TreeValue>;
    if (node.role === "thinking" && defaultRole === "assistant") {
      // Python Anthropic: a thinking block is a completion of its own, before the reply it belongs to.
      pendingReasoning.push({ type: "reasoning", text: text(node.content) ?? "" });
      const reason = text(node.finish_reason);
      if (reason !== undefined && reason !== "") pendingReason = reason;
      continue;
    }
    const role =
      node.role === undefined && (defaultRole === "assistant" || node.user !== undefined)
        ? defaultRole
        : normalizeRole(node.role, ctx, `${prefix}.${position}.role`);
    // The Python Anthropic instrumentation writes a legacy text-completion prompt as `gen_ai.prompt.0.user`.
    const converted = convertContent(node.content === undefined && node.user !== undefined ? node.user : node.content);
    let content = converted.content;
    // OpenLLMetry 0.22 (JS) records an assistant tool-call turn's missing content as the string "null".
    if (content === "null" && role === "assistant") content = null;
    const toolCalls = converted.toolCalls;
    if (node.tool_calls !== undefined) {
      if (toolCalls.length === 0) readToolCalls(node.tool_calls, toolCalls);
      else {
        // Python Anthropic writes tool_use blocks both in the content JSON and as tool_calls keys: once each.
        const seen = new Set<string>();
        for (const c of toolCalls) if (c.id !== "") seen.add(c.id);
        const keyed: ToolCall[] = [];
        readToolCalls(node.tool_calls, keyed);
        for (const call of keyed) if (call.id === "" || !seen.has(call.id)) toolCalls.push(call);
      }
    }
    if (isPlainObject(node.function_call)) {
      const fc = node.function_call as Record<string, TreeValue>;
      toolCalls.push(toolCall(undefined, text(fc.name) ?? "", fc.arguments));
    }
    if (toolCalls.length > 0 && content === "") content = null;

    // Anthropic tool results sit in a user message; in the OpenAI shape each is a tool message.
    for (const result of converted.toolResults) out.push({ message: result });
    if (converted.toolResults.length > 0 && content === null && toolCalls.length === 0) continue;

    const extra: Partial<ChatMessage> = {};
    if (toolCalls.length > 0) extra.tool_calls = toolCalls;
    const toolCallId = text(node.tool_call_id);
    if (toolCallId !== undefined) extra.tool_call_id = toolCallId;
    const name = text(node.name);
    if (name !== undefined) extra.name = name;
    if (pendingReasoning.length > 0) {
      const rest: ContentPart[] = content === null ? [] : typeof content === "string" ? (content === "" ? [] : [{ type: "text", text: content }]) : content;
      content = [...pendingReasoning, ...rest];
      pendingReasoning = [];
    }
    const parsed: ParsedMessage = { message: message(role, content, extra) };
    const reason = text(node.finish_reason) || pendingReason;
    pendingReason = undefined;
    if (reason !== undefined && reason !== "") parsed.finishReason = reason;
    out.push(parsed);
  }
  if (pendingReasoning.length > 0) {
    const parsed: ParsedMessage = { message: message("assistant", pendingReasoning) };
    if (pendingReason !== undefined) parsed.finishReason = pendingReason;
    out.push(parsed);
  }
  return out;
}

/** The span-level finish reason: the pre-0.5 `llm.*` keys, then the 0.5 `gen_ai.*` spellings. */
const FINISH_KEYS = [OPENLLMETRY.responseFinishReason, OPENLLMETRY.responseStopReason, OPENLLMETRY.genAiResponseFinishReason, OPENLLMETRY.genAiResponseStopReason] as const;

/** Python instrumentations write the finish reason once per span. */
export function spanFinishReason(ctx: ParseContext): string | undefined {
  for (const key of FINISH_KEYS) {
    const v = ctx.get(key);
    if (typeof v === "string" && v !== "") {
      ctx.consume(key);
      return v;
    }
  }
  return undefined;
}

