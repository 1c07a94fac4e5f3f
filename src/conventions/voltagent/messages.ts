/**
 * VoltAgent records the AI SDK's model messages (`{role, content}` where content is a string or a
 * list of typed parts: text, reasoning, image, file, tool-call, tool-result) as JSON. This turns them
 * into the OpenAI chat shapes: text parts joined into one string when alone, tool calls as
 * `tool_calls`, each tool result as a `tool` message.
 */
import type { ChatMessage, ContentPart, ToolCall } from "../../canonical/span.js";
import { safeJsonStringify } from "../../internal/json.js";
import { isPlainObject, type Obj } from "../../internal/records.js";
import { normalizeRole, simplifyContent, toolCall } from "../../readers/chat.js";
import type { ParseContext } from "../../readers/context.js";
import { describeValue } from "../../readers/values.js";

/** A tool result's output (`{type: "json" | "text" | ..., value}` in AI SDK 5+, or the raw value) as text. */
function resultText(output: unknown): string {
  const value = isPlainObject(output) && typeof output.type === "string" && "value" in output ? output.value : output;
  return typeof value === "string" ? value : safeJsonStringify(value);
}

export function messagesFromVoltAgent(value: unknown, ctx: ParseContext, key: string): ChatMessage[] | undefined {
  if (!Array.isArray(value)) {
    ctx.diagnose("invalid-message", "warning", `${key} should be a JSON list of messages, got ${describeValue(value)}; kept raw`, key);
    return undefined;
  }
  const out: ChatMessage[] = [];
  for (const item of value) {
    if (!isPlainObject(item)) {
      ctx.diagnose("invalid-message", "warning", `${key}: a message is not an object (${describeValue(item)}); left out`, key);
      continue;
    }
    const role = normalizeRole(item.role, ctx, key);
    const content = item.content;
    if (typeof content === "string" || content === null || content === undefined) {
      out.push({ role, content: content ?? null });
      continue;
    }
    if (!Array.isArray(content)) {
      ctx.diagnose("invalid-message", "warning", `${key}: a message's content is neither text nor parts (${describeValue(content)}); left out`, key);
      continue;
    }
    const parts: ContentPart[] = [];
    const calls: ToolCall[] = [];
    const results: ChatMessage[] = [];
    for (const part of content) {
      if (!isPlainObject(part) || typeof part.type !== "string") {
        ctx.diagnose("invalid-message", "warning", `${key}: a content part without a type (${describeValue(part)}); left out`, key);
        continue;
      }
      const p = part as Obj;
      if (p.type === "text" && typeof p.text === "string") parts.push({ type: "text", text: p.text });
      else if (p.type === "reasoning" && typeof p.text === "string") parts.push({ type: "reasoning", text: p.text });
      else if (p.type === "tool-call" && typeof p.toolName === "string") {
        calls.push(toolCall(typeof p.toolCallId === "string" ? p.toolCallId : undefined, p.toolName, p.input ?? p.args));
      } else if (p.type === "tool-result" && typeof p.toolCallId === "string") {
        results.push({ role: "tool", content: resultText(p.output ?? p.result), tool_call_id: p.toolCallId });
      } else {
        ctx.diagnose("unknown-content-part", "info", `${key}: content part of type "${String(p.type)}" kept as it came`, key);
        parts.push(p as ContentPart);
      }
    }
    if (role === "tool" && parts.length === 0) {
      out.push(...results);
      continue;
    }
    const msg: ChatMessage = { role, content: simplifyContent(parts) };
    if (calls.length > 0) msg.tool_calls = calls;
    out.push(msg);
    out.push(...results);
  }
  return out;
}
