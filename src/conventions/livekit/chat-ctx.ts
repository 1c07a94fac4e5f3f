/**
 * LiveKit's ChatContext JSON (`{items: [...]}`) -> OpenAI chat messages. Items: `message` (`role`,
 * `content`: a list of strings or image/audio objects), `function_call` (`call_id`, `name`,
 * `arguments` JSON text), `function_call_output` (`call_id`, `name`, `output`, `is_error`), and
 * bookkeeping items (`agent_config_update`, `agent_handoff`) that are not messages and are skipped.
 * Function calls that follow an assistant message (or each other) join its `tool_calls`, as the
 * OpenAI API expects parallel calls in one message.
 */
import type { ChatMessage, ContentPart } from "../../canonical/span.js";
import { isPlainObject } from "../../internal/records.js";
import { message, normalizeRole, simplifyContent, toolCall } from "../../readers/chat.js";
import type { ParseContext } from "../../readers/context.js";
import { describeValue } from "../../readers/values.js";

const NOT_MESSAGES: ReadonlySet<string> = new Set(["agent_config_update", "agent_handoff"]);

function contentPart(value: unknown, ctx: ParseContext, key: string): ContentPart | undefined {
  if (typeof value === "string") return { type: "text", text: value };
  if (isPlainObject(value) && value.type === "image_content" && typeof value.image === "string") return { type: "image_url", image_url: { url: value.image } };
  ctx.diagnose("unknown-content-part", "info", `${key}: a message content of an unknown kind (${describeValue(value)}); kept as it came`, key);
  return isPlainObject(value) ? { type: typeof value.type === "string" ? value.type : "unknown", ...value } : { type: "unknown", value };
}

export function chatCtxMessages(value: unknown, ctx: ParseContext, key: string): ChatMessage[] | undefined {
  const items = isPlainObject(value) ? value.items : Array.isArray(value) ? value : undefined;
  if (!Array.isArray(items)) {
    ctx.diagnose("invalid-message", "warning", `${key} is not a LiveKit chat context ({items: [...]}): ${describeValue(value)}; kept raw`, key);
    return undefined;
  }
  const messages: ChatMessage[] = [];
  for (const item of items as unknown[]) {
    if (!isPlainObject(item)) {
      ctx.diagnose("invalid-message", "warning", `${key}: an item that is not an object (${describeValue(item)}); left out`, key);
      continue;
    }
    const type = item.type ?? "message";
    if (type === "message") {
      const list = Array.isArray(item.content) ? item.content : typeof item.content === "string" ? [item.content] : [];
      const parts: ContentPart[] = [];
      for (const c of list) {
        const part = contentPart(c, ctx, key);
        if (part) parts.push(part);
      }
      messages.push(message(normalizeRole(item.role, ctx, key), simplifyContent(parts)));
    } else if (type === "function_call") {
      const call = toolCall(typeof item.call_id === "string" ? item.call_id : undefined, typeof item.name === "string" ? item.name : "", item.arguments);
      const last = messages[messages.length - 1];
      if (last !== undefined && last.role === "assistant") (last.tool_calls ??= []).push(call);
      else messages.push(message("assistant", null, { tool_calls: [call] }));
    } else if (type === "function_call_output") {
      const output = typeof item.output === "string" ? item.output : JSON.stringify(item.output ?? null);
      // OpenAI's tool message has no name (the call it answers has): the call id links them.
      messages.push(message("tool", output, { tool_call_id: typeof item.call_id === "string" ? item.call_id : "" }));
    } else if (typeof type === "string" && NOT_MESSAGES.has(type)) {
      continue;
    } else {
      ctx.diagnose("invalid-message", "warning", `${key}: an item of unknown type ${describeValue(type)}; left out`, key);
    }
  }
  return messages;
}
