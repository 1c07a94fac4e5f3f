/**
 * Gemini's content shapes (the `generateContent` API, as `@google/genai` and the Python SDK serialise
 * them) -> the OpenAI chat shapes of the canonical span. Several sources copy these objects verbatim
 * into span attributes (Google ADK's `llm_request` / `llm_response`, Gemini CLI's messages), so the
 * conversion lives here, once.
 *
 * Gemini content: `{role: "user" | "model" | "function", parts: [Part]}`; a Part holds one of `text`
 * (with `thought: true` for thinking summaries), `functionCall {name, args, id?}`,
 * `functionResponse {name, response, id?}`, `inlineData {mimeType, data}`, `fileData {mimeType,
 * fileUri}`, `executableCode`, `codeExecutionResult`. One content may mix function responses with
 * other parts: each function response becomes its own `tool` message, in order.
 */
import type { ChatChoice, ChatMessage, ChatTool, ContentPart, ToolCall } from "../canonical/span.js";
import { safeJsonStringify } from "../internal/json.js";
import { isPlainObject, type Obj } from "../internal/records.js";
import { choice, message, normalizeRole, simplifyContent, toolCall } from "./chat.js";
import type { ParseContext, PartialUsage } from "./context.js";
import { finishReason } from "./finish.js";
import { describeValue } from "./values.js";

/** Gemini's `FinishReason` enum -> the OpenAI vocabulary (values not listed are lower-cased). */
const FINISH_REASONS: Readonly<Record<string, string>> = {
  STOP: "stop",
  MAX_TOKENS: "length",
  SAFETY: "content_filter",
  RECITATION: "content_filter",
  BLOCKLIST: "content_filter",
  PROHIBITED_CONTENT: "content_filter",
  SPII: "content_filter",
  IMAGE_SAFETY: "content_filter",
  MALFORMED_FUNCTION_CALL: "malformed_function_call",
};

export function geminiFinishReason(reason: unknown): string | null {
  if (typeof reason !== "string" || reason === "") return null;
  const known = FINISH_REASONS[reason.toUpperCase()];
  return known ?? finishReason(reason.toLowerCase());
}

function text(value: unknown): string {
  return typeof value === "string" ? value : safeJsonStringify(value);
}

/** A function response as tool-message content: `{output: "text"}` (Gemini CLI's wrapper) is the text, anything else its JSON. */
function responseText(value: unknown): string {
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === "output" && typeof value.output === "string") return value.output;
  }
  return text(value ?? null);
}

/** A media part (`inlineData` / `fileData`) as a canonical part: images as `image_url`, the rest as `file`. */
function mediaPart(part: Obj): ContentPart | undefined {
  if (isPlainObject(part.inlineData)) {
    const { mimeType, data } = part.inlineData as Obj;
    const mime = typeof mimeType === "string" ? mimeType : "application/octet-stream";
    const url = `data:${mime};base64,${typeof data === "string" ? data : ""}`;
    return mime.startsWith("image/") ? { type: "image_url", image_url: { url } } : { type: "file", file: { file_data: url } };
  }
  if (isPlainObject(part.fileData)) {
    const { mimeType, fileUri } = part.fileData as Obj;
    const uri = typeof fileUri === "string" ? fileUri : "";
    if (typeof mimeType === "string" && mimeType.startsWith("image/")) return { type: "image_url", image_url: { url: uri } };
    return { type: "file", file: { file_id: uri, ...(typeof mimeType === "string" ? { mime_type: mimeType } : {}) } };
  }
  return undefined;
}

interface Converted {
  /** The message of the content itself (text, media, function calls); undefined when it had only function responses. */
  main: ChatMessage | undefined;
  /** One `tool` message per function response, in order. */
  toolResults: ChatMessage[];
}

/**
 * One Gemini content -> chat messages, or undefined (with an `invalid-message` diagnostic) when it is
 * not a content object. Unknown parts are kept as they came (`unknown-content-part`).
 */
function convertContent(value: unknown, ctx: ParseContext | undefined, key: string | undefined, index: number): Converted | undefined {
  if (!isPlainObject(value) || !Array.isArray(value.parts)) {
    ctx?.diagnose("invalid-message", "warning", `${key ?? "content"}[${index}] is not a Gemini content ({role, parts}): ${describeValue(value)}; left out`, key);
    return undefined;
  }
  const role = value.role === undefined ? "user" : normalizeRole(value.role, ctx, key);
  const parts: ContentPart[] = [];
  const calls: ToolCall[] = [];
  const toolResults: ChatMessage[] = [];
  for (const part of value.parts as unknown[]) {
    if (!isPlainObject(part)) {
      ctx?.diagnose("invalid-message", "warning", `${key ?? "content"}[${index}] has a part that is not an object: ${describeValue(part)}; left out`, key);
      continue;
    }
    if (typeof part.text === "string") {
      parts.push(part.thought === true ? { type: "reasoning", text: part.text } : { type: "text", text: part.text });
    } else if (isPlainObject(part.functionCall)) {
      const call = part.functionCall as Obj;
      calls.push(toolCall(typeof call.id === "string" ? call.id : undefined, typeof call.name === "string" ? call.name : "", call.args));
    } else if (isPlainObject(part.functionResponse)) {
      const response = part.functionResponse as Obj;
      // OpenAI's tool message has no name (the call it answers has): only the id links them, and
      // without one (the Gemini API gives none; order links them) the message has no tool_call_id.
      const id = typeof response.id === "string" && response.id !== "" ? { tool_call_id: response.id } : undefined;
      toolResults.push(message("tool", responseText(response.response), id));
    } else {
      const media = mediaPart(part);
      if (media) parts.push(media);
      else if (isPlainObject(part.executableCode) || isPlainObject(part.codeExecutionResult)) {
        parts.push({ type: isPlainObject(part.executableCode) ? "executable_code" : "code_execution_result", ...(part as Obj) });
      } else {
        ctx?.diagnose("unknown-content-part", "info", `${key ?? "content"}[${index}] has a Gemini part of an unknown kind (${describeValue(part)}); kept as it came`, key);
        parts.push({ type: "unknown", ...(part as Obj) });
      }
    }
  }
  let main: ChatMessage | undefined;
  if (parts.length > 0 || calls.length > 0 || toolResults.length === 0) {
    main = message(role, simplifyContent(parts), calls.length > 0 ? { tool_calls: calls } : undefined);
  }
  return { main, toolResults };
}

/**
 * Gemini `contents` (plus an optional system instruction: a string, a content, or a list of parts)
 * -> chat messages, or undefined when `contents` is not a list.
 */
export function geminiMessages(contents: unknown, systemInstruction: unknown, ctx?: ParseContext, key?: string): ChatMessage[] | undefined {
  if (!Array.isArray(contents)) return undefined;
  const messages: ChatMessage[] = [];
  const system = systemText(systemInstruction);
  if (system !== undefined) messages.push(message("system", system));
  contents.forEach((content, i) => {
    const converted = convertContent(content, ctx, key, i);
    if (!converted) return;
    if (converted.main) messages.push(converted.main);
    messages.push(...converted.toolResults);
  });
  return messages;
}

function systemText(value: unknown): string | undefined {
  if (typeof value === "string") return value === "" ? undefined : value;
  const parts = isPlainObject(value) ? value.parts : Array.isArray(value) ? value : undefined;
  if (!Array.isArray(parts)) return undefined;
  const texts: string[] = [];
  for (const part of parts) {
    if (typeof part === "string") texts.push(part);
    else if (isPlainObject(part) && typeof part.text === "string") texts.push(part.text);
  }
  return texts.length > 0 ? texts.join("\n") : undefined;
}

/**
 * Model contents of a reply -> one assistant message: the parts of several contents (a streamed
 * reply recorded chunk by chunk) are joined, adjacent text chunks into one text.
 */
export function geminiReplyMessage(contents: readonly unknown[], ctx?: ParseContext, key?: string): ChatMessage | undefined {
  const parts: ContentPart[] = [];
  const calls: ToolCall[] = [];
  let any = false;
  contents.forEach((content, i) => {
    const converted = convertContent(content, ctx, key, i);
    if (!converted?.main) return;
    any = true;
    const m = converted.main;
    if (m.tool_calls) calls.push(...m.tool_calls);
    const list: ContentPart[] = typeof m.content === "string" ? [{ type: "text", text: m.content }] : (m.content ?? []);
    for (const part of list) {
      const last = parts[parts.length - 1];
      if (part.type === "text" && last?.type === "text") (last as { text: string }).text += (part as { text: string }).text;
      else parts.push({ ...part } as ContentPart);
    }
  });
  if (!any) return undefined;
  return message("assistant", simplifyContent(parts), calls.length > 0 ? { tool_calls: calls } : undefined);
}

/** A `GenerateContentResponse`-like object (`{content}` as ADK writes it, or `{candidates: [{content, finishReason}]}`) -> choices. */
export function geminiChoices(response: Obj, ctx?: ParseContext, key?: string): ChatChoice[] | undefined {
  if (Array.isArray(response.candidates)) {
    const choices: ChatChoice[] = [];
    response.candidates.forEach((candidate: unknown, i: number) => {
      if (!isPlainObject(candidate)) return;
      const msg = isPlainObject(candidate.content) ? geminiReplyMessage([candidate.content], ctx, key) : undefined;
      choices.push(choice(typeof candidate.index === "number" ? candidate.index : i, msg ?? message("assistant", null), geminiFinishReason(candidate.finishReason)));
    });
    return choices;
  }
  if (isPlainObject(response.content) || response.finishReason !== undefined) {
    const msg = isPlainObject(response.content) ? geminiReplyMessage([response.content], ctx, key) : undefined;
    return [choice(0, msg ?? message("assistant", null), geminiFinishReason(response.finishReason))];
  }
  return undefined;
}

/**
 * `config.tools` / a tool list (`[{functionDeclarations: [...]}]`) -> chat tools. Gemini's own schema
 * spells types upper-case (`OBJECT`); they are lower-cased to JSON Schema. Declarations without a name
 * are left out (`invalid-tool`); tools that are not function declarations (googleSearch, codeExecution)
 * are not chat tools and are skipped.
 */
export function geminiTools(value: unknown, ctx?: ParseContext, key?: string): ChatTool[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const tools: ChatTool[] = [];
  for (const tool of value) {
    if (!isPlainObject(tool) || !Array.isArray(tool.functionDeclarations)) continue;
    for (const decl of tool.functionDeclarations as unknown[]) {
      if (!isPlainObject(decl) || typeof decl.name !== "string" || decl.name === "") {
        ctx?.diagnose("invalid-tool", "warning", `${key ?? "tools"}: a function declaration without a name (${describeValue(decl)}); left out`, key);
        continue;
      }
      const fn: ChatTool["function"] = { name: decl.name };
      if (typeof decl.description === "string") fn.description = decl.description;
      const schema = isPlainObject(decl.parametersJsonSchema) ? decl.parametersJsonSchema : isPlainObject(decl.parameters) ? lowerSchema(decl.parameters) : undefined;
      if (schema !== undefined) fn.parameters = schema as Record<string, unknown>;
      tools.push({ type: "function", function: fn });
    }
  }
  return tools;
}

/** Gemini's OpenAPI-subset schema with upper-case `type` values -> JSON Schema spelling. */
function lowerSchema(value: unknown, depth = 0): unknown {
  if (depth > 64) return value;
  if (Array.isArray(value)) return value.map((v) => lowerSchema(v, depth + 1));
  if (!isPlainObject(value)) return value;
  const out: Obj = {};
  for (const k of Object.keys(value)) {
    const v = value[k];
    if (k === "type" && typeof v === "string") out[k] = v.toLowerCase();
    else if (k === "properties" && isPlainObject(v)) {
      const props: Obj = {};
      for (const p of Object.keys(v)) props[p] = lowerSchema(v[p], depth + 1);
      out[k] = props;
    } else if (k === "items" || k === "anyOf") out[k] = lowerSchema(v, depth + 1);
    else out[k] = v;
  }
  return out;
}

/** A request `config` -> OpenAI request parameters (only the recognised ones, numbers and lists as given). */
export function geminiParams(config: unknown): Obj {
  const params: Obj = {};
  if (!isPlainObject(config)) return params;
  const names: readonly (readonly [string, string])[] = [
    ["temperature", "temperature"],
    ["topP", "top_p"],
    ["topK", "top_k"],
    ["maxOutputTokens", "max_tokens"],
    ["stopSequences", "stop"],
    ["candidateCount", "n"],
    ["presencePenalty", "presence_penalty"],
    ["frequencyPenalty", "frequency_penalty"],
    ["seed", "seed"],
  ];
  for (const [from, to] of names) {
    const v = config[from];
    if (typeof v === "number" || (Array.isArray(v) && v.every((s) => typeof s === "string"))) params[to] = v;
  }
  return params;
}

function count(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/**
 * `usageMetadata` -> token usage. Gemini's `promptTokenCount` already includes
 * `cachedContentTokenCount` (cached content is part of the prompt), so it is `input_tokens` as is.
 * `candidatesTokenCount` excludes thinking (`thoughtsTokenCount`); the canonical output count follows
 * OpenAI's meaning (reasoning included), so output = candidates + thoughts, and `totalTokenCount`
 * (prompt + candidates + thoughts + tool-use prompt) is the total. Undefined when no count is usable.
 */
export function geminiUsage(usage: unknown): PartialUsage | undefined {
  if (!isPlainObject(usage)) return undefined;
  const prompt = count(usage.promptTokenCount);
  const candidates = count(usage.candidatesTokenCount);
  const thoughts = count(usage.thoughtsTokenCount);
  const toolPrompt = count(usage.toolUsePromptTokenCount);
  const total = count(usage.totalTokenCount);
  const cached = count(usage.cachedContentTokenCount);
  if (prompt === undefined && candidates === undefined && total === undefined) return undefined;
  const out: PartialUsage = {};
  if (prompt !== undefined) out.input_tokens = prompt + (toolPrompt ?? 0);
  if (candidates !== undefined || thoughts !== undefined) out.output_tokens = (candidates ?? 0) + (thoughts ?? 0);
  if (total !== undefined) out.total_tokens = total;
  if (cached !== undefined) out.cache_read_input_tokens = cached;
  if (thoughts !== undefined) out.reasoning_tokens = thoughts;
  return out;
}
