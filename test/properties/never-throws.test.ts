/**
 * Whatever the attribute values, translating a span returns a span (plus diagnostics) and never
 * throws; every source attribute survives in `attributes` by default.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeOtlpJson, EMIT_TARGETS, encodeOtlpJson, fromMlflowSpan, OtlpDecodeError, SPAN_TYPES, toMlflowAttributes, toMlflowSpan, validateSpan, type Attributes, type MlflowSpan } from "../../src/index.js";
import { MlflowSpanSchema } from "../../src/schemas/index.js";
import { CONVENTIONS } from "../../src/conventions/index.js";
import { createFullTranslator } from "../../src/translator.js";

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
        for (const to of EMIT_TARGETS) toMlflowSpan(fromMlflowSpan(span, { to }));
        expect(({} as Record<string, unknown>).role).toBeUndefined();
      }),
      { numRuns: 400 },
    );
  });

  it("createFullTranslator over any subset of the modules: every function, on the same data", () => {
    const subset = fc.subarray([...CONVENTIONS.keys()], { minLength: 1 });
    fc.assert(
      fc.property(attributes, events, subset, (attrs, evts, picked) => {
        const t = createFullTranslator({ conventions: picked.map((i) => CONVENTIONS[i]!) });
        const span = { name: "s", attributes: attrs, events: evts };
        const translated = t.toMlflowSpan(span);
        expect(MlflowSpanSchema.safeParse(translated).success).toBe(true);
        t.detectConventions(span);
        for (const convention of [undefined, ...t.conventions]) t.validateSpan(span, { convention, require: ["inputs", "outputs", "tokenUsage"] });
        for (const to of t.emitTargets) t.toMlflowSpan(t.fromMlflowSpan(translated, { to }));
      }),
      { numRuns: 150 },
    );
  });

  // A canonical span built by hand (or read back from storage): `inputs` / `outputs` may hold any JSON
  // and every emitter must write something; a typed field of the wrong type (tools that are no tools,
  // a numeric model) is misuse, and the only error is a TypeError naming that field.
  const anyJson = fc.jsonValue({ maxDepth: 3 });
  const canonical: fc.Arbitrary<MlflowSpan> = fc
    .record(
      {
        spanType: fc.constantFrom(...SPAN_TYPES),
        inputs: fc.oneof(anyJson, fc.record({ messages: fc.array(fc.oneof(anyJson, fc.record({ role: fc.oneof(fc.string(), fc.integer()), content: anyJson, tool_calls: anyJson }, { requiredKeys: ["role"] })), { maxLength: 3 }) }, { requiredKeys: [] })),
        outputs: fc.oneof(anyJson, fc.record({ choices: fc.array(fc.oneof(anyJson, fc.record({ index: anyJson, message: anyJson, finish_reason: anyJson })), { maxLength: 3 }) }, { requiredKeys: [] })),
        // Typed fields: mostly well-typed (the emitters' real input), sometimes not (misuse).
        tokenUsage: fc.oneof(
          { weight: 4, arbitrary: fc.record({ input_tokens: fc.nat(), output_tokens: fc.nat(), total_tokens: fc.nat(), cache_read_input_tokens: fc.nat(), reasoning_tokens: fc.nat() }, { requiredKeys: ["input_tokens", "output_tokens", "total_tokens"] }) },
          { weight: 1, arbitrary: fc.dictionary(fc.constantFrom("input_tokens", "output_tokens", "total_tokens"), fc.oneof(fc.integer(), fc.double(), fc.string()), { maxKeys: 3 }) },
        ),
        model: fc.oneof({ weight: 4, arbitrary: fc.string() }, { weight: 1, arbitrary: fc.integer() }),
        provider: fc.string(),
        tools: fc.oneof(
          { weight: 4, arbitrary: fc.array(fc.record({ type: fc.constant("function" as const), function: fc.record({ name: fc.string(), description: fc.string(), parameters: fc.dictionary(fc.string({ maxLength: 4 }), anyJson, { maxKeys: 3 }) }, { requiredKeys: ["name"] }) }), { maxLength: 3 }) },
          { weight: 1, arbitrary: fc.array(fc.oneof(anyJson, fc.record({ type: fc.constant("function"), function: anyJson })), { minLength: 1, maxLength: 3 }) },
        ),
        attributes: fc.dictionary(fc.oneof(fc.constantFrom(...realKeys), fc.string({ maxLength: 6 })), value as fc.Arbitrary<never>, { maxKeys: 5 }),
      },
      { requiredKeys: ["spanType", "attributes"] },
    )
    .map((fields) => ({ name: "s", conventions: [], diagnostics: [], ...fields }) as unknown as MlflowSpan);

  it("fromMlflowSpan to every target on canonical spans whose fields hold any JSON", () => {
    fc.assert(
      fc.property(canonical, (span) => {
        const valid = MlflowSpanSchema.safeParse(span).success;
        for (const to of EMIT_TARGETS) {
          if (!valid) {
            expect(() => fromMlflowSpan(span, { to })).toThrow(/^fromMlflowSpan: span\.(tokenUsage|model|tools)\b/);
            continue;
          }
          const emitted = fromMlflowSpan(span, { to });
          expect(typeof emitted.attributes).toBe("object");
          toMlflowSpan(emitted);
        }
        // toMlflowAttributes refuses the same misuse, naming the same field.
        if (valid) toMlflowAttributes(span);
        else expect(() => toMlflowAttributes(span)).toThrow(/^toMlflowAttributes: span\.(tokenUsage|model|tools)\b/);
      }),
      { numRuns: 300 },
    );
  });

  // Only OtlpDecodeError (a bad document, with the path of the bad element) may come out of the decoder.
  const otlpValue: fc.Arbitrary<unknown> = fc.oneof(
    anyJson,
    fc.record({ stringValue: fc.oneof(fc.string(), fc.integer()) }),
    fc.record({ intValue: fc.oneof(fc.string(), fc.integer(), fc.double()) }),
    fc.record({ doubleValue: fc.oneof(fc.double(), fc.constantFrom("NaN", "Infinity", "x")) }),
    fc.record({ bytesValue: fc.string() }),
    fc.record({ arrayValue: fc.record({ values: fc.array(anyJson, { maxLength: 2 }) }) }),
    fc.record({ kvlistValue: fc.record({ values: fc.array(fc.record({ key: fc.oneof(fc.string(), fc.constant("__proto__")), value: anyJson }), { maxLength: 2 }) }) }),
  );
  const otlpSpan = fc.record(
    {
      name: fc.oneof(fc.string(), fc.integer()),
      traceId: fc.oneof(fc.stringMatching(/^[0-9a-f]{32}$/), fc.string()),
      spanId: fc.oneof(fc.stringMatching(/^[0-9a-f]{16}$/), fc.string()),
      kind: fc.oneof(fc.integer({ min: -1, max: 7 }), fc.string()),
      startTimeUnixNano: fc.oneof(fc.string(), fc.integer(), fc.bigInt({ min: 0n, max: 2n ** 64n }).map(String)),
      attributes: fc.oneof(anyJson, fc.array(fc.record({ key: fc.oneof(fc.constantFrom(...realKeys), fc.string()), value: otlpValue }), { maxLength: 4 })),
      events: fc.oneof(anyJson, fc.array(fc.record({ name: fc.string(), attributes: fc.array(fc.record({ key: fc.string(), value: otlpValue }), { maxLength: 2 }) }), { maxLength: 2 })),
      status: fc.oneof(anyJson, fc.record({ code: fc.oneof(fc.integer(), fc.string()), message: anyJson })),
    },
    { requiredKeys: [] },
  );
  const document = fc.oneof(
    anyJson,
    fc.record({ resourceSpans: fc.oneof(anyJson, fc.array(fc.record({ resource: anyJson, scopeSpans: fc.oneof(anyJson, fc.array(fc.record({ scope: anyJson, spans: fc.oneof(anyJson, fc.array(otlpSpan, { maxLength: 3 })) }, { requiredKeys: [] }), { maxLength: 2 })) }, { requiredKeys: [] }), { maxLength: 2 })) }),
  );

  it("decodeOtlpJson on arbitrary documents (objects, their JSON text, JSON Lines): spans or an OtlpDecodeError", () => {
    fc.assert(
      fc.property(document, fc.constantFrom("object", "text", "lines"), (doc, form) => {
        const input = form === "object" ? doc : form === "text" ? JSON.stringify(doc) : `${JSON.stringify(doc)}\n${JSON.stringify(doc)}`;
        let spans;
        try {
          spans = decodeOtlpJson(input, { logs: doc });
        } catch (error) {
          expect(error).toBeInstanceOf(OtlpDecodeError);
          return;
        }
        for (const span of spans) toMlflowSpan(span);
        encodeOtlpJson(spans);
      }),
      { numRuns: 400 },
    );
  });
});
