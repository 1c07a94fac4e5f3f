/**
 * Tool-call arguments survive canonical -> every target -> canonical byte for byte (issue 13).
 * The canonical field is the OpenAI string `function.arguments`; a target that writes the decoded JSON
 * value (GenAI's `tool_call` part) must give back the same text, so whitespace, key order, `null`,
 * numbers past double precision, non-JSON text and unicode all come back unchanged, in input messages
 * and in output choices alike.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EMIT_TARGETS, fromMlflowSpan, toMlflowSpan, type ChatMessage, type MlflowSpan } from "../../src/index.js";

const compact = fc.json({ maxDepth: 2 });
/** Valid JSON laid out differently from JSON.stringify: spaces, newlines and tabs between tokens. */
const spaced = fc.tuple(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(" ", "\n", "\t", "  ", "\r\n")).map(([v, ws]) => {
  const text = JSON.stringify(v, null, ws === " " ? 1 : ws === "  " ? 2 : undefined);
  return ws === " " || ws === "  " ? text : ws + text.replace(/([,:[{])/g, `$1${ws}`) + ws;
});
const special = fc.constantFrom(
  "null", "{}", "[]", "", " ", '{"a":1,"a":2}', '{"2":1,"1":2}', '{"b":1,"1":2}', "12345678901234567890", '{"n":1.0}', '{"n":1e2}', '{"x":-0}',
  '"just a string"', "true", "42", '{"__proto__":{"x":1}}', '{"a":"\\u00e9"}', '{"city": "Zürich 🌧"}', "{not json", "city=Paris", "\u0000", '{"a":1}\n',
);
const unicode = fc.string({ unit: "grapheme", maxLength: 12 });
const args = fc.oneof(compact, spaced, special, unicode, fc.string({ maxLength: 12 }));

const call = (id: string, a: string) => ({ id, type: "function" as const, function: { name: "lookup", arguments: a } });

function span(inputArgs: string[], outputArgs: string[]): MlflowSpan {
  const messages: ChatMessage[] = [{ role: "user", content: "weather?" }];
  if (inputArgs.length > 0) {
    messages.push({ role: "assistant", content: null, tool_calls: inputArgs.map((a, i) => call(`in${i}`, a)) });
    inputArgs.forEach((_, i) => messages.push({ role: "tool", tool_call_id: `in${i}`, content: "sunny" }));
  }
  const out: MlflowSpan = { name: "chat", spanType: "CHAT_MODEL", inputs: { messages }, model: "gpt-4o", provider: "openai", attributes: {}, conventions: [], diagnostics: [] };
  if (outputArgs.length > 0) {
    out.outputs = { choices: [{ index: 0, message: { role: "assistant", content: null, tool_calls: outputArgs.map((a, i) => call(`out${i}`, a)) }, finish_reason: "tool_calls" }] };
  }
  return out;
}

/** Every `function.arguments` of a span's input messages and output choices, in order. */
function argumentsOf(s: MlflowSpan): string[] {
  const inputs = (s.inputs ?? {}) as { messages?: ChatMessage[] };
  const outputs = (s.outputs ?? {}) as { choices?: { message: ChatMessage }[] };
  const messages = [...(inputs.messages ?? []), ...(outputs.choices ?? []).map((c) => c.message)];
  return messages.flatMap((m) => (m.tool_calls ?? []).map((c) => c.function.arguments));
}

/** What a TOOL span's string inputs come back as through `to`: decoded only where a declared loss says so. */
function expectedBack(to: string, text: string): unknown {
  let decoded: { value: unknown } | undefined;
  try {
    decoded = { value: JSON.parse(text) };
  } catch {
    decoded = undefined;
  }
  if (decoded === undefined) return text;
  const v = decoded.value;
  // genai/tool-json-text: the text of an object or a list.
  if (to === "genai" && /^[ \t\n\r]*[[{]/.test(text)) return v;
  // mlflow/json-text: one layer of encoding is removed when it holds a string, object or list.
  if (to === "mlflow" && (typeof v === "string" || (v !== null && typeof v === "object"))) return v;
  return text;
}

describe("tool-call arguments round trip exactly", () => {
  for (const to of EMIT_TARGETS) {
    it(`through ${to}: every argument string comes back byte for byte`, () => {
      fc.assert(
        fc.property(fc.array(args, { maxLength: 2 }), fc.array(args, { minLength: 1, maxLength: 2 }), (inputArgs, outputArgs) => {
          const source = span(inputArgs, outputArgs);
          const back = toMlflowSpan(fromMlflowSpan(source, { to }));
          expect(argumentsOf(back)).toEqual([...inputArgs, ...outputArgs]);
        }),
        { numRuns: 300 },
      );
    });
  }

  // A TOOL span's inputs and outputs are a call's arguments and result (gen_ai.tool.call.arguments /
  // result, input.value / output.value, traceloop.entity.input / output). Two targets read JSON text as
  // the value it holds, a declared loss each: GenAI's tool-json-text (object and list text) and MLflow's
  // json-text (text of an object, list or string). Every other string comes back byte for byte.
  for (const to of EMIT_TARGETS) {
    it(`TOOL spans through ${to}: arguments and result come back as given, or decoded exactly where a loss says so`, () => {
      fc.assert(
        fc.property(args, args, (input, output) => {
          const source: MlflowSpan = { name: "lookup", spanType: "TOOL", inputs: input, outputs: output, attributes: {}, conventions: [], diagnostics: [] };
          const back = toMlflowSpan(fromMlflowSpan(source, { to }));
          expect({ inputs: back.inputs, outputs: back.outputs }).toEqual({ inputs: expectedBack(to, input), outputs: expectedBack(to, output) });
        }),
        { numRuns: 300 },
      );
    });
  }

  it("the cases the issue names, through GenAI: the string \"null\" and re-spaced JSON are not rewritten", () => {
    const source = span(["null", '{ "city": "Paris" }'], ['{"city":"Paris"}', "not json"]);
    const emitted = fromMlflowSpan(source, { to: "genai" });
    const output = JSON.parse(emitted.attributes["gen_ai.output.messages"] as string);
    // Compact JSON is written as the spec's structured value; everything else as the original text.
    expect(output[0].parts.map((p: { arguments: unknown }) => p.arguments)).toEqual([{ city: "Paris" }, "not json"]);
    const input = JSON.parse(emitted.attributes["gen_ai.input.messages"] as string);
    expect(input[1].parts.map((p: { arguments: unknown }) => p.arguments)).toEqual(["null", '{ "city": "Paris" }']);
    expect(argumentsOf(toMlflowSpan(emitted))).toEqual(["null", '{ "city": "Paris" }', '{"city":"Paris"}', "not json"]);
  });
});
