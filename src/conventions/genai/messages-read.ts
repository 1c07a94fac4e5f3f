import { finishReason } from "../../readers/finish.js";
/**
 * GenAI structured messages (`{role, parts}`) -> the canonical OpenAI chat shapes. Parsing normalises
 * the older part shapes seen in the wild before the zod check. The other direction, shared with the
 * OpenLLMetry emitter, is src/readers/genai-parts-write.ts.
 */
import type { ChatChoice, ChatMessage, ChatTool, ContentPart, ToolCall } from "../../canonical/span.js";
import { genAiMessageIssue, genAiPartIssue, isGenAiMessage, isGenAiPart, withoutProtoKeys, type GenAiMessageShape, type GenAiPart } from "../../readers/genai-shapes.js";
import { guessModality, parseDataUrl, responseText, str } from "../../readers/genai-parts-write.js";
import { safeJsonParse, safeJsonStringify } from "../../internal/json.js";
import { isPlainObject } from "../../internal/records.js";
import { normalizeRole, simplifyContent, toolCall } from "../../readers/chat.js";
import type { ParseContext } from "../../readers/context.js";
import type { Obj } from "../../internal/records.js";

// ---------------------------------------------------------------------------------------------
// Parsing: GenAI -> canonical


/** Older or vendor part shapes -> the pinned shapes. Returns the input when nothing changes. */
export function normalizePart(raw: unknown): unknown {
  if (typeof raw === "string") return { type: "text", content: raw };
  if (!isPlainObject(raw)) return raw;
  const part = raw as Obj;
  const type = part.type;
  if (type === "text" && typeof part.content !== "string" && typeof part.text === "string") {
    const { text, ...rest } = part;
    return { ...rest, content: text };
  }
  if (type === "reasoning" && typeof part.content !== "string" && typeof part.text === "string") {
    const { text, ...rest } = part;
    return { ...rest, content: text };
  }
  if (type === "tool_call" && typeof part.name !== "string" && isPlainObject(part.function)) {
    const fn = part.function as Obj;
    const { function: _f, ...rest } = part;
    return { ...rest, name: fn.name, arguments: fn.arguments };
  }
  if (type === "tool_call_response" && !("response" in part) && "result" in part) {
    const { result, ...rest } = part;
    return { ...rest, response: result };
  }
  if (type === "file_data") {
    // semantic-conventions v1.38 FileDataPart: a uri or a file id.
    const { type: _t, uri, file_id, ...rest } = part;
    if (typeof file_id === "string") return { ...rest, type: "file", file_id, modality: part.modality ?? guessModality(part.mime_type) };
    return { ...rest, type: "uri", uri, modality: part.modality ?? guessModality(part.mime_type) };
  }
  if ((type === "blob" || type === "uri" || type === "file") && part.modality === undefined) {
    return { ...part, modality: guessModality(part.mime_type) };
  }
  return raw;
}

/** A message in an older shape (`content` instead of `parts`) -> `{role, parts}`. */
function normalizeMessage(raw: unknown, defaultRole?: string): unknown {
  if (!isPlainObject(raw)) return raw;
  const msg = raw as Obj;
  let parts = msg.parts;
  let changed = false;
  if (parts === undefined && "content" in msg) {
    const c = msg.content;
    parts = c === null || c === undefined ? [] : Array.isArray(c) ? c : [c];
    changed = true;
  }
  if (Array.isArray(parts)) {
    // Copy the list only when a part changes (most messages are already in the pinned shape).
    let normalized: unknown[] | undefined;
    for (let i = 0; i < parts.length; i++) {
      const before: unknown = parts[i];
      const after = normalizePart(before);
      if (normalized === undefined && (changed || after !== before)) normalized = parts.slice(0, i);
      if (normalized !== undefined) normalized.push(after);
    }
    if (normalized !== undefined) {
      parts = normalized;
      changed = true;
    }
  }
  let role = msg.role;
  if ((role === undefined || role === null) && defaultRole) {
    role = defaultRole;
    changed = true;
  }
  if (!changed) return raw;
  const { content: _c, ...rest } = msg;
  return { ...(parts === msg.parts ? msg : rest), role, parts };
}

/** A part kept as it is in the canonical span: the copy zod's loose object makes (`type` first, no `__proto__`). */
function passThroughPart(part: GenAiPart): ContentPart {
  const out: Obj = { type: part.type };
  for (const key in part) {
    if (key === "type" || key === "__proto__") continue;
    out[key] = part[key];
  }
  return out as ContentPart;
}


function dataUrl(mime: unknown, data: string): string {
  return `data:${typeof mime === "string" ? mime : ""};base64,${data}`;
}

/** One GenAI media part -> a canonical media part (kept as a media part, never text). */
function mediaPart(part: Obj): ContentPart {
  const modality = part.modality;
  const mime = part.mime_type;
  if (part.type === "blob" && typeof part.content === "string") {
    if (modality === "image") return { type: "image_url", image_url: { url: dataUrl(mime, part.content) } };
    if (modality === "audio" && (typeof mime !== "string" || mime.startsWith("audio/"))) {
      const format = typeof mime === "string" ? mime.slice("audio/".length) : "";
      return { type: "input_audio", input_audio: { data: part.content, format } };
    }
    return { type: "file", file: { file_data: dataUrl(mime, part.content), modality } };
  }
  if (part.type === "uri" && modality === "image" && typeof part.uri === "string" && !part.uri.startsWith("data:")) {
    const image: { url: string; mime_type?: string } = { url: part.uri };
    if (typeof mime === "string") image.mime_type = mime;
    return { type: "image_url", image_url: image };
  }
  if (part.type === "file" && typeof part.file_id === "string") {
    const file: Obj = { file_id: part.file_id, modality };
    if (typeof mime === "string") file.mime_type = mime;
    return { type: "file", file } as ContentPart;
  }
  return passThroughPart(part as GenAiPart);
}

function toolCallFromPart(part: Obj): ToolCall {
  return toolCall(partCallId(part), str(part.name) ?? "", part.arguments);
}

/**
 * The call id of a tool_call / tool_call_response part: `call_id` when set, else `id`. Contrib OpenAI
 * 0.22 with the Responses API writes the call id (what the tool result refers to) as `call_id`, and
 * in `id` either an empty AnyValue or the output item's own id (`fc_…`), which nothing refers to.
 */
function partCallId(part: Obj): string | undefined {
  const callId = str(part.call_id);
  if (callId !== undefined && callId !== "") return callId;
  return str(part.id);
}

/**
 * One validated GenAI message -> canonical messages. Tool-call responses become `tool` messages of
 * their own (the OpenAI shape); they come first, as the tool results precede any further user text.
 */
export function messageFromGenAi(msg: { role: string; parts: GenAiPart[]; name?: string | null | undefined }, ctx: ParseContext, key: string): ChatMessage[] {
  const role = normalizeRole(msg.role, ctx, key);
  const content: ContentPart[] = [];
  const toolCalls: ToolCall[] = [];
  const responses: ChatMessage[] = [];
  let refusal: string | undefined;
  for (const part of msg.parts) {
    switch (part.type) {
      case "text":
        content.push({ type: "text", text: part.content as string });
        break;
      case "reasoning":
        content.push({ type: "reasoning", text: part.content as string });
        break;
      case "tool_call":
        toolCalls.push(toolCallFromPart(part));
        break;
      case "tool_call_response": {
        const m: ChatMessage = { role: "tool", content: part.response === null || part.response === undefined ? null : responseText(part.response) };
        const callId = partCallId(part);
        if (callId !== undefined) m.tool_call_id = callId;
        responses.push(m);
        break;
      }
      case "refusal":
        if (typeof part.content === "string" && refusal === undefined) refusal = part.content;
        else content.push(passThroughPart(part));
        break;
      case "blob":
      case "uri":
      case "file":
        content.push(mediaPart(part));
        break;
      default:
        content.push(passThroughPart(part));
    }
  }
  const out: ChatMessage[] = [...responses];
  if (content.length > 0 || toolCalls.length > 0 || refusal !== undefined || responses.length === 0) {
    const m: ChatMessage = { role, content: simplifyContent(content) };
    if (toolCalls.length > 0) m.tool_calls = toolCalls;
    if (typeof msg.name === "string") m.name = msg.name;
    if (refusal !== undefined) m.refusal = refusal;
    out.push(m);
  }
  return out;
}


/**
 * A parsed `gen_ai.input.messages`-like value -> canonical messages. Each message is normalised and
 * checked on its own; a bad one is left out with an `invalid-message` diagnostic.
 */
export function inputMessagesFromGenAi(value: unknown, ctx: ParseContext, key: string): ChatMessage[] | undefined {
  if (!Array.isArray(value)) {
    ctx.diagnose("invalid-message", "warning", `${key} should be a JSON array of {role, parts} messages; kept raw`, key);
    return undefined;
  }
  const out: ChatMessage[] = [];
  for (let i = 0; i < value.length; i++) {
    if (!(i in value)) continue; // a hole (as forEach skips it)
    const msg = normalizeMessage(value[i]);
    let valid: GenAiMessageShape;
    if (isGenAiMessage(msg, false)) valid = msg;
    else {
      const clean = withoutProtoKeys(msg);
      const issue = genAiMessageIssue(clean, false);
      if (issue !== undefined) {
        ctx.diagnose("invalid-message", "warning", `${key}[${i}] is not a GenAI message (${issue}); left out`, key);
        continue;
      }
      valid = clean as GenAiMessageShape;
    }
    const msgs = messageFromGenAi(valid, ctx, key);
    for (let k = 0; k < msgs.length; k++) out.push(msgs[k]!);
  }
  // As for output messages: none readable is no messages, not an empty conversation.
  if (out.length === 0 && value.length > 0) return undefined;
  return out;
}

export interface OutputMessages {
  choices: ChatChoice[];
}

/** A parsed `gen_ai.output.messages` value -> canonical choices (finish reasons as in the message). */
export function outputChoicesFromGenAi(value: unknown, ctx: ParseContext, key: string): ChatChoice[] | undefined {
  if (!Array.isArray(value)) {
    ctx.diagnose("invalid-message", "warning", `${key} should be a JSON array of {role, parts, finish_reason} messages; kept raw`, key);
    return undefined;
  }
  const choices: ChatChoice[] = [];
  for (let i = 0; i < value.length; i++) {
    if (!(i in value)) continue; // a hole (as forEach skips it)
    const msg = normalizeMessage(value[i], "assistant");
    let valid: GenAiMessageShape;
    if (isGenAiMessage(msg, true)) valid = msg;
    else {
      const clean = withoutProtoKeys(msg);
      const issue = genAiMessageIssue(clean, true);
      if (issue !== undefined) {
        ctx.diagnose("invalid-message", "warning", `${key}[${i}] is not a GenAI output message (${issue}); left out`, key);
        continue;
      }
      valid = clean as GenAiMessageShape;
    }
    const msgs = messageFromGenAi(valid, ctx, key);
    const message = msgs[msgs.length - 1]!;
    choices.push({ index: choices.length, message, finish_reason: finishReason(valid.finish_reason) });
  }
  // Messages were written but none could be read (Gemini CLI's Gemini-shaped contents, say): no
  // choices at all rather than an empty list that claims the model answered nothing.
  if (choices.length === 0 && value.length > 0) return undefined;
  return choices;
}

/** `gen_ai.system_instructions` (a list of parts, or a bare string) -> one system message. */
export function systemFromGenAi(value: unknown, ctx: ParseContext, key: string): ChatMessage | undefined {
  if (typeof value === "string") {
    // Text as is, or text JSON-encoded once more (a JSON string literal: Gemini CLI).
    if (value.length > 1 && value.startsWith('"') && value.endsWith('"')) {
      const inner = ctx.jsonScalar(value); // not JSON: the text itself
      if (inner.ok && typeof inner.value === "string") return { role: "system", content: inner.value };
    }
    return { role: "system", content: value };
  }
  if (!Array.isArray(value)) {
    ctx.diagnose("invalid-message", "warning", `${key} should be a JSON array of parts; kept raw`, key);
    return undefined;
  }
  const parts: GenAiPart[] = [];
  for (let i = 0; i < value.length; i++) {
    if (!(i in value)) continue; // a hole (as forEach skips it)
    const part = normalizePart(value[i]);
    if (isGenAiPart(part)) {
      parts.push(part);
      continue;
    }
    const clean = withoutProtoKeys(part);
    const issue = genAiPartIssue(clean);
    if (issue === undefined) parts.push(clean as GenAiPart);
    else ctx.diagnose("invalid-message", "warning", `${key}[${i}] is not a GenAI part (${issue}); left out`, key);
  }
  if (parts.length === 0) return undefined;
  return messageFromGenAi({ role: "system", parts }, ctx, key)[0];
}

/** `gen_ai.tool.definitions` (flat spec shape, or the nested OpenAI shape some SDKs write) -> ChatTools. */
export function toolsFromGenAi(value: unknown, ctx: ParseContext, key: string): ChatTool[] | undefined {
  if (!Array.isArray(value)) {
    ctx.diagnose("invalid-value", "warning", `${key} should be a JSON array of tool definitions; kept raw`, key);
    return undefined;
  }
  const tools: ChatTool[] = [];
  let skipped = 0;
  for (const raw of value) {
    if (!isPlainObject(raw)) {
      skipped++;
      continue;
    }
    const def = raw as Obj;
    const fn = isPlainObject(def.function) ? (def.function as Obj) : def;
    const type = def.type ?? "function";
    if (type !== "function" || typeof fn.name !== "string") {
      skipped++;
      continue;
    }
    const tool: ChatTool = { type: "function", function: { name: fn.name } };
    if (typeof fn.description === "string") tool.function.description = fn.description;
    const parameters = toolParameters(fn);
    if (parameters !== undefined) tool.function.parameters = parameters;
    if (typeof fn.strict === "boolean") tool.function.strict = fn.strict;
    tools.push(tool);
  }
  if (skipped > 0) {
    ctx.diagnose("invalid-value", "info", `${skipped} of ${value.length} entries of ${key} are not function tools with a name; they are left out of tools (kept in the attribute)`, key);
    // Tools were offered but none could be read (Gemini's `{functionDeclarations: [...]}` groups,
    // say): an empty list would claim that no tools were offered.
    if (tools.length === 0) return undefined;
  }
  return tools;
}

/**
 * A tool's JSON schema: `parameters` (OpenAI), `input_schema` (Anthropic), `inputSchema` (AI SDK 7's
 * GenAI spans, MCP), and Bedrock's `inputSchema: {json: {...}}` unwrapped.
 */
function toolParameters(fn: Obj): Obj | undefined {
  const params = fn.parameters ?? fn.input_schema ?? fn.inputSchema;
  if (!isPlainObject(params)) return undefined;
  const keys = Object.keys(params);
  if (keys.length === 1 && keys[0] === "json" && isPlainObject(params.json)) return params.json as Obj;
  return params as Obj;
}
