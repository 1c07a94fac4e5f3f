import type { ChatMessage } from "../../../canonical/span.js";
import { safeJsonParse } from "../../../internal/json.js";

/** `[LABEL]` or `[LABEL: detail]` on a line of its own. */
const LABEL = /^\[(USER PROMPT|USER|ASSISTANT|TOOL RESULT|TOOL INPUT)(?::\s*([^\]\n]*))?\]$/;

export interface Block {
  label: string | undefined;
  detail: string | undefined;
  body: string;
}

/** Splits Claude Code's labelled context text into blocks (text before any label is an unlabelled block). */
export function labelledBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  let lines: string[] = [];
  const flush = () => {
    const body = lines.join("\n");
    if (current !== undefined) blocks.push({ ...current, body });
    else if (body.trim() !== "") blocks.push({ label: undefined, detail: undefined, body });
    lines = [];
  };
  for (const line of text.split("\n")) {
    const m = LABEL.exec(line);
    if (m) {
      flush();
      current = { label: m[1], detail: m[2]?.trim(), body: "" };
    } else lines.push(line);
  }
  flush();
  return blocks;
}

/**
 * A tool result that is the JSON of Anthropic text parts (`[{type: "text", text}, ...]`, how Claude Code
 * records a subagent's hand-back) becomes their text, joined by newlines: a tool message's content is
 * text in the OpenAI shape. Anything else stays as written.
 */
function toolResultContent(body: string): string {
  if (!body.startsWith("[")) return body;
  const parsed = safeJsonParse(body);
  if (!parsed.ok || !Array.isArray(parsed.value) || parsed.value.length === 0) return body;
  const texts: string[] = [];
  for (const p of parsed.value) {
    const part = p as { type?: unknown; text?: unknown } | null;
    if (part === null || typeof part !== "object" || part.type !== "text" || typeof part.text !== "string") return body;
    texts.push(part.text);
  }
  return texts.join("\n");
}

/** The messages of an llm_request's `new_context`: user text, tool results (with the tool-use id), assistant text. */
export function contextMessages(text: string): ChatMessage[] {
  return labelledBlocks(text).map((b): ChatMessage => {
    if (b.label === "TOOL RESULT") {
      const msg: ChatMessage = { role: "tool", content: toolResultContent(b.body) };
      if (b.detail) msg.tool_call_id = b.detail;
      return msg;
    }
    return { role: b.label === "ASSISTANT" ? "assistant" : "user", content: b.body };
  });
}

/** A tool's labelled input or result: the JSON after the label when it is JSON, else the text. */
export function labelledValue(text: string): unknown {
  const blocks = labelledBlocks(text);
  const body = blocks.length === 1 ? blocks[0]!.body : text;
  const parsed = safeJsonParse(body);
  return parsed.ok ? parsed.value : body;
}
