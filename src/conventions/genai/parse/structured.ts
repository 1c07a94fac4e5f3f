import { consumeUnlessLeftOut } from "../../../readers/values.js";
import type { Attributes, ChatChoice, ChatMessage } from "../../../canonical/span.js";
import { GENAI } from "../keys.js";
import { type ParseContext } from "../../../readers/context.js";
import { inputMessagesFromGenAi, outputChoicesFromGenAi, systemFromGenAi } from "../messages-read.js";
import { parseMaybeJson } from "../../../readers/values.js";
// ---------------------------------------------------------------------------------------------
// Structured messages (span attributes, or the attributes of an operation-details event)

/**
 * The structured keys from the span (`event` undefined: parsed once through the context cache and
 * consumed) or from the attributes of an operation-details event (not consumed: events are kept whole).
 */
function lookupStructured(ctx: ParseContext, event: Attributes | undefined, key: string): { ok: true; value: unknown } | { ok: false } {
  if (event === undefined) return ctx.has(key) ? ctx.json(key) : NOT_FOUND;
  return Object.prototype.hasOwnProperty.call(event, key) ? parseMaybeJson(event[key]) : NOT_FOUND;
}

const NOT_FOUND = { ok: false } as const;

export function readStructured(ctx: ParseContext, event: Attributes | undefined): { messages?: ChatMessage[]; choices?: ChatChoice[] } {
  const consume = event === undefined;
  const out: { messages?: ChatMessage[]; choices?: ChatChoice[] } = {};
  let system: ChatMessage | undefined;
  const sys = lookupStructured(ctx, event, GENAI.systemInstructions);
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
