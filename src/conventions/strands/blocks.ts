/**
 * Strands content blocks (Bedrock Converse shapes: `{text}`, `{toolUse:{name,toolUseId,input}}`,
 * `{toolResult:{toolUseId,status,content:[{json}|{text}]}}`, `{reasoningContent:{reasoningText:{text}}}`)
 * -> OpenAI chat messages. A `gen_ai.choice` on a chat span writes a tool call flat
 * (`{type:"toolUse",name,toolUseId,input}`); both forms are read.
 */
import type { ChatMessage, ContentPart, ToolCall } from "../../canonical/span.js";
import { safeJsonStringify } from "../../internal/json.js";
import { isPlainObject, type Obj } from "../../internal/records.js";
import { simplifyContent, toolCall } from "../../readers/chat.js";

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/**
 * The value of a tool result's content blocks: one `{json}` block is its value, one `{text}` its text,
 * several text blocks their text joined; anything else the list of block values.
 */
export function resultValue(blocks: unknown): unknown {
  if (!Array.isArray(blocks)) return blocks;
  const values = blocks.map((b) => (isPlainObject(b) && "json" in b ? b.json : isPlainObject(b) && typeof b.text === "string" ? b.text : b));
  if (values.length === 1) return values[0];
  if (values.length > 0 && values.every((v) => typeof v === "string")) return values.join("\n");
  return values;
}

const asText = (value: unknown): string | null => (value === undefined || value === null ? null : typeof value === "string" ? value : safeJsonStringify(value));

function toolUse(use: Obj): ToolCall {
  return toolCall(str(use.toolUseId), str(use.name) ?? "", use.input);
}

/** One message of blocks -> chat messages (each `toolResult` a `tool` message of its own, first). */
export function messagesOfBlocks(role: string, blocks: readonly unknown[]): ChatMessage[] {
  const content: ContentPart[] = [];
  const calls: ToolCall[] = [];
  const results: ChatMessage[] = [];
  for (const block of blocks) {
    if (typeof block === "string") {
      content.push({ type: "text", text: block });
      continue;
    }
    if (!isPlainObject(block)) continue;
    if (typeof block.text === "string") content.push({ type: "text", text: block.text });
    else if (isPlainObject(block.toolUse)) calls.push(toolUse(block.toolUse));
    else if (block.type === "toolUse") calls.push(toolUse(block));
    else if (isPlainObject(block.toolResult)) {
      const r = block.toolResult;
      const m: ChatMessage = { role: "tool", content: asText(resultValue(r.content)) };
      if (typeof r.toolUseId === "string") m.tool_call_id = r.toolUseId;
      results.push(m);
    } else if (isPlainObject(block.reasoningContent) && isPlainObject(block.reasoningContent.reasoningText) && typeof block.reasoningContent.reasoningText.text === "string") {
      content.push({ type: "reasoning", text: block.reasoningContent.reasoningText.text });
    } else {
      // A block we do not model (image, document, cachePoint, …) is kept as it came.
      const kind = typeof block.type === "string" ? block.type : Object.keys(block)[0] ?? "unknown";
      content.push({ ...block, type: kind });
    }
  }
  const out = results;
  if (content.length > 0 || calls.length > 0 || results.length === 0) {
    const m: ChatMessage = { role, content: simplifyContent(content) };
    if (calls.length > 0) m.tool_calls = calls;
    out.push(m);
  }
  return out;
}
