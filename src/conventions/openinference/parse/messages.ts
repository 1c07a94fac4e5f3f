import { describeValue } from "../../../readers/values.js";
import type { ChatMessage, ContentPart, ToolCall } from "../../../canonical/span.js";
import { OI_CONTENT_FIELD as CF, OI_MESSAGE_FIELD as MF, OI_TOOL_CALL_FIELD as TF } from "../keys.js";
import { safeJsonStringify } from "../../../internal/json.js";
import { isPlainObject, setOwn } from "../../../internal/records.js";
import { normalizeRole, simplifyContent, toolCall } from "../../../readers/chat.js";
import { type ParseContext } from "../../../readers/context.js";
import type { Obj } from "../../../internal/records.js";
import { expand } from "./lists.js";
export function readMessages(ctx: ParseContext, prefix: string, sink?: ImageSink): ChatMessage[] | undefined {
  const r = expand(ctx, prefix);
  if (!r) return undefined;
  const messages: ChatMessage[] = [];
  r.items.forEach((item, i) => {
    const key = `${prefix}.${i}`;
    if (!isPlainObject(item) || !isPlainObject(item.message)) {
      ctx.diagnose("invalid-message", "warning", `${key} has no message.* fields; left out`, key);
      return;
    }
    messages.push(messageFromItem(item.message, ctx, key, sink));
  });
  if (messages.length === 0) return undefined;
  r.consume();
  return messages;
}

function messageFromItem(m: Obj, ctx: ParseContext, key: string, sink: ImageSink | undefined): ChatMessage {
  let role = normalizeRole(m.role, ctx, `${key}.${MF.role}`);
  const parts: ContentPart[] = [];
  const calls: ToolCall[] = [];
  const partCalls: ToolCall[] = [];
  if (m.contents !== undefined) {
    if (Array.isArray(m.contents)) {
      m.contents.forEach((c, j) => partFromItem(c, ctx, `${key}.${MF.contents}.${j}`, parts, partCalls, sink));
    } else {
      ctx.diagnose("invalid-message", "warning", `${key}.${MF.contents} should be an indexed list of parts; left out`, `${key}.${MF.contents}`);
    }
  }
  let content: string | ContentPart[] | null = null;
  if (parts.length > 0) content = simplifyContent(parts);
  else if (m.content !== undefined && m.content !== null) content = asText(m.content, ctx, `${key}.${MF.content}`);

  if (m.tool_calls !== undefined) {
    if (Array.isArray(m.tool_calls)) {
      m.tool_calls.forEach((c, k) => {
        // Every field an empty AnyValue (openinference-vercel exports unset fields so): no call at all.
        if (allUnset(c)) return;
        const call = isPlainObject(c) ? toolCallFromItem(c, ctx, `${key}.${MF.toolCalls}.${k}`) : undefined;
        if (call) calls.push(call);
        else ctx.diagnose("invalid-message", "warning", `${key}.${MF.toolCalls}.${k} has no tool_call.* fields; left out`, `${key}.${MF.toolCalls}.${k}`);
      });
    } else {
      ctx.diagnose("invalid-message", "warning", `${key}.${MF.toolCalls} should be an indexed list; left out`, `${key}.${MF.toolCalls}`);
    }
  }
  // A `tool_use` content part restates a call of `tool_calls` (Anthropic's instrumentation writes both):
  // keep it once. A part whose id is not among the calls is a call of its own.
  for (const call of partCalls) {
    if (call.id !== "" && calls.some((c) => c.id === call.id)) continue;
    calls.push(call);
  }
  // Legacy OpenAI function calling.
  const fnName = m.function_call_name;
  if (typeof fnName === "string" && fnName !== "") calls.push(toolCall(undefined, fnName, m.function_call_arguments_json));

  const msg: ChatMessage = { role, content };
  if (calls.length > 0) msg.tool_calls = calls;
  if (m.tool_call_id !== undefined) {
    if (typeof m.tool_call_id === "string" && m.tool_call_id !== "") {
      msg.tool_call_id = m.tool_call_id;
      // A tool result; Anthropic's instrumentation records it as a user turn.
      if (role === "user") msg.role = role = "tool";
    } else {
      ctx.diagnose("invalid-value", "warning", `${key}.${MF.toolCallId} should be a non-empty string, got ${describeValue(m.tool_call_id)}`, `${key}.${MF.toolCallId}`);
    }
  }
  if (typeof m.name === "string" && m.name !== "") msg.name = m.name;
  return msg;
}

export function asText(value: unknown, ctx: ParseContext, key: string): string {
  if (typeof value === "string") return value;
  ctx.diagnose("invalid-value", "warning", `${key} should be a string, got ${describeValue(value)}; recorded as JSON text`, key);
  // The text loses the value's type; the attribute keeps it.
  ctx.keep(key);
  return safeJsonStringify(value);
}

/** A value whose every leaf is undefined (an empty OTLP AnyValue decodes to undefined). */
function allUnset(value: unknown): boolean {
  if (value === undefined) return true;
  if (!isPlainObject(value)) return false;
  for (const k in value) if (!allUnset(value[k])) return false;
  return true;
}

function toolCallFromItem(item: Obj, ctx: ParseContext, key: string): ToolCall | undefined {
  const tc = item.tool_call;
  if (!isPlainObject(tc)) return undefined;
  const fn = isPlainObject(tc.function) ? tc.function : {};
  const name = typeof fn.name === "string" ? fn.name : "";
  if (name === "") ctx.diagnose("invalid-value", "warning", `${key}.${TF.functionName} is missing; the call is kept with an empty name`, `${key}.${TF.functionName}`);
  let id: string | undefined;
  if (typeof tc.id === "string") id = tc.id;
  else if (typeof tc.id === "number") id = String(tc.id);
  return toolCall(id, name, fn.arguments);
}

/** An image part a message holds without its data (see partFromItem). */
export interface ImageWithoutData {
  part: ContentPart;
  key: string;
}
/** Where the parse of one span collects them (the list is created on the first). */
export interface ImageSink {
  imagesWithoutData: ImageWithoutData[] | undefined;
}

/** Media type of a data URI, or undefined. */
function dataUri(url: string): { mime: string; data: string } | undefined {
  if (!url.startsWith("data:")) return undefined;
  const comma = url.indexOf(",");
  const head = comma < 0 ? "" : url.slice(5, comma);
  if (comma < 0 || !head.endsWith(";base64")) return undefined;
  return { mime: head.slice(0, -";base64".length), data: url.slice(comma + 1) };
}

function partFromItem(item: unknown, ctx: ParseContext, key: string, parts: ContentPart[], calls: ToolCall[], sink: ImageSink | undefined): void {
  if (!isPlainObject(item)) {
    ctx.diagnose("invalid-message", "warning", `${key} has no message_content.* fields; left out`, key);
    return;
  }
  const mc = isPlainObject(item.message_content) ? item.message_content : {};
  const type = typeof mc.type === "string" ? mc.type : undefined;
  if (type === "tool_use" || (type === undefined && isPlainObject(item.tool_call))) {
    const call = toolCallFromItem(item, ctx, key);
    if (call) calls.push(call);
    else ctx.diagnose("invalid-message", "warning", `${key} is a tool_use part without tool_call.* fields; left out`, key);
    return;
  }
  const text = typeof mc.text === "string" ? mc.text : undefined;
  switch (type ?? (text !== undefined ? "text" : undefined)) {
    case "text":
      parts.push({ type: "text", text: text ?? "" });
      return;
    case "image": {
      const url = isPlainObject(mc.image) && isPlainObject(mc.image.image) ? mc.image.image.url : undefined;
      if (typeof url === "string") {
        parts.push({ type: "image_url", image_url: { url } });
        return;
      }
      if (sink !== undefined && isPlainObject(mc.image) && mc.image.type === "base64" && mc.image.image === undefined) {
        // Anthropic's instrumentation writes an image block's source without its data. The part is kept
        // as given for now; the raw-request step puts the image from input.value in its place, and
        // reports what it could not (raw-request.ts).
        const raw: Obj = { type };
        for (const k of Object.keys(mc)) if (k !== "type") setOwn(raw, k, mc[k]);
        parts.push(raw as ContentPart);
        (sink.imagesWithoutData ??= []).push({ part: raw as ContentPart, key });
        return;
      }
      break;
    }
    case "audio": {
      const audio = isPlainObject(mc.audio) && isPlainObject(mc.audio.audio) ? mc.audio.audio : undefined;
      const url = audio?.url;
      if (typeof url === "string") {
        const transcript = typeof audio!.transcript === "string" ? audio!.transcript : undefined;
        const mime = typeof audio!.mime_type === "string" ? audio!.mime_type : undefined;
        const data = dataUri(url);
        if (data && data.mime.startsWith("audio/")) {
          const input: Obj = { data: data.data, format: data.mime.slice("audio/".length) };
          if (transcript !== undefined) input.transcript = transcript;
          parts.push({ type: "input_audio", input_audio: input as { data: string; format: string } });
        } else {
          const out: Obj = { type: "audio", url };
          if (mime !== undefined) out.mime_type = mime;
          if (transcript !== undefined) out.transcript = transcript;
          parts.push(out as ContentPart);
        }
        return;
      }
      break;
    }
    case "video": {
      const url = isPlainObject(mc.video) && isPlainObject(mc.video.video) ? mc.video.video.url : undefined;
      if (typeof url === "string") {
        parts.push({ type: "video", url } as ContentPart);
        return;
      }
      break;
    }
    case "reasoning": {
      const out: Obj = { type: "reasoning", text: text ?? "" };
      for (const extra of ["id", "signature", "data", "encrypted_content"] as const) if (typeof mc[extra] === "string") out[extra] = mc[extra];
      parts.push(out as ContentPart);
      return;
    }
    default:
      break;
  }
  // An unknown or incomplete part is kept as it came, so nothing is lost.
  ctx.diagnose("unknown-content-part", "info", `${key} (${CF.type} ${describeValue(type)}) is not a part we model; kept as given`, key);
  const raw: Obj = { type: type ?? "unknown" };
  for (const k of Object.keys(mc)) if (k !== "type") setOwn(raw, k, mc[k]);
  parts.push(raw as ContentPart);
}
