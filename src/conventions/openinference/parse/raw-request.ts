/**
 * Chat content that only the raw request holds: `input.value`, the request body the instrumentation
 * copied as JSON, normalised to the OpenAI chat shapes and used to fill what the flattened
 * `llm.input_messages.*` lack. The flattened messages always win; nothing is added twice.
 *
 * What the captures show missing from the flattened keys, and where `input.value` has it:
 * - Bedrock InvokeModel (Anthropic, Nova bodies) and Converse: the system prompt, a top-level `system`
 *   (a string, or a list of `{text}` / `{type: "text", text}` blocks) -> a system message, first;
 * - Bedrock Converse tool results: the result text / JSON (`toolResult.content[k].text` / `.json`) ->
 *   the tool message's content (JSON as compact JSON text);
 * - Anthropic image blocks: the base64 data (`source.data`) -> an `image_url` part with a data URI;
 * - LangChain chat-model runs (`{"messages": [[…constructor envelopes…]]}`): a user turn's text and
 *   image parts, an AI turn's tool calls, tool-call ids.
 * A Llama InvokeModel body holds one templated `prompt` string: nothing in it is split out (the
 * flattened user message is that string already).
 *
 * Cost: the step looks at `input.value` only when a flattened message has a gap (empty content, no
 * tool-call id, an image without data, or no system message while the raw text names a `system`),
 * and parses it once (ParseContext.json caches it per span). `input.value` is only peeked at: it is
 * not consumed, so the whole request stays on the span as before. Nothing here throws on a value of
 * an unexpected shape; a message that cannot be read completely fills nothing.
 */
import type { ChatMessage, ContentPart, ToolCall } from "../../../canonical/span.js";
import { safeJsonStringify } from "../../../internal/json.js";
import { isPlainObject } from "../../../internal/records.js";
import type { Obj } from "../../../internal/records.js";
import { normalizeRole, simplifyContent } from "../../../readers/chat.js";
import { type ParseContext } from "../../../readers/context.js";
import { langChainChatInputs } from "../../../readers/langchain.js";
import { OI } from "../keys.js";
import type { ImageSink } from "./messages.js";
import { jsonValue } from "./values.js";

/** One message of the raw request in the OpenAI shape. */
interface RawMessage {
  message: ChatMessage;
  /** Every block of the message was understood: its content and tool calls may fill a gap. */
  complete: boolean;
  /** The image blocks in order (undefined for one whose data could not be read). */
  images: (ContentPart | undefined)[];
}

interface RawRequest {
  system: string | ContentPart[] | undefined;
  messages: RawMessage[];
}

// ---------------------------------------------------------------------------------------------
// Gaps (no parsing)

function isEmpty(content: ChatMessage["content"]): boolean {
  return content === null || content === "" || (Array.isArray(content) && content.length === 0);
}

/** Would `input.value` be asked anything? Decided from the flattened messages and a substring test. */
export function hasGaps(ctx: ParseContext, messages: readonly ChatMessage[], sink: ImageSink): boolean {
  if (sink.imagesWithoutData !== undefined) return true;
  let system = false;
  for (const m of messages) {
    if (m.role === "system" || m.role === "developer") system = true;
    const calls = m.tool_calls;
    if (isEmpty(m.content) && (m.role !== "assistant" || calls == null || calls.length === 0)) return true;
    if (m.role === "tool" && m.tool_call_id === undefined) return true;
    if (calls != null) for (const c of calls) if (c.id === "") return true;
  }
  if (system) return false;
  // A body with a system prompt of its own (Anthropic, Bedrock) names it; most requests without a system
  // message do not, and are never parsed here.
  const raw = ctx.get(OI.inputValue);
  return typeof raw === "string" && raw.includes('"system"');
}

// ---------------------------------------------------------------------------------------------
// The raw request, normalised

/** `system`: a string, or text blocks (Anthropic `{type: "text", text}`, Bedrock `{text}`, `{cachePoint}` markers skipped). */
function systemContent(value: unknown): string | ContentPart[] | undefined {
  if (typeof value === "string") return value === "" ? undefined : value;
  if (!Array.isArray(value)) return undefined;
  const parts: ContentPart[] = [];
  for (const block of value) {
    if (typeof block === "string") parts.push({ type: "text", text: block });
    else if (isPlainObject(block) && typeof block.text === "string" && (block.type === undefined || block.type === "text")) parts.push({ type: "text", text: block.text });
    else if (isPlainObject(block) && block.cachePoint !== undefined && Object.keys(block).length === 1) continue;
    else return undefined;
  }
  return simplifyContent(parts) ?? undefined;
}

/** An image block (Anthropic `{type: "image", source}`, Bedrock `{image: {format, source: {bytes}}}`) as an image_url part. */
function imagePart(block: Obj): ContentPart | undefined {
  if (block.type === "image" && isPlainObject(block.source)) {
    const src = block.source;
    if (src.type === "base64" && typeof src.media_type === "string" && typeof src.data === "string" && src.data !== "") {
      return { type: "image_url", image_url: { url: `data:${src.media_type};base64,${src.data}` } };
    }
    if (src.type === "url" && typeof src.url === "string") return { type: "image_url", image_url: { url: src.url } };
    return undefined;
  }
  const image = block.image;
  if (isPlainObject(image) && typeof image.format === "string" && isPlainObject(image.source) && typeof image.source.bytes === "string" && image.source.bytes !== "") {
    return { type: "image_url", image_url: { url: `data:image/${image.format};base64,${image.source.bytes}` } };
  }
  return undefined;
}

function isImageBlock(block: Obj): boolean {
  return block.type === "image" || (block.type === undefined && block.image !== undefined) || block.type === "image_url";
}

/** A tool result's content (string, or text / json / image blocks) as message content; undefined when a block is not understood. */
function toolResultContent(value: unknown): string | ContentPart[] | null | undefined {
  if (typeof value === "string") return value;
  if (!Array.isArray(value)) return undefined;
  const parts: ContentPart[] = [];
  for (const block of value) {
    if (!isPlainObject(block)) return undefined;
    if (typeof block.text === "string" && (block.type === undefined || block.type === "text")) parts.push({ type: "text", text: block.text });
    else if (block.type === undefined && "json" in block) parts.push({ type: "text", text: safeJsonStringify(block.json) });
    else {
      const image = isImageBlock(block) ? imagePart(block) : undefined;
      if (image === undefined) return undefined;
      parts.push(image);
    }
  }
  return simplifyContent(parts);
}

function call(id: unknown, name: unknown, input: unknown): ToolCall {
  return { id: typeof id === "string" ? id : "", type: "function", function: { name: typeof name === "string" ? name : "", arguments: typeof input === "string" ? input : safeJsonStringify(input ?? {}) } };
}

/**
 * One request message (Anthropic Messages, Bedrock Converse / Nova, or an OpenAI-shaped message
 * with string content or text / image_url parts) as OpenAI-shaped messages: tool results become
 * tool messages of their own, before what else the turn says.
 */
function rawMessages(m: unknown, out: RawMessage[]): void {
  if (!isPlainObject(m)) {
    out.push({ message: { role: "user", content: null }, complete: false, images: [] });
    return;
  }
  const role = normalizeRole(m.role);
  const content = m.content;
  const complete = m.tool_calls === undefined && m.tool_call_id === undefined;
  if (typeof content === "string" || content === null) {
    out.push({ message: { role, content }, complete, images: [] });
    return;
  }
  if (!Array.isArray(content)) {
    out.push({ message: { role, content: null }, complete: false, images: [] });
    return;
  }
  const parts: ContentPart[] = [];
  const calls: ToolCall[] = [];
  const images: (ContentPart | undefined)[] = [];
  let whole = complete;
  let results = 0;
  let others = 0;
  for (const block of content) {
    if (!isPlainObject(block)) {
      whole = false;
      others++;
      continue;
    }
    if (block.type === "tool_result" || (block.type === undefined && isPlainObject(block.toolResult))) {
      const r = block.type === "tool_result" ? block : (block.toolResult as Obj);
      const id = block.type === "tool_result" ? r.tool_use_id : r.toolUseId;
      const result = toolResultContent(r.content);
      const msg: ChatMessage = { role: "tool", content: result ?? null };
      if (typeof id === "string" && id !== "") msg.tool_call_id = id;
      out.push({ message: msg, complete: result !== undefined, images: [] });
      results++;
      continue;
    }
    if (block.type === undefined && block.cachePoint !== undefined && Object.keys(block).length === 1) continue;
    others++;
    if (typeof block.text === "string" && (block.type === undefined || block.type === "text")) parts.push({ type: "text", text: block.text });
    else if (block.type === "image_url" && isPlainObject(block.image_url) && typeof block.image_url.url === "string") {
      parts.push(block as unknown as ContentPart);
      images.push(block as unknown as ContentPart);
    } else if (isImageBlock(block)) {
      const image = imagePart(block);
      images.push(image);
      if (image === undefined) whole = false;
      else parts.push(image);
    } else if (block.type === "tool_use") calls.push(call(block.id, block.name, block.input));
    else if (block.type === undefined && isPlainObject(block.toolUse)) calls.push(call(block.toolUse.toolUseId, block.toolUse.name, block.toolUse.input));
    else whole = false;
  }
  // A turn made only of tool results is those tool messages.
  if (results > 0 && others === 0) return;
  const msg: ChatMessage = { role, content: simplifyContent(parts) };
  if (calls.length > 0) msg.tool_calls = calls;
  out.push({ message: msg, complete: whole, images });
}

/** LangChain passes a message's content through as given: a part list counts only when every part is an object with a type. */
function partsAreParts(content: ChatMessage["content"]): boolean {
  return !Array.isArray(content) || content.every((p) => isPlainObject(p) && typeof p.type === "string");
}

function imagesOf(content: ChatMessage["content"]): ContentPart[] {
  return Array.isArray(content) ? content.filter((p) => p.type === "image_url") : [];
}

/** The request in `input.value`, normalised; undefined when it is not JSON of a chat request we know. */
function rawRequest(ctx: ParseContext): RawRequest | undefined {
  const body = jsonValue(ctx, OI.inputValue, OI.inputMimeType);
  if (!isPlainObject(body) || !Array.isArray(body.messages)) return undefined;
  // LangChain: {"messages": [[envelopes]]}.
  const lc = langChainChatInputs(body);
  if (lc !== undefined) return { system: undefined, messages: lc.map((message) => ({ message, complete: partsAreParts(message.content), images: imagesOf(message.content) })) };
  const messages: RawMessage[] = [];
  for (const m of body.messages) rawMessages(m, messages);
  return { system: systemContent(body.system), messages };
}

// ---------------------------------------------------------------------------------------------
// Filling

function sameRole(a: string, b: string): boolean {
  return a === b || ((a === "system" || a === "developer") && (b === "system" || b === "developer"));
}

function fillMessage(m: ChatMessage, r: RawMessage, pending: Set<ContentPart>): void {
  const raw = r.message;
  if (r.complete) {
    if (isEmpty(m.content) && !isEmpty(raw.content)) m.content = raw.content;
    if ((m.tool_calls == null || m.tool_calls.length === 0) && raw.tool_calls != null && raw.tool_calls.length > 0) {
      m.tool_calls = raw.tool_calls.map((c) => ({ id: c.id, type: "function", function: { name: c.function.name, arguments: c.function.arguments } }));
      if (m.content === "") m.content = null;
    }
  }
  if (m.tool_calls && raw.tool_calls && m.tool_calls.length === raw.tool_calls.length) {
    m.tool_calls.forEach((c, j) => {
      const other = raw.tool_calls![j]!;
      if (c.id === "" && other.id !== "" && c.function.name === other.function.name) c.id = other.id;
    });
  }
  if (m.role === "tool" && m.tool_call_id === undefined && raw.tool_call_id !== undefined) m.tool_call_id = raw.tool_call_id;
  // Images without data: the k-th image of the flattened message is the k-th image block of the raw one.
  if (pending.size > 0 && Array.isArray(m.content)) {
    const parts = m.content;
    const ordinals: number[] = [];
    for (let i = 0; i < parts.length; i++) if (parts[i]!.type === "image_url" || pending.has(parts[i]!)) ordinals.push(i);
    if (ordinals.length !== r.images.length) return;
    ordinals.forEach((i, k) => {
      const image = r.images[k];
      if (image !== undefined && pending.has(parts[i]!)) {
        pending.delete(parts[i]!);
        parts[i] = image;
      }
    });
  }
}

/**
 * The flattened input messages with their gaps filled from `input.value` (see the header). Returns the
 * list to use (a new one when a system message is put first). Images still without data are reported.
 */
export function fillFromRawRequest(ctx: ParseContext, messages: ChatMessage[] | undefined, sink: ImageSink): ChatMessage[] | undefined {
  const pendingList = sink.imagesWithoutData;
  // The common case: nothing is missing, and nothing is parsed or allocated.
  if (pendingList === undefined && (messages === undefined || !hasGaps(ctx, messages, sink))) return messages;
  const pending = new Set<ContentPart>();
  if (pendingList !== undefined) for (const p of pendingList) pending.add(p.part);
  let out = messages;
  const request = messages !== undefined ? rawRequest(ctx) : undefined;
  if (messages !== undefined && request !== undefined) {
    if (request.system !== undefined && !messages.some((m) => m.role === "system" || m.role === "developer")) {
      out = [{ role: "system", content: request.system }, ...messages];
      ctx.diagnose("system-prompt-recovered", "info", `the input messages have no system message; the system prompt was taken from ${OI.inputValue} ("system") and put first`, OI.inputValue);
    }
    const list = out!;
    const raw: RawMessage[] = request.system !== undefined ? [{ message: { role: "system", content: request.system }, complete: true, images: [] }, ...request.messages] : request.messages;
    if (raw.length === list.length && list.every((m, i) => sameRole(m.role, raw[i]!.message.role))) {
      list.forEach((m, i) => fillMessage(m, raw[i]!, pending));
    } else {
      // Not the same list (a turn split differently): only tool results, matched by their call id.
      for (const m of list) {
        if (m.role !== "tool" || !isEmpty(m.content) || m.tool_call_id === undefined) continue;
        const r = raw.find((x) => x.complete && x.message.role === "tool" && x.message.tool_call_id === m.tool_call_id);
        if (r !== undefined && !isEmpty(r.message.content)) m.content = r.message.content;
      }
    }
  }
  if (pendingList !== undefined) for (const p of pendingList) {
    if (!pending.has(p.part)) continue;
    ctx.diagnose("unknown-content-part", "info", `${p.key} is an image without its data, which ${OI.inputValue} does not supply either; kept as given`, p.key);
  }
  return out;
}
