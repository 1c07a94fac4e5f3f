import { finishReason } from "../../../readers/finish.js";
import type { Attributes, ChatChoice, ChatMessage, ContentPart, SpanEvent, ToolCall } from "../../../canonical/span.js";
import { GENAI_EVENTS } from "../keys.js";
import { isPlainObject } from "../../../internal/records.js";
import { safeJsonStringify } from "../../../internal/json.js";
import { normalizeRole, simplifyContent, toolCall } from "../../../readers/chat.js";
import { RANK, type ParseContext } from "../../../readers/context.js";
import { normalizePart } from "../messages-read.js";
import { responseText } from "../../../readers/genai-parts-write.js";
import { parseMaybeJson } from "../../../readers/values.js";
import type { Obj } from "../../../internal/records.js";
import { eventFinishReasons, withFinishReasons } from "./finish.js";
import { readStructured, sameContent } from "./structured.js";
// ---------------------------------------------------------------------------------------------
// Content events

const MESSAGE_EVENT_ROLES: Readonly<Record<string, string>> = {
  [GENAI_EVENTS.system]: "system",
  [GENAI_EVENTS.user]: "user",
  [GENAI_EVENTS.assistant]: "assistant",
  [GENAI_EVENTS.tool]: "tool",
};

/** The event body: a log record's `body`, an older `gen_ai.event.content` JSON string, or the attributes. */
function eventBody(attributes: Attributes): Obj {
  const body = attributes.body;
  if (isPlainObject(body)) return body;
  if (typeof body === "string") {
    const parsed = parseMaybeJson(body);
    return parsed.ok && isPlainObject(parsed.value) ? parsed.value : { content: body };
  }
  const legacy = attributes["gen_ai.event.content"];
  if (typeof legacy === "string") {
    const parsed = parseMaybeJson(legacy);
    if (parsed.ok && isPlainObject(parsed.value)) return parsed.value;
  }
  return attributes as Obj;
}

/** Event content: a string, a list of parts (OpenAI or GenAI shapes), or anything else as JSON. */
function eventContent(content: unknown): string | ContentPart[] | null {
  if (content === undefined || content === null) return null;
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    const parts: ContentPart[] = content.map((item) => {
      const part = normalizePart(item);
      if (isPlainObject(part) && (part as Obj).type === "text" && typeof (part as Obj).content === "string") {
        return { type: "text", text: (part as Obj).content as string };
      }
      return (isPlainObject(part) && typeof (part as Obj).type === "string" ? part : { type: "text", text: safeJsonStringify(item) }) as ContentPart;
    });
    return simplifyContent(parts);
  }
  return safeJsonStringify(content);
}

function eventToolCalls(value: unknown): ToolCall[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const calls: ToolCall[] = [];
  for (const raw of value) {
    if (!isPlainObject(raw)) continue;
    const call = raw as Obj;
    const fn = isPlainObject(call.function) ? (call.function as Obj) : call;
    calls.push(toolCall(typeof call.id === "string" ? call.id : undefined, typeof fn.name === "string" ? fn.name : "", fn.arguments));
  }
  return calls.length > 0 ? calls : undefined;
}

export function eventMessage(role: string, body: Obj, ctx: ParseContext, eventName: string): ChatMessage {
  const bodyRole = typeof body.role === "string" && body.role !== "" ? normalizeRole(body.role, ctx, eventName) : role;
  const msg: ChatMessage = { role: bodyRole, content: eventContent(body.content) };
  const calls = eventToolCalls(body.tool_calls);
  if (calls) msg.tool_calls = calls;
  if (bodyRole === "tool") {
    const id = body.id ?? body.tool_call_id;
    if (typeof id === "string") msg.tool_call_id = id;
    if (msg.content !== null && typeof msg.content !== "string") msg.content = responseText(msg.content);
  }
  return msg;
}

/** `system`: the span's own `gen_ai.system_instructions`, put first unless the records repeat it. */
export function readEvents(ctx: ParseContext, finishReasons: string[] | undefined, system?: ChatMessage): boolean {
  const messages: ChatMessage[] = [];
  const choices: ChatChoice[] = [];
  let found = false;
  let withoutContent = 0;
  // Operation-details records of this span: one with everything, or (contrib OpenAI 0.22 with the
  // Responses API) one with the input and another with the output. Joined, first value of a key wins.
  let details: Attributes | undefined;
  for (const event of ctx.events) {
    const name = event.name;
    if (typeof name !== "string" || !name.startsWith("gen_ai.")) continue;
    if (name === GENAI_EVENTS.operationDetails) {
      if (isPlainObject(event.attributes)) {
        details ??= {};
        for (const key of Object.keys(event.attributes)) if (!Object.prototype.hasOwnProperty.call(details, key)) details[key] = event.attributes[key]!;
      }
      continue;
    }
    const attributes = isPlainObject(event.attributes) ? event.attributes : {};
    if (Object.prototype.hasOwnProperty.call(MESSAGE_EVENT_ROLES, name)) {
      const body = eventBody(attributes);
      const msg = eventMessage(MESSAGE_EVENT_ROLES[name]!, body, ctx, name);
      if (msg.content === null && !msg.tool_calls) withoutContent++;
      messages.push(msg);
      found = true;
    } else if (name === GENAI_EVENTS.choice) {
      const body = eventBody(attributes);
      const inner = isPlainObject(body.message) ? (body.message as Obj) : body;
      const msg = eventMessage("assistant", inner, ctx, name);
      if (msg.content === null && !msg.tool_calls) withoutContent++;
      const index = typeof body.index === "number" && Number.isInteger(body.index) && body.index >= 0 ? body.index : choices.length;
      choices.push({ index, message: msg, finish_reason: finishReason(body.finish_reason) });
      found = true;
    }
  }
  if (messages.length > 0) ctx.offer("inputs", { messages: withSystem(messages, system) }, RANK.events, "genai");
  if (choices.length > 0) {
    choices.sort((a, b) => a.index - b.index);
    ctx.offer("outputs", { choices: withFinishReasons(choices, finishReasons) }, RANK.events, "genai");
  }
  if (withoutContent > 0) {
    ctx.diagnose("content-not-captured", "info", `${withoutContent} GenAI content event(s) carry no message content (content capture is off in the instrumentation); their messages have content null`);
  }
  if (details) {
    const attributes = details;
    const structured = readStructured(ctx, attributes, system);
    const reasons = finishReasons ?? eventFinishReasons(attributes);
    if (structured.messages) ctx.offer("inputs", { messages: withSystem(structured.messages, system) }, RANK.events, "genai");
    if (structured.choices) ctx.offer("outputs", { choices: withFinishReasons(structured.choices, reasons) }, RANK.events, "genai");
    if (structured.messages || structured.choices) found = true;
  }
  return found;
}

function withSystem(messages: ChatMessage[], system: ChatMessage | undefined): ChatMessage[] {
  if (system === undefined) return messages;
  if (messages[0]?.role === "system" && sameContent(messages[0].content, system.content)) return messages;
  return [system, ...messages];
}
