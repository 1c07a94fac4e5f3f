/**
 * The AI SDK's message shapes -> the canonical OpenAI chat shapes.
 *
 * Two shapes reach telemetry: the caller's `ModelMessage`s inside `ai.prompt` (outer calls), and the
 * provider-level `LanguageModelV2/V3` prompt in `ai.prompt.messages` (one per provider request). They
 * share the roles (system, user, assistant, tool) and most part types; they differ in media parts
 * (`image` with `image` in the former; `file` with `data` + `mediaType` in both, `mimeType` before
 * AI SDK 5) and tool parts (`input` / `output` since AI SDK 5, `args` / `result` before).
 */
import type { ChatMessage, ChatTool, ContentPart, ToolCall } from "../../canonical/span.js";
import { safeJsonParse, safeJsonStringify } from "../../internal/json.js";
import { isPlainObject } from "../../internal/records.js";
import { normalizeRole, simplifyContent, toolCall } from "../../readers/chat.js";
import type { ParseContext } from "../../readers/context.js";
import { describeValue } from "../../readers/values.js";

import type { Obj } from "../../internal/records.js";

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);


// ---------------------------------------------------------------------------------------------
// Parts

/** A URL the SDK serialised (a `URL` becomes its href in JSON), or base64 data as a data URL. */
function mediaUrl(data: string, mediaType: string | undefined): string {
  if (/^(https?|data|gs|s3|file):/i.test(data)) return data;
  return `data:${mediaType ?? ""};base64,${data}`;
}

/** A media part (`file`, or the caller-level `image`) -> a canonical media part, never text. */
function mediaPart(part: Obj): ContentPart | undefined {
  const data = part.type === "image" ? part.image : part.data;
  if (typeof data !== "string") return undefined;
  const mediaType = str(part.mediaType) ?? str(part.mimeType) ?? (part.type === "image" ? "image/*" : undefined);
  if (mediaType?.startsWith("image/")) {
    return { type: "image_url", image_url: { url: mediaUrl(data, mediaType === "image/*" ? undefined : mediaType) } };
  }
  if (mediaType?.startsWith("audio/") && !/^(https?|data):/i.test(data)) {
    return { type: "input_audio", input_audio: { data, format: mediaType.slice("audio/".length) } };
  }
  const file: Obj = { file_data: mediaUrl(data, mediaType) };
  if (typeof part.filename === "string") file.filename = part.filename;
  return { type: "file", file } as ContentPart;
}

/** A tool result's output as the text of a tool message. */
export function toolOutputText(part: Obj): string | null {
  // AI SDK 5+: a typed output; before: `result`, any JSON value.
  const output = isPlainObject(part.output) ? part.output : undefined;
  if (output === undefined) {
    const result = "result" in part ? part.result : part.output;
    if (result === undefined || result === null) return null;
    return typeof result === "string" ? result : safeJsonStringify(result);
  }
  const value = output.value;
  switch (output.type) {
    case "text":
    case "error-text":
      return typeof value === "string" ? value : safeJsonStringify(value);
    case "content":
      if (Array.isArray(value) && value.every((p) => isPlainObject(p) && p.type === "text" && typeof p.text === "string")) {
        return value.map((p) => (p as Obj).text as string).join("");
      }
      return safeJsonStringify(value);
    case "execution-denied":
      return typeof output.reason === "string" ? output.reason : safeJsonStringify(output);
    default:
      // json, error-json, and any later type: the value's JSON (the whole output when it has no value).
      return safeJsonStringify(value === undefined ? output : value);
  }
}

/** A part kept as it came (a copy, without an own `__proto__`, which assignment would misread). */
function passThrough(part: Obj): ContentPart {
  const out: Obj = { type: part.type };
  for (const key in part) if (key !== "type" && key !== "__proto__") out[key] = part[key];
  return out as ContentPart;
}

// ---------------------------------------------------------------------------------------------
// Messages

/**
 * One AI SDK message -> canonical messages: a tool message holds one tool-result part per call, and
 * each becomes a `tool` message of its own (the OpenAI shape). Returns undefined for a value that is
 * not a message (the caller reports it).
 */
function convertMessage(raw: unknown, ctx: ParseContext, key: string): ChatMessage[] | undefined {
  if (!isPlainObject(raw) || typeof raw.role !== "string") return undefined;
  const role = normalizeRole(raw.role, ctx, key);
  const content = raw.content;
  if (typeof content === "string") return [{ role, content }];
  if (content === null || content === undefined) return [{ role, content: null }];
  if (!Array.isArray(content)) return undefined;

  const parts: ContentPart[] = [];
  const calls: ToolCall[] = [];
  const results: ChatMessage[] = [];
  for (const item of content) {
    if (typeof item === "string") {
      parts.push({ type: "text", text: item });
      continue;
    }
    if (!isPlainObject(item) || typeof item.type !== "string") {
      ctx.diagnose("unknown-content-part", "info", `${key}: a content part of ${role} message is not a typed part (${describeValue(item)}); kept as text`, key);
      parts.push({ type: "text", text: safeJsonStringify(item) });
      continue;
    }
    switch (item.type) {
      case "text":
        if (typeof item.text === "string") parts.push({ type: "text", text: item.text });
        else parts.push(passThrough(item));
        break;
      case "reasoning":
        if (typeof item.text === "string") parts.push({ type: "reasoning", text: item.text });
        else parts.push(passThrough(item));
        break;
      case "image":
      case "file":
        parts.push(mediaPart(item) ?? passThrough(item));
        break;
      case "tool-call":
        calls.push(toolCall(str(item.toolCallId), str(item.toolName) ?? "", "input" in item ? item.input : item.args));
        break;
      case "tool-result": {
        const m: ChatMessage = { role: "tool", content: toolOutputText(item) };
        if (typeof item.toolCallId === "string") m.tool_call_id = item.toolCallId;
        results.push(m);
        break;
      }
      default:
        ctx.diagnose("unknown-content-part", "info", `${key}: content part type ${describeValue(item.type)} is not a part we model; kept as given`, key);
        parts.push(passThrough(item));
    }
  }
  // Tool results answer the calls of the message before, so they come first (as in the GenAI parser).
  const out: ChatMessage[] = results;
  if (parts.length > 0 || calls.length > 0 || results.length === 0) {
    const m: ChatMessage = { role, content: simplifyContent(parts) };
    if (calls.length > 0) m.tool_calls = calls;
    out.push(m);
  }
  return out;
}

/**
 * A list of AI SDK messages -> canonical messages. An entry that is not a message is left out with an
 * `invalid-message` diagnostic on `key` (the caller then keeps the attribute raw); `undefined` when the
 * value is not a list at all.
 */
export function messagesFromVercel(value: unknown, ctx: ParseContext, key: string): ChatMessage[] | undefined {
  if (!Array.isArray(value)) {
    ctx.diagnose("invalid-message", "warning", `${key} should be a JSON list of messages, got ${describeValue(value)}; kept raw`, key);
    return undefined;
  }
  const out: ChatMessage[] = [];
  for (let i = 0; i < value.length; i++) {
    const converted = convertMessage(value[i], ctx, key);
    if (converted) for (const m of converted) out.push(m);
    else ctx.diagnose("invalid-message", "warning", `${key}[${i}] is not a message with a role and content (${describeValue(value[i])}); left out`, key);
  }
  return out;
}

/**
 * `ai.prompt` of an outer call, `{system?, prompt?, messages?}` as the caller passed them: `prompt` is
 * a string or a list of messages. The system text becomes the first message.
 */
export function promptFromVercel(value: unknown, ctx: ParseContext, key: string): ChatMessage[] | undefined {
  if (!isPlainObject(value)) {
    ctx.diagnose("invalid-message", "warning", `${key} should be a JSON object {system, prompt, messages}, got ${describeValue(value)}; kept raw`, key);
    return undefined;
  }
  const out: ChatMessage[] = [];
  if (typeof value.system === "string") out.push({ role: "system", content: value.system });
  else if (value.system !== undefined && value.system !== null) {
    // AI SDK 6 also takes system messages here.
    const system = Array.isArray(value.system) ? value.system : [value.system];
    const converted = messagesFromVercel(system, ctx, key);
    if (converted) out.push(...converted);
  }
  for (const field of ["prompt", "messages"] as const) {
    const v = value[field];
    if (v === undefined || v === null) continue;
    if (typeof v === "string") out.push({ role: "user", content: v });
    else {
      const converted = messagesFromVercel(v, ctx, key);
      if (converted) out.push(...converted);
    }
  }
  return out;
}

/**
 * `ai.response.toolCalls`: JSON list of `{toolCallId, toolName, input}` (`args` before AI SDK 5), the
 * input being the arguments' JSON text.
 */
export function toolCallsFromVercel(value: unknown, ctx: ParseContext, key: string): ToolCall[] | undefined {
  if (!Array.isArray(value)) {
    ctx.diagnose("invalid-value", "warning", `${key} should be a JSON list of tool calls, got ${describeValue(value)}; kept raw`, key);
    return undefined;
  }
  const calls: ToolCall[] = [];
  for (const raw of value) {
    if (!isPlainObject(raw) || typeof raw.toolName !== "string") {
      ctx.diagnose("invalid-value", "warning", `${key}: an entry is not a tool call with a toolName (${describeValue(raw)}); left out`, key);
      continue;
    }
    calls.push(toolCall(str(raw.toolCallId), raw.toolName, "input" in raw ? raw.input : raw.args));
  }
  return calls;
}

/**
 * `ai.prompt.tools`: a list of strings, each the JSON of one tool (`{type: "function", name,
 * description?, inputSchema}`; `parameters` before AI SDK 5). Provider-defined tools (`type:
 * "provider"` / `"provider-defined"`, run by the provider) have no function schema: they are not
 * ChatTools, and `skipped` counts them so the caller keeps the attribute.
 */
export function toolsFromVercel(value: unknown, ctx: ParseContext, key: string): { tools: ChatTool[]; skipped: number } | undefined {
  const list = typeof value === "string" ? [value] : value;
  if (!Array.isArray(list)) {
    ctx.diagnose("invalid-tool", "warning", `${key} should be a list of tool definitions, got ${describeValue(value)}; kept raw`, key);
    return undefined;
  }
  const tools: ChatTool[] = [];
  let skipped = 0;
  for (const entry of list) {
    let def: unknown = entry;
    if (typeof entry === "string") {
      const parsed = safeJsonParse(entry);
      def = parsed.ok ? parsed.value : undefined;
    }
    if (!isPlainObject(def)) {
      ctx.diagnose("invalid-tool", "warning", `${key}: an entry is not a JSON tool definition (${describeValue(entry)}); left out of tools`, key);
      skipped++;
      continue;
    }
    if (def.type !== undefined && def.type !== "function") {
      skipped++;
      continue;
    }
    if (typeof def.name !== "string" || def.name === "") {
      ctx.diagnose("invalid-tool", "warning", `${key}: a function tool has no name (${describeValue(def)}); left out of tools`, key);
      skipped++;
      continue;
    }
    const tool: ChatTool = { type: "function", function: { name: def.name } };
    if (typeof def.description === "string") tool.function.description = def.description;
    const schema = def.inputSchema ?? def.parameters;
    if (isPlainObject(schema)) tool.function.parameters = schema;
    if (typeof def.strict === "boolean") tool.function.strict = def.strict;
    tools.push(tool);
  }
  return { tools, skipped };
}

/** `ai.prompt.toolChoice` (`{type: "auto" | "none" | "required" | "tool", toolName?}`) -> OpenAI's `tool_choice`. */
export function toolChoiceFromVercel(value: unknown): unknown {
  if (typeof value === "string") return value;
  if (!isPlainObject(value) || typeof value.type !== "string") return undefined;
  if (value.type === "tool") return typeof value.toolName === "string" ? { type: "function", function: { name: value.toolName } } : undefined;
  return value.type;
}
