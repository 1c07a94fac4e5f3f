/**
 * LangChain.js values as the LangChain instrumentations of OpenInference and OpenLLMetry record them.
 *
 * Both write run inputs and outputs as JSON of LangChain objects, and LangChain serialises its own
 * objects (messages, prompt values, documents) as constructor envelopes:
 * `{"lc": 1, "type": "constructor", "id": ["langchain_core", "messages", "AIMessage"], "kwargs": {...}}`.
 * That is a wire format for re-creating the object, not something a reader wants to see, so the
 * classes with an MLflow counterpart are turned into it:
 *
 * - a message (`HumanMessage`, `AIMessage`, `SystemMessage`, `ToolMessage`, `FunctionMessage`,
 *   `ChatMessage` and their `…Chunk` variants) -> an OpenAI-style chat message `{role, content,
 *   tool_calls?, tool_call_id?, name?}`; an AIMessage's `tool_calls` (`{id, name, args}`) become OpenAI
 *   tool calls, and an empty content beside tool calls becomes null, as in the OpenAI shape;
 * - `ChatPromptValue` -> `{messages: [...]}`; `StringPromptValue` -> its text;
 * - `Document` -> `{id?, page_content, metadata}`, MLflow's document shape.
 *
 * What a message carries besides that (`response_metadata`, `usage_metadata`, `additional_kwargs`)
 * is left out: on an LLM run the same data is on the span's own attributes, and elsewhere it is a
 * copy of what the LLM span holds. Envelopes of other classes are kept as they are.
 *
 * LangChain also wraps a run input or output that is not an object as `{"input": x}` /
 * `{"output": x}` (`_coerceToDict`); `unwrapRunValue` takes the value back out.
 */
import type { ChatMessage, ToolCall } from "../canonical/span.js";
import { isPlainObject } from "../internal/records.js";
import { safeJsonStringify } from "../internal/json.js";

import type { Obj } from "../internal/records.js";

/** Deeper structures are returned as they are; LangChain values nest a few levels at most. */
const MAX_DEPTH = 32;

interface Serialized {
  id: string[];
  kwargs: Obj;
}

/** A LangChain constructor envelope. */
export function asLangChainSerialized(value: unknown): Serialized | undefined {
  if (!isPlainObject(value) || value.lc !== 1 || value.type !== "constructor") return undefined;
  const { id, kwargs } = value;
  if (!Array.isArray(id) || id.length === 0 || !id.every((s) => typeof s === "string") || !isPlainObject(kwargs)) return undefined;
  return { id: id as string[], kwargs };
}

const MESSAGE_ROLES: Readonly<Record<string, string>> = {
  HumanMessage: "user",
  AIMessage: "assistant",
  SystemMessage: "system",
  ToolMessage: "tool",
  FunctionMessage: "function",
};

function className(s: Serialized): string {
  const last = s.id[s.id.length - 1]!;
  return last.endsWith("Chunk") ? last.slice(0, -"Chunk".length) : last;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** An AIMessage's tool calls: the parsed `tool_calls` list, else the provider's `additional_kwargs.tool_calls`. */
function toolCalls(kwargs: Obj): ToolCall[] {
  const out: ToolCall[] = [];
  if (Array.isArray(kwargs.tool_calls) && kwargs.tool_calls.length > 0) {
    for (const call of kwargs.tool_calls) {
      if (!isPlainObject(call)) continue;
      const args = call.args;
      out.push({
        id: typeof call.id === "string" ? call.id : "",
        type: "function",
        function: { name: typeof call.name === "string" ? call.name : "", arguments: typeof args === "string" ? args : safeJsonStringify(args ?? {}) },
      });
    }
    return out;
  }
  const extra = isPlainObject(kwargs.additional_kwargs) ? kwargs.additional_kwargs.tool_calls : undefined;
  if (!Array.isArray(extra)) return out;
  for (const call of extra) {
    if (!isPlainObject(call) || !isPlainObject(call.function)) continue;
    const fn = call.function;
    out.push({
      id: typeof call.id === "string" ? call.id : "",
      type: "function",
      function: { name: typeof fn.name === "string" ? fn.name : "", arguments: typeof fn.arguments === "string" ? fn.arguments : safeJsonStringify(fn.arguments ?? {}) },
    });
  }
  return out;
}

/** The chat message a serialized LangChain message stands for, or undefined for any other class. */
export function langChainMessage(value: unknown): ChatMessage | undefined {
  const s = asLangChainSerialized(value);
  if (s === undefined) return undefined;
  const cls = className(s);
  const kw = s.kwargs;
  let role: string | undefined;
  if (cls === "ChatMessage") role = text(kw.role);
  else if (Object.prototype.hasOwnProperty.call(MESSAGE_ROLES, cls)) role = MESSAGE_ROLES[cls];
  if (role === undefined) return undefined;
  let content: ChatMessage["content"];
  if (typeof kw.content === "string") content = kw.content;
  else if (Array.isArray(kw.content)) content = kw.content as ChatMessage["content"];
  else content = null;
  const msg: ChatMessage = { role, content };
  if (role === "assistant") {
    const calls = toolCalls(kw);
    if (calls.length > 0) {
      msg.tool_calls = calls;
      if (content === "") msg.content = null;
    }
  }
  const callId = text(kw.tool_call_id);
  if (callId !== undefined) msg.tool_call_id = callId;
  const name = text(kw.name);
  if (name !== undefined) msg.name = name;
  return msg;
}

/** The readable form of one envelope, or undefined to keep it (a class without an MLflow counterpart). */
function convert(s: Serialized, value: unknown, depth: number): unknown {
  const cls = className(s);
  if (cls === "ChatPromptValue") {
    const messages = s.kwargs.messages;
    return Array.isArray(messages) ? { messages: messages.map((m) => fromLangChain(m, depth + 1)) } : undefined;
  }
  if (cls === "StringPromptValue") return typeof s.kwargs.value === "string" ? s.kwargs.value : undefined;
  if (cls === "Document") {
    const doc: Obj = {};
    if (typeof s.kwargs.id === "string" && s.kwargs.id !== "") doc.id = s.kwargs.id;
    const content = s.kwargs.pageContent ?? s.kwargs.page_content;
    doc.page_content = typeof content === "string" ? content : "";
    doc.metadata = isPlainObject(s.kwargs.metadata) ? s.kwargs.metadata : {};
    return doc;
  }
  return langChainMessage(value);
}

/**
 * `value` with every LangChain envelope it holds (at any depth) replaced by its readable form (see the
 * header). Returns the same reference when there is nothing to replace.
 */
export function fromLangChain(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = fromLangChain(value[i], depth + 1);
      if (item !== value[i]) (out ??= value.slice())[i] = item;
    }
    return out ?? value;
  }
  if (!isPlainObject(value)) return value;
  const s = asLangChainSerialized(value);
  if (s !== undefined) return convert(s, value, depth) ?? value;
  let out: Obj | undefined;
  for (const key of Object.keys(value)) {
    const item = fromLangChain(value[key], depth + 1);
    if (item !== value[key]) {
      out ??= { ...value };
      // Own data property even for a "__proto__" key.
      Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    }
  }
  return out ?? value;
}

/** `{"input": x}` / `{"output": x}`, LangChain's wrapping of a run value that is not an object, -> x. */
export function unwrapRunValue(value: unknown, field: "inputs" | "outputs"): { unwrapped: boolean; value: unknown } {
  const key = field === "inputs" ? "input" : "output";
  if (isPlainObject(value) && Object.keys(value).length === 1 && Object.prototype.hasOwnProperty.call(value, key)) {
    return { unwrapped: true, value: value[key] };
  }
  return { unwrapped: false, value };
}

/** The messages of a chat-model run's inputs `{"messages": [[...]]}` (one prompt), converted; else undefined. */
export function langChainChatInputs(value: unknown): ChatMessage[] | undefined {
  if (!isPlainObject(value) || !Array.isArray(value.messages) || value.messages.length !== 1) return undefined;
  const group = value.messages[0];
  if (!Array.isArray(group)) return undefined;
  const out: ChatMessage[] = [];
  for (const item of group) {
    const msg = langChainMessage(item);
    if (msg === undefined) return undefined;
    out.push(msg);
  }
  return out;
}

/** The generated messages of a chat-model run's outputs `{"generations": [[{message}...]]}` (one prompt); else undefined. */
export function langChainGenerations(value: unknown): { messages: ChatMessage[]; id?: string; model?: string } | undefined {
  if (!isPlainObject(value) || !Array.isArray(value.generations) || value.generations.length !== 1) return undefined;
  const group = value.generations[0];
  if (!Array.isArray(group) || group.length === 0) return undefined;
  const messages: ChatMessage[] = [];
  let id: string | undefined;
  let model: string | undefined;
  for (const generation of group) {
    const raw = isPlainObject(generation) ? generation.message : undefined;
    const msg = langChainMessage(raw);
    if (msg === undefined) return undefined;
    messages.push(msg);
    const kw = asLangChainSerialized(raw)!.kwargs;
    id ??= text(kw.id);
    if (isPlainObject(kw.response_metadata)) model ??= text(kw.response_metadata.model_name);
  }
  const out: { messages: ChatMessage[]; id?: string; model?: string } = { messages };
  if (id !== undefined) out.id = id;
  if (model !== undefined) out.model = model;
  return out;
}
