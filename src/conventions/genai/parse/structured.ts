import { consumeUnlessLeftOut } from "../../../readers/values.js";
import type { Attributes, ChatChoice, ChatMessage } from "../../../canonical/span.js";
import { GENAI } from "../keys.js";
import { type ParseContext } from "../../../readers/context.js";
import { inputMessagesFromGenAi, outputChoicesFromGenAi, systemFromGenAi } from "../messages-read.js";
import { parseMaybeJson } from "../../../readers/values.js";
import { looksLikeJsonContainer } from "../../../internal/json.js";
// ---------------------------------------------------------------------------------------------
// Structured messages (span attributes, or the attributes of an operation-details event)

/**
 * The structured keys from the span (`event` undefined: parsed once through the context cache and
 * consumed) or from the attributes of an operation-details event (not consumed: events are kept whole).
 */
function lookupStructured(ctx: ParseContext, event: Attributes | undefined, key: string): { ok: true; value: unknown } | { ok: false } {
  // A plain string is a value too (`gen_ai.system_instructions` as text: contrib OpenAI 0.22).
  if (event === undefined) return ctx.has(key) ? ctx.jsonOrString(key) : NOT_FOUND;
  if (!Object.prototype.hasOwnProperty.call(event, key)) return NOT_FOUND;
  // The same in a record: plain text is the value, as on the span (a string AnyValue, not JSON).
  const value = event[key];
  return typeof value === "string" && !looksLikeJsonContainer(value) ? { ok: true, value } : parseMaybeJson(value);
}

const NOT_FOUND = { ok: false } as const;

export interface Structured {
  messages?: ChatMessage[];
  choices?: ChatChoice[];
  /** The system instructions alone, when no input messages were found beside them. */
  systemOnly?: ChatMessage;
}

/**
 * `spanSystem`: the system message the span's own attributes gave, when `event` is an operation-details
 * record. The record's copy of the instructions is then not decoded again (Gemini CLI repeats some
 * 20 KB of them in both places); the span's copy goes first (events.ts `withSystem`).
 */
export function readStructured(ctx: ParseContext, event: Attributes | undefined, spanSystem?: ChatMessage): Structured {
  const consume = event === undefined;
  const out: Structured = {};
  let system: ChatMessage | undefined;
  const sys = spanSystem !== undefined ? NOT_FOUND : lookupStructured(ctx, event, GENAI.systemInstructions);
  if (sys.ok) {
    const before = ctx.diagnostics.length;
    system = systemFromGenAi(sys.value, ctx, GENAI.systemInstructions);
    if (system && consume) consumeUnlessLeftOut(ctx, GENAI.systemInstructions, before);
  }
  const input = lookupStructured(ctx, event, GENAI.inputMessages);
  let messages: ChatMessage[] | undefined;
  if (input.ok) {
    const before = ctx.diagnostics.length;
    messages = inputMessagesFromGenAi(input.value, ctx, GENAI.inputMessages);
    if (messages && consume) consumeUnlessLeftOut(ctx, GENAI.inputMessages, before);
  }
  // The instructions may also be the first input message (contrib OpenAI 0.22 writes both): once.
  if (system && messages && messages[0]?.role === "system" && sameContent(messages[0].content, system.content)) system = undefined;
  if (system && !messages) out.systemOnly = system;
  if (system || messages) out.messages = system ? [system, ...(messages ?? [])] : messages!;
  const output = lookupStructured(ctx, event, GENAI.outputMessages);
  if (output.ok) {
    const before = ctx.diagnostics.length;
    const choices = outputChoicesFromGenAi(output.value, ctx, GENAI.outputMessages);
    if (choices) {
      out.choices = choices;
      if (consume) consumeUnlessLeftOut(ctx, GENAI.outputMessages, before);
    }
  }
  return out;
}

export function sameContent(a: unknown, b: unknown): boolean {
  const text = (v: unknown): string | undefined =>
    typeof v === "string" ? v : Array.isArray(v) && v.length === 1 && (v[0] as { type?: unknown })?.type === "text" ? String((v[0] as { text?: unknown }).text) : undefined;
  const x = text(a);
  return x !== undefined && x === text(b);
}
