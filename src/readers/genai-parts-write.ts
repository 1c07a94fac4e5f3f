/**
 * Canonical chat messages, parts and tools -> the GenAI JSON shapes (`{role, parts:[{type, ...}]}`,
 * the pinned semconv-genai schemas): what `gen_ai.input.messages` / `gen_ai.output.messages` /
 * `gen_ai.tool.definitions` hold. Shared by the emitters that write those keys, the GenAI one and
 * the OpenLLMetry one (whose current releases write the same keys), with the small helpers the GenAI
 * reader uses too.
 */
import type { ChatChoice, ChatMessage, ChatTool, ContentPart } from "../canonical/span.js";
import { genAiPartIssue, withoutProtoKeys, type GenAiPart } from "./genai-shapes.js";
import { safeJsonParse, safeJsonStringify } from "../internal/json.js";
import { isPlainObject } from "../internal/records.js";
import type { Obj } from "../internal/records.js";

export const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

export function guessModality(mime: unknown): string {
  if (typeof mime === "string") {
    if (mime.startsWith("image/")) return "image";
    if (mime.startsWith("audio/")) return "audio";
    if (mime.startsWith("video/")) return "video";
  }
  return "document";
}

/** Tool results as text: strings stay, lists of text blocks are joined, anything else is JSON. */
export function responseText(response: unknown): string {
  if (typeof response === "string") return response;
  if (Array.isArray(response) && response.length > 0 && response.every((b) => isPlainObject(b) && (b as Obj).type === "text")) {
    return response.map((b) => {
      const block = b as Obj;
      return str(block.text) ?? str(block.content) ?? "";
    }).join("");
  }
  return safeJsonStringify(response);
}

export function parseDataUrl(url: string): { mime: string | null; data: string } | undefined {
  if (!url.startsWith("data:")) return undefined;
  const comma = url.indexOf(",");
  if (comma < 0) return undefined;
  const meta = url.slice(5, comma);
  if (!meta.endsWith(";base64")) return undefined;
  const mime = meta.slice(0, -";base64".length);
  return { mime: mime === "" ? null : mime, data: url.slice(comma + 1) };
}

/**
 * Canonical finish reason -> the value written. The canonical span keeps the provider's reason as the
 * source wrote it (`end_turn`, `tool_use`, `MAX_TOKENS`: every parser does, docs/genai.md), and the
 * spec's `finish_reason` / `gen_ai.response.finish_reasons` are open strings, so it is written as it
 * is: mapping `end_turn` to `stop` here could not be undone on read-back, and the round trip would
 * change the value. Only the canonical `tool_calls` is spelled the spec's way, `tool_call`, which
 * every reader maps back (readers/finish.ts).
 */
export function finishReasonToSpec(reason: string): string {
  return reason === "tool_calls" ? "tool_call" : reason;
}

/**
 * Tool-call arguments as the spec prefers them, the JSON value, but only when reading it back gives
 * the same text byte for byte (the reader encodes a structured value with JSON.stringify). Anything
 * else stays the original string: JSON with other spacing or key order, `null` (read back as "{}"),
 * numbers JSON cannot hold exactly, non-JSON text.
 */
export function argumentsValue(text: string): unknown {
  const parsed = safeJsonParse(text);
  if (!parsed.ok || parsed.value === null || typeof parsed.value !== "object") return text;
  return safeJsonStringify(parsed.value) === text ? parsed.value : text;
}

/** One canonical part -> one GenAI part (spec shapes; unknown parts pass through when they fit the schema). */
export function partToGenAi(part: ContentPart): GenAiPart {
  const p = part as Obj;
  switch (part.type) {
    case "text":
      if (typeof p.text === "string") return { type: "text", content: p.text };
      break;
    case "reasoning":
      if (typeof p.text === "string") return { type: "reasoning", content: p.text };
      break;
    case "image_url": {
      const image = isPlainObject(p.image_url) ? (p.image_url as Obj) : {};
      const url = str(image.url);
      if (url === undefined) break;
      const data = parseDataUrl(url);
      if (data) return { type: "blob", modality: "image", mime_type: data.mime, content: data.data };
      const out: GenAiPart = { type: "uri", modality: "image", uri: url };
      if (typeof image.mime_type === "string") out.mime_type = image.mime_type;
      return out;
    }
    case "input_audio": {
      const audio = isPlainObject(p.input_audio) ? (p.input_audio as Obj) : {};
      if (typeof audio.data !== "string") break;
      const format = str(audio.format);
      return { type: "blob", modality: "audio", mime_type: format ? `audio/${format}` : null, content: audio.data };
    }
    case "file": {
      const file = isPlainObject(p.file) ? (p.file as Obj) : {};
      const data = typeof file.file_data === "string" ? parseDataUrl(file.file_data) : undefined;
      if (data) return { type: "blob", modality: str(file.modality) ?? guessModality(data.mime), mime_type: data.mime, content: data.data };
      if (typeof file.file_id === "string") {
        const out: GenAiPart = { type: "file", modality: str(file.modality) ?? guessModality(file.mime_type), file_id: file.file_id };
        if (typeof file.mime_type === "string") out.mime_type = file.mime_type;
        return out;
      }
      break;
    }
  }
  // Anything else (or a known type missing its fields): kept verbatim when the schema accepts it.
  if (genAiPartIssue(withoutProtoKeys(part)) === undefined) return part as GenAiPart;
  return { type: "text", content: safeJsonStringify(part) };
}

function contentToParts(content: ChatMessage["content"]): GenAiPart[] {
  if (content === null || content === undefined) return [];
  if (typeof content === "string") return [{ type: "text", content }];
  return content.map(partToGenAi);
}

/** One canonical message -> one GenAI message. */
export function messageToGenAi(message: ChatMessage): { role: string; parts: GenAiPart[]; name?: string } {
  if (message.role === "tool" && message.tool_call_id != null) {
    const response = typeof message.content === "string" ? message.content : message.content === null ? null : responseText(contentToParts(message.content).map((p) => (p.type === "text" ? { type: "text", text: p.content } : p)));
    return { role: "tool", parts: [{ type: "tool_call_response", id: message.tool_call_id, response }] };
  }
  const parts = contentToParts(message.content);
  if (message.refusal != null) parts.push({ type: "refusal", content: message.refusal });
  for (const call of message.tool_calls ?? []) {
    parts.push({ type: "tool_call", id: call.id === "" ? null : call.id, name: call.function.name, arguments: argumentsValue(call.function.arguments) });
  }
  const out: { role: string; parts: GenAiPart[]; name?: string } = { role: message.role, parts };
  if (message.name != null) out.name = message.name;
  return out;
}

/**
 * Chat choices -> GenAI output messages, one per choice with its `finish_reason` (a `tool` reply is
 * written as the assistant's), and the reasons in order for `gen_ai.response.finish_reasons`: only
 * when every choice has one, so positions match.
 */
export function choicesToGenAi(choices: readonly ChatChoice[]): { messages: Obj[]; finishReasons: string[] | undefined } {
  const reasons: string[] = [];
  const messages = choices.map((c) => {
    const m: Obj = messageToGenAi(c.message);
    if (c.message.role === "tool") m.role = "assistant";
    if (typeof c.finish_reason === "string" && c.finish_reason !== "") {
      const reason = finishReasonToSpec(c.finish_reason);
      m.finish_reason = reason;
      reasons.push(reason);
    }
    return m;
  });
  return { messages, finishReasons: reasons.length > 0 && reasons.length === choices.length ? reasons : undefined };
}

export function toolToGenAi(tool: ChatTool): Obj {
  const out: Obj = { type: "function", name: tool.function.name };
  if (tool.function.description !== undefined) out.description = tool.function.description;
  if (tool.function.parameters !== undefined) out.parameters = tool.function.parameters;
  return out;
}
