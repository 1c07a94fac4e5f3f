/**
 * Whatever the attribute values, translating a span returns a span (plus diagnostics) and never
 * throws; every source attribute survives in `attributes` by default.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromMlflowSpan, MlflowSpanSchema, toMlflowAttributes, toMlflowSpan, validateSpan, type Attributes } from "../../src/index.js";

const realKeys = [
  "mlflow.spanType", "mlflow.spanInputs", "mlflow.chat.tokenUsage", "mlflow.llm.model", "mlflow.chat.tools", "mlflow.llm.cost",
  "gen_ai.operation.name", "gen_ai.input.messages", "gen_ai.output.messages", "gen_ai.system_instructions",
  "gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens", "gen_ai.request.model", "gen_ai.prompt.0.content",
  "gen_ai.prompt.0.role", "gen_ai.completion.0.content", "gen_ai.tool.definitions", "openinference.span.kind",
  "llm.input_messages.0.message.role", "llm.input_messages.0.message.content", "llm.output_messages.0.message.tool_calls.0.tool_call.function.arguments",
  "llm.token_count.prompt", "llm.invocation_parameters", "input.value", "output.value", "retrieval.documents.0.document.content",
  "traceloop.span.kind", "traceloop.entity.input", "llm.request.type", "llm.usage.total_tokens",
  "ai.operationId", "ai.prompt", "ai.prompt.messages", "ai.prompt.tools", "ai.prompt.toolChoice", "ai.response.text", "ai.response.toolCalls",
  "ai.response.finishReason", "ai.usage.inputTokens", "ai.toolCall.args", "ai.values", "ai.embeddings", "ai.model.provider", "ai.settings.stopSequences",
];
const segment = fc.oneof(fc.constantFrom("__proto__", "constructor", "prototype", "0", "4294967295", "-1", ""), fc.string({ maxLength: 5 }));
const key = fc.oneof(
  fc.constantFrom(...realKeys),
  fc.tuple(fc.constantFrom(...realKeys), segment).map(([k, s]) => `${k}.${s}`),
  fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join(".")),
);
const almostJson = fc.oneof(
  fc.json(), fc.json().map((j) => j.slice(0, -1)), fc.constantFrom('{"role":"user"', "[[[[", "null", '"\\"x\\""'),
  // AI SDK messages with arbitrary parts, so the part converters see odd shapes too.
  fc.array(fc.record({ role: fc.constantFrom("user", "assistant", "tool", 3), content: fc.oneof(fc.string(), fc.array(fc.dictionary(fc.constantFrom("type", "text", "data", "mediaType", "output", "input", "toolCallId", "__proto__"), fc.jsonValue(), { maxKeys: 4 }), { maxLength: 3 })) }), { maxLength: 3 }).map((m) => JSON.stringify(m)),
);
const value: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(), almostJson, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined),
  fc.uint8Array({ maxLength: 4 }), fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue(), { maxKeys: 3 }),
);
const attributes = fc.dictionary(key, value, { maxKeys: 25 }) as fc.Arbitrary<Attributes>;
const events = fc.array(fc.record({ name: fc.oneof(fc.constantFrom("gen_ai.user.message", "gen_ai.choice", "exception"), fc.string()), attributes }), { maxLength: 3 });

describe("never throws on span data", () => {
  it("toMlflowSpan, toMlflowAttributes, validateSpan and fromMlflowSpan(mlflow)", () => {
    fc.assert(
      fc.property(attributes, events, (attrs, evts) => {
        const span = toMlflowSpan({ name: "s", attributes: attrs, events: evts });
        expect(MlflowSpanSchema.safeParse(span).success).toBe(true);
        for (const k of Object.keys(attrs)) expect(Object.prototype.hasOwnProperty.call(span.attributes, k)).toBe(true);
        toMlflowAttributes(span);
        validateSpan({ attributes: attrs }, { require: ["inputs", "outputs"] });
        fromMlflowSpan(span, { to: "mlflow" });
        expect(({} as Record<string, unknown>).role).toBeUndefined();
      }),
      { numRuns: 400 },
    );
  });
});
