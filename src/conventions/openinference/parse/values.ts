import type { ChatMessage } from "../../../canonical/span.js";
import { OI } from "../keys.js";
import { looksLikeJsonContainer, safeJsonParse } from "../../../internal/json.js";
import { isPlainObject } from "../../../internal/records.js";
import { asLangChainSerialized, fromLangChain, unwrapRunValue } from "../../../readers/langchain.js";
import { type ParseContext } from "../../../readers/context.js";
import type { Obj } from "../../../internal/records.js";
// ---------------------------------------------------------------------------------------------
// input.value / output.value

/**
 * The response id and model from a JSON `output.value` (the provider's whole response, as the OpenAI
 * and Anthropic instrumentations record it), to sit beside the choices as in an OpenAI chat completion.
 * `output.value` stays unconsumed: the rest of it (usage, object, created…) is not represented.
 */
export function responseMetadata(ctx: ParseContext): Obj {
  const out: Obj = {};
  const mime = ctx.get(OI.outputMimeType);
  if (!ctx.has(OI.outputValue) || typeof mime !== "string" || !mime.toLowerCase().includes("json")) return out;
  const parsed = ctx.json(OI.outputValue);
  if (!parsed.ok || !isPlainObject(parsed.value)) return out;
  if (typeof parsed.value.id === "string" && parsed.value.id !== "") out.id = parsed.value.id;
  if (typeof parsed.value.model === "string" && parsed.value.model !== "") out.model = parsed.value.model;
  return out;
}

/**
 * A JSON `input.value` / `output.value` (by its mime type) parsed, or undefined. Nothing is consumed:
 * this only peeks, for the LangChain envelopes.
 */
export function jsonValue(ctx: ParseContext, key: string, mimeKey: string): unknown {
  const mime = ctx.get(mimeKey);
  if (!ctx.has(key) || typeof mime !== "string" || !mime.toLowerCase().includes("json")) return undefined;
  const parsed = ctx.json(key);
  return parsed.ok ? parsed.value : undefined;
}

/**
 * Fills in what the flattened messages lack from the same messages decoded from a LangChain envelope:
 * tool-call ids (matched by position and function name) and a tool message's `tool_call_id`. Only when
 * both lists have the same length and roles, so a different conversation is never mixed in.
 */
export function fillFromLangChain(messages: ChatMessage[], decoded: ChatMessage[] | undefined): void {
  if (decoded === undefined || decoded.length !== messages.length) return;
  if (messages.some((m, i) => m.role !== decoded[i]!.role)) return;
  messages.forEach((m, i) => {
    const d = decoded[i]!;
    if (m.tool_calls && d.tool_calls && m.tool_calls.length === d.tool_calls.length) {
      m.tool_calls.forEach((call, j) => {
        const other = d.tool_calls![j]!;
        if (call.id === "" && other.id !== "" && call.function.name === other.function.name) call.id = other.id;
      });
    }
    if (m.role === "tool" && m.tool_call_id === undefined && d.tool_call_id !== undefined) m.tool_call_id = d.tool_call_id;
  });
}

/**
 * A whole `input.value` / `output.value` made readable: LangChain envelopes decoded (src/readers/langchain.ts),
 * and LangChain's `{"output": x}` wrapping removed when x is a LangChain object (the instrumentation
 * already unwraps single-key objects holding a string, and an object of the application's own is kept).
 */
export function readableValue(value: unknown, field: "inputs" | "outputs"): unknown {
  const run = unwrapRunValue(value, field);
  return fromLangChain(run.unwrapped && asLangChainSerialized(run.value) !== undefined ? run.value : value);
}

export function readValue(ctx: ParseContext, key: string, mimeKey: string): { ok: true; value: unknown } | { ok: false } {
  if (!ctx.has(key)) return { ok: false };
  const raw = ctx.get(key);
  const mimeRaw = ctx.get(mimeKey);
  const mime = typeof mimeRaw === "string" ? mimeRaw.trim().toLowerCase() : undefined;
  ctx.consume(key);
  if (mime !== undefined) ctx.consume(mimeKey);
  if (typeof raw !== "string") return { ok: true, value: raw };
  if (mime !== undefined && mime.includes("json")) {
    const parsed = ctx.json(key);
    return { ok: true, value: parsed.ok ? parsed.value : raw };
  }
  if (mime === undefined && looksLikeJsonContainer(raw)) {
    // No mime type: JSON when it parses, text otherwise (no diagnostic: text may look like JSON).
    const parsed = safeJsonParse(raw);
    return { ok: true, value: parsed.ok ? parsed.value : raw };
  }
  return { ok: true, value: raw };
}
