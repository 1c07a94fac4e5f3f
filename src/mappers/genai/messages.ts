/**
 * GenAI structured messages (`{role, parts}`) <-> the canonical OpenAI chat shapes, both directions.
 * Parsing normalises the older part shapes seen in the wild before the zod check; emitting writes the
 * pinned spec shapes only (see src/conventions/genai.ts).
 */
import type { ChatChoice, ChatMessage, ChatTool, ContentPart, ToolCall } from "../../span.js";
import { GenAiInputMessageSchema, GenAiOutputMessageSchema, GenAiPartSchema, type GenAiPart } from "../../conventions/genai.js";
import { safeJsonParse, safeJsonStringify } from "../../internal/json.js";
import { isPlainObject } from "../../internal/records.js";
import { normalizeRole, simplifyContent, toolCall } from "../chat.js";
import type { ParseContext } from "../context.js";

type Obj = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

// ---------------------------------------------------------------------------------------------
// Finish reasons

/** Spec finish reasons -> the OpenAI vocabulary of canonical choices. Other values are kept. */
export function finishReasonToCanonical(reason: unknown): string | null {
  if (typeof reason !== "string" || reason === "") return null;
  return reason === "tool_call" ? "tool_calls" : reason;
}

const TO_SPEC_FINISH: Readonly<Record<string, string>> = {
  tool_calls: "tool_call",
  function_call: "tool_call",
  tool_use: "tool_call",
  end_turn: "stop",
  stop_sequence: "stop",
  max_tokens: "length",
  STOP: "stop",
  MAX_TOKENS: "length",
  SAFETY: "content_filter",
};

/** Canonical / provider finish reasons -> the spec's enumerated values where one fits. */
export function finishReasonToSpec(reason: string): string {
  return Object.prototype.hasOwnProperty.call(TO_SPEC_FINISH, reason) ? TO_SPEC_FINISH[reason]! : reason;
}

// ---------------------------------------------------------------------------------------------
// Parsing: GenAI -> canonical

function guessModality(mime: unknown): string {
  if (typeof mime === "string") {
    if (mime.startsWith("image/")) return "image";
    if (mime.startsWith("audio/")) return "audio";
    if (mime.startsWith("video/")) return "video";
  }
  return "document";
}

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

// ---------------------------------------------------------------------------------------------
// Hot-path shape checks. Each returns true only when the zod schema in src/conventions/genai.ts
// would accept the value (it may be stricter, e.g. it wants plain objects); on false the caller
// runs the zod schema, which decides and words the diagnostic. The zod output is a copy of each
// part with `type` first and `__proto__` dropped; `passThroughPart` makes the same copy for the
// parts that reach the canonical span as they are.

const hasOwn = Object.prototype.hasOwnProperty;

/** `z.string().nullable().optional()` */
function isNullableString(v: unknown): boolean {
  return v === undefined || v === null || typeof v === "string";
}

/** `z.object({ type: z.string() }).loose()`, plain objects only. */
function isTypedRecord(v: unknown): boolean {
  return isPlainObject(v) && typeof (v as Obj).type === "string";
}

/** True when `GenAiPartSchema` surely accepts `raw`. */
export function isGenAiPart(raw: unknown): raw is GenAiPart {
  if (!isPlainObject(raw) || hasOwn.call(raw, "__proto__")) return false;
  const p = raw as Obj;
  const type = p.type;
  if (typeof type !== "string") return false;
  switch (type) {
    case "text":
    case "reasoning":
      return typeof p.content === "string";
    case "tool_call":
      return isNullableString(p.id) && typeof p.name === "string";
    case "tool_call_response":
      return isNullableString(p.id) && hasOwn.call(p, "response");
    case "server_tool_call":
      return isNullableString(p.id) && typeof p.name === "string" && isTypedRecord(p.server_tool_call);
    case "server_tool_call_response":
      return isNullableString(p.id) && isTypedRecord(p.server_tool_call_response);
    case "blob":
      return isNullableString(p.mime_type) && typeof p.modality === "string" && typeof p.content === "string" && isNullableString(p.transcript);
    case "file":
      return isNullableString(p.mime_type) && typeof p.modality === "string" && typeof p.file_id === "string" && isNullableString(p.transcript);
    case "uri":
      return isNullableString(p.mime_type) && typeof p.modality === "string" && typeof p.uri === "string" && isNullableString(p.transcript);
    case "compaction":
      return isNullableString(p.id) && isNullableString(p.content);
    default:
      return true;
  }
}

/** True when `GenAiInputMessageSchema` (or, with `output`, `GenAiOutputMessageSchema`) surely accepts `raw`. */
function isGenAiMessage(raw: unknown, output: boolean): raw is { role: string; parts: GenAiPart[]; name?: string | null; finish_reason?: string | null } {
  if (!isPlainObject(raw) || hasOwn.call(raw, "__proto__")) return false;
  const m = raw as Obj;
  if (typeof m.role !== "string" || !isNullableString(m.name)) return false;
  if (output && !isNullableString(m.finish_reason)) return false;
  const parts = m.parts;
  if (!Array.isArray(parts)) return false;
  for (let i = 0; i < parts.length; i++) if (!isGenAiPart(parts[i])) return false;
  return true;
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
  return toolCall(str(part.id) ?? undefined, str(part.name) ?? "", part.arguments);
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
        if (typeof part.id === "string") m.tool_call_id = part.id;
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

function describeIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  if (!issue) return "does not match the schema";
  const path = issue.path.map(String).join(".");
  return `${path ? `${path}: ` : ""}${issue.message}`;
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
    let valid: { role: string; parts: GenAiPart[]; name?: string | null | undefined };
    if (isGenAiMessage(msg, false)) valid = msg;
    else {
      const result = GenAiInputMessageSchema.safeParse(msg);
      if (!result.success) {
        ctx.diagnose("invalid-message", "warning", `${key}[${i}] is not a GenAI message (${describeIssue(result.error)}); left out`, key);
        continue;
      }
      valid = result.data;
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
    let valid: { role: string; parts: GenAiPart[]; name?: string | null | undefined; finish_reason?: string | null | undefined };
    if (isGenAiMessage(msg, true)) valid = msg;
    else {
      const result = GenAiOutputMessageSchema.safeParse(msg);
      if (!result.success) {
        ctx.diagnose("invalid-message", "warning", `${key}[${i}] is not a GenAI output message (${describeIssue(result.error)}); left out`, key);
        continue;
      }
      valid = result.data;
    }
    const msgs = messageFromGenAi(valid, ctx, key);
    const message = msgs[msgs.length - 1]!;
    choices.push({ index: choices.length, message, finish_reason: finishReasonToCanonical(valid.finish_reason) });
  }
  // Messages were written but none could be read (Gemini CLI's Gemini-shaped contents, say): no
  // choices at all rather than an empty list that claims the model answered nothing.
  if (choices.length === 0 && value.length > 0) return undefined;
  return choices;
}

/** `gen_ai.system_instructions` (a list of parts, or a bare string) -> one system message. */
export function systemFromGenAi(value: unknown, ctx: ParseContext, key: string): ChatMessage | undefined {
  if (typeof value === "string") return { role: "system", content: value };
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
    const result = GenAiPartSchema.safeParse(part);
    if (result.success) parts.push(result.data);
    else ctx.diagnose("invalid-message", "warning", `${key}[${i}] is not a GenAI part (${describeIssue(result.error)}); left out`, key);
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
    if (isPlainObject(fn.parameters)) tool.function.parameters = fn.parameters as Obj;
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

/** A JSON-ish value that may be a JSON string (sometimes encoded twice) -> the parsed value. */
export function parseMaybeJson(value: unknown): { ok: true; value: unknown } | { ok: false } {
  if (typeof value !== "string") return value === undefined ? { ok: false } : { ok: true, value };
  const first = safeJsonParse(value);
  if (!first.ok) return { ok: false };
  if (typeof first.value === "string") {
    const second = safeJsonParse(first.value);
    if (second.ok && second.value !== null && typeof second.value === "object") return { ok: true, value: second.value };
  }
  return { ok: true, value: first.value };
}

// ---------------------------------------------------------------------------------------------
// Emitting: canonical -> GenAI

function parseDataUrl(url: string): { mime: string | null; data: string } | undefined {
  if (!url.startsWith("data:")) return undefined;
  const comma = url.indexOf(",");
  if (comma < 0) return undefined;
  const meta = url.slice(5, comma);
  if (!meta.endsWith(";base64")) return undefined;
  const mime = meta.slice(0, -";base64".length);
  return { mime: mime === "" ? null : mime, data: url.slice(comma + 1) };
}

/** Tool-call arguments as the spec prefers them: the JSON value when the string is JSON. */
function argumentsValue(text: string): unknown {
  const parsed = safeJsonParse(text);
  return parsed.ok ? parsed.value : text;
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
  if (GenAiPartSchema.safeParse(part).success) return part as GenAiPart;
  return { type: "text", content: safeJsonStringify(part) };
}

function contentToParts(content: ChatMessage["content"]): GenAiPart[] {
  if (content === null || content === undefined) return [];
  if (typeof content === "string") return [{ type: "text", content }];
  return content.map(partToGenAi);
}

/** One canonical message -> one GenAI message. */
export function messageToGenAi(message: ChatMessage): { role: string; parts: GenAiPart[]; name?: string } {
  if (message.role === "tool" && message.tool_call_id !== undefined) {
    const response = typeof message.content === "string" ? message.content : message.content === null ? null : responseText(contentToParts(message.content).map((p) => (p.type === "text" ? { type: "text", text: p.content } : p)));
    return { role: "tool", parts: [{ type: "tool_call_response", id: message.tool_call_id, response }] };
  }
  const parts = contentToParts(message.content);
  if (message.refusal !== undefined) parts.push({ type: "refusal", content: message.refusal });
  for (const call of message.tool_calls ?? []) {
    parts.push({ type: "tool_call", id: call.id === "" ? null : call.id, name: call.function.name, arguments: argumentsValue(call.function.arguments) });
  }
  const out: { role: string; parts: GenAiPart[]; name?: string } = { role: message.role, parts };
  if (message.name !== undefined) out.name = message.name;
  return out;
}

export function toolToGenAi(tool: ChatTool): Obj {
  const out: Obj = { type: "function", name: tool.function.name };
  if (tool.function.description !== undefined) out.description = tool.function.description;
  if (tool.function.parameters !== undefined) out.parameters = tool.function.parameters;
  return out;
}
