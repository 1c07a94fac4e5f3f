/**
 * Message content as OpenLLMetry writes it in `gen_ai.prompt.N.content` / `gen_ai.completion.N.content`:
 * a plain string, or (Anthropic, OpenAI multimodal) the JSON of the provider's content blocks.
 * This module turns such a value into canonical content parts, tool calls and tool results.
 */
import type { ChatMessage, ContentPart, ToolCall } from "../../canonical/span.js";
import { looksLikeJsonContainer, safeJsonParse, safeJsonStringify } from "../../internal/json.js";
import { isPlainObject } from "../../internal/records.js";
import { message, simplifyContent, toolCall } from "../../readers/chat.js";

import type { Obj } from "../../internal/records.js";

export interface ConvertedContent {
  content: string | ContentPart[] | null;
  /** Anthropic `tool_use` blocks. */
  toolCalls: ToolCall[];
  /** Anthropic `tool_result` blocks, each becoming a `tool` message. */
  toolResults: ChatMessage[];
}

/**
 * The JSON of a list of content blocks, or undefined when the text is not one. A list counts only
 * when every item is an object with a string `type`: ordinary text that happens to start with "["
 * stays text.
 */
export function parseBlocks(text: string): Obj[] | undefined {
  if (text.length < 2 || !looksLikeJsonContainer(text)) return undefined;
  let i = 0;
  while (text.charCodeAt(i) <= 0x20) i++;
  if (text.charCodeAt(i) !== 0x5b /* [ */) return undefined;
  const parsed = safeJsonParse(text);
  if (!parsed.ok || !Array.isArray(parsed.value) || parsed.value.length === 0) return undefined;
  for (const item of parsed.value) if (!isPlainObject(item) || typeof item.type !== "string") return undefined;
  return parsed.value as Obj[];
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** An Anthropic `tool_result` block's content (a string or a list of blocks) as text or parts. */
function toolResultContent(content: unknown): string | ContentPart[] | null {
  if (content === undefined || content === null) return null;
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    const parts: ContentPart[] = [];
    for (const block of content) {
      if (typeof block === "string") parts.push({ type: "text", text: block });
      else if (isPlainObject(block) && typeof block.type === "string") {
        const part = blockToPart(block);
        if (part) parts.push(part);
      }
    }
    return simplifyContent(parts);
  }
  return safeJsonStringify(content);
}

/** One provider block -> one canonical part (undefined for blocks that are not content). */
function blockToPart(block: Obj): ContentPart | undefined {
  switch (block.type) {
    case "text":
      if (typeof block.text === "string") return { type: "text", text: block.text };
      return block as ContentPart;
    case "thinking":
      if (typeof block.thinking === "string") return { type: "reasoning", text: block.thinking };
      return block as ContentPart;
    case "image": {
      const source = isPlainObject(block.source) ? block.source : undefined;
      if (source?.type === "base64" && typeof source.data === "string") {
        const mime = str(source.media_type) ?? "image/png";
        return { type: "image_url", image_url: { url: `data:${mime};base64,${source.data}` } };
      }
      if (source?.type === "url" && typeof source.url === "string") return { type: "image_url", image_url: { url: source.url } };
      return block as ContentPart;
    }
    default:
      // OpenAI parts (text, image_url, input_audio, file) are canonical already; anything else is
      // kept as is rather than dropped.
      return block as ContentPart;
  }
}

/**
 * Converts a content attribute value. Strings that are the JSON of content blocks become parts
 * (one text part collapses to a string); `tool_use` blocks become tool calls and `tool_result`
 * blocks tool messages. Any other string is kept verbatim.
 */
export function convertContent(raw: unknown): ConvertedContent {
  const out: ConvertedContent = { content: null, toolCalls: [], toolResults: [] };
  if (raw === undefined || raw === null) return out;
  if (typeof raw !== "string") {
    out.content = typeof raw === "number" || typeof raw === "boolean" ? String(raw) : safeJsonStringify(raw);
    return out;
  }
  const blocks = parseBlocks(raw);
  if (!blocks) {
    out.content = raw;
    return out;
  }
  const parts: ContentPart[] = [];
  for (const block of blocks) {
    if (block.type === "tool_use") {
      out.toolCalls.push(toolCall(str(block.id), str(block.name) ?? "", block.input ?? {}));
    } else if (block.type === "tool_result") {
      const extra: Partial<ChatMessage> = {};
      const id = str(block.tool_use_id);
      if (id !== undefined) extra.tool_call_id = id;
      out.toolResults.push(message("tool", toolResultContent(block.content), extra));
    } else {
      const part = blockToPart(block);
      if (part) parts.push(part);
    }
  }
  out.content = simplifyContent(parts);
  return out;
}
