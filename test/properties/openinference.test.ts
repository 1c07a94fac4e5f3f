/**
 * OpenInference properties:
 * - canonical -> emit -> parse is the identity on the fields OpenInference carries (chat, retriever,
 *   embedding and generic spans);
 * - arbitrary flattened keys (gaps, huge indices, duplicate spellings of an index, wrong value types)
 *   never throw, and no list comes out longer than the keys present.
 *
 * What OpenInference cannot carry is listed once, in CANNOT_CARRY.openinference (src/conventions/carry.ts,
 * rendered in the README and docs/openinference.md); carry.test.ts shows each of those losses, and the
 * generators below avoid them, so the comparison here removes nothing.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromMlflowSpan, toMlflowSpan, type Attributes, type ChatMessage, type MlflowSpan } from "../../src/index.js";
import { MlflowSpanSchema } from "../../src/schemas/index.js";
import { tokenUsage } from "../helpers/arbitraries.js";

const word = fc.stringMatching(/^[a-z][a-z0-9_]{0,7}$/);
const text = fc.string({ maxLength: 20 });
const part = fc.oneof(
  text.map((t) => ({ type: "text" as const, text: t })),
  text.map((t) => ({ type: "reasoning" as const, text: t })),
  word.map((w) => ({ type: "image_url" as const, image_url: { url: `https://example.com/${w}.png` } })),
  fc.base64String({ minLength: 4, maxLength: 12 }).map((d) => ({ type: "input_audio" as const, input_audio: { data: d, format: "wav" } })),
  word.map((w) => ({ type: "file" as const, file: { file_id: w } })),
);
const parts = fc.array(part, { minLength: 2, maxLength: 3 });
const content = fc.oneof(text, parts);
const args = fc.dictionary(word, fc.oneof(fc.integer(), word), { maxKeys: 3 }).map((o) => JSON.stringify(o));
const toolCall = fc.record({ id: word, type: fc.constant("function" as const), function: fc.record({ name: word, arguments: args }) });
const name = fc.option(word, { nil: undefined });

const withName = <T extends object>(m: T, n: string | undefined) => (n === undefined ? m : { ...m, name: n });
const message: fc.Arbitrary<ChatMessage> = fc.oneof(
  fc.tuple(fc.constantFrom("system", "developer"), text).map(([role, c]) => ({ role, content: c })),
  fc.tuple(content, name).map(([c, n]) => withName({ role: "user", content: c }, n)),
  fc.record({ role: fc.constant("assistant"), content }),
  fc.record({ role: fc.constant("assistant"), content: fc.option(text, { nil: null }), tool_calls: fc.array(toolCall, { minLength: 1, maxLength: 2 }) }),
  fc.tuple(text, word, name).map(([c, id, n]) => withName({ role: "tool", content: c, tool_call_id: id }, n)),
);
const assistant: fc.Arbitrary<ChatMessage> = fc.oneof(
  fc.record({ role: fc.constant("assistant"), content }),
  fc.record({ role: fc.constant("assistant"), content: fc.constant(null), tool_calls: fc.array(toolCall, { minLength: 1, maxLength: 2 }) }),
);
const params = fc.record({ temperature: fc.double({ min: 0, max: 2, noNaN: true }), max_tokens: fc.nat(4096), top_p: fc.double({ min: 0, max: 1, noNaN: true }), stop: fc.array(word, { maxLength: 2 }) }, { requiredKeys: [] });
const usage = tokenUsage({ audio: true });
const tool = fc.record({
  type: fc.constant("function" as const),
  function: fc.record({ name: word, description: text, parameters: fc.constant({ type: "object", properties: {} }), strict: fc.boolean() }, { requiredKeys: ["name"] }),
});
const cost = fc.record({ input_cost: fc.double({ min: 0, max: 10, noNaN: true }), output_cost: fc.double({ min: 0, max: 10, noNaN: true }), total_cost: fc.double({ min: 0, max: 20, noNaN: true }) }, { requiredKeys: [] });

const base = (fields: Partial<MlflowSpan>): MlflowSpan => ({ name: "s", spanType: "LLM", attributes: {}, conventions: [], diagnostics: [], ...fields });

const chatSpan: fc.Arbitrary<MlflowSpan> = fc
  .record({
    messages: fc.array(message, { minLength: 1, maxLength: 5 }),
    params,
    requestModel: fc.option(word, { nil: undefined }),
    model: fc.option(word, { nil: undefined }),
    provider: fc.option(fc.constantFrom("openai", "anthropic", "azure.ai.openai", "aws.bedrock", "gcp.vertex_ai", "mistral_ai", "ollama"), { nil: undefined }),
    choices: fc.option(fc.array(assistant, { minLength: 1, maxLength: 2 }), { nil: undefined }),
    finish: fc.option(fc.constantFrom("stop", "length", "tool_calls", "end_turn"), { nil: null }),
    response: fc.record({ id: word, model: word }, { requiredKeys: [] }),
    usage: fc.option(usage, { nil: undefined }),
    tools: fc.option(fc.array(tool, { minLength: 1, maxLength: 2 }), { nil: undefined }),
    cost: fc.option(cost, { nil: undefined }),
    // The LLM kind stands for both; the emitter's mlflow.spanType keeps an LLM span written with messages LLM.
    spanType: fc.constantFrom("CHAT_MODEL", "LLM") as fc.Arbitrary<MlflowSpan["spanType"]>,
  })
  .map((g) => {
    const inputs: Record<string, unknown> = { messages: g.messages, ...g.params };
    if (g.requestModel !== undefined) inputs.model = g.requestModel;
    const span = base({ spanType: g.spanType, inputs, messageFormat: "openai" });
    if (g.model !== undefined) span.model = g.model;
    if (g.provider !== undefined) span.provider = g.provider;
    if (g.choices) span.outputs = { ...g.response, choices: g.choices.map((message, index) => ({ index, message, finish_reason: g.finish })) };
    if (g.usage) span.tokenUsage = g.usage;
    if (g.tools) span.tools = g.tools;
    if (g.cost && Object.keys(g.cost).length > 0) span.cost = g.cost;
    return span;
  });

const doc = fc.record(
  { id: word, page_content: text, metadata: fc.record({ score: fc.double({ min: 0, max: 1, noNaN: true }), source: word, page: fc.nat(100) }, { requiredKeys: [] }) },
  { requiredKeys: ["page_content", "metadata"] },
);
const otherSpan: fc.Arbitrary<MlflowSpan> = fc.oneof(
  fc.tuple(text, fc.array(doc, { minLength: 1, maxLength: 3 })).map(([q, docs]) => base({ spanType: "RETRIEVER", inputs: q, outputs: docs })),
  fc.tuple(text, fc.nat(10), fc.array(doc, { minLength: 1, maxLength: 3 }), fc.array(doc, { minLength: 1, maxLength: 2 }), word).map(([query, top_k, documents, out, model]) =>
    base({ spanType: "RERANKER", inputs: { query, top_k, documents }, outputs: out, model }),
  ),
  fc
    .tuple(fc.array(text, { minLength: 1, maxLength: 3 }), word, fc.option(fc.nat(8), { nil: undefined }))
    .chain(([texts, model, dims]) =>
      fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 4 }).map((vector) => {
        const inputs: Record<string, unknown> = { input: texts };
        if (dims !== undefined) inputs.dimensions = dims;
        return base({ spanType: "EMBEDDING", model, inputs, outputs: { data: texts.map((_, index) => ({ index, object: "embedding", embedding: vector })) } });
      }),
    ),
  fc
    .tuple(fc.constantFrom("CHAIN", "AGENT", "TOOL", "GUARDRAIL", "EVALUATOR", "UNKNOWN", "PARSER", "MEMORY", "WORKFLOW", "TASK") as fc.Arbitrary<MlflowSpan["spanType"]>, fc.oneof(text, fc.jsonValue()), fc.oneof(text, fc.jsonValue()))
    .map(([spanType, inputs, outputs]) => base({ spanType, inputs: inputs ?? undefined, outputs: outputs ?? undefined })),
);

const FIELDS = ["spanType", "inputs", "outputs", "tokenUsage", "model", "provider", "tools", "cost", "messageFormat"] as const;
const carried = (s: MlflowSpan) => Object.fromEntries(FIELDS.map((f) => [f, s[f]]));
/** The provider-inferred loss (README "Round trips"): a provider the original did not have is inferred from the model. */
const withoutInferred = (back: MlflowSpan, span: MlflowSpan): MlflowSpan => (span.provider === undefined ? { ...back, provider: undefined } : back);

describe("OpenInference round trip", () => {
  it("canonical chat span -> emit -> parse is the identity on the carried fields", () => {
    fc.assert(
      fc.property(chatSpan, (span) => {
        const back = toMlflowSpan(fromMlflowSpan(span, { to: "openinference" }));
        expect(back.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
        // A generated model such as "o3" names its provider (a declared loss when the span had none).
        expect(carried(withoutInferred(back, span))).toEqual(carried(span));
      }),
      { numRuns: 400 },
    );
  });

  it("retriever, reranker, embedding and generic spans -> emit -> parse is the identity", () => {
    fc.assert(
      fc.property(otherSpan, (span) => {
        const back = toMlflowSpan(fromMlflowSpan(span, { to: "openinference" }));
        expect(back.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
        // Through JSON (input.value / output.value) -0 becomes 0: compare JSON forms.
        expect(JSON.parse(JSON.stringify(carried(withoutInferred(back, span))))).toEqual(JSON.parse(JSON.stringify(carried(span))));
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------

const LISTS = ["llm.input_messages", "llm.output_messages", "llm.tools", "retrieval.documents", "reranker.input_documents", "reranker.output_documents", "embedding.embeddings", "llm.prompts", "llm.choices"] as const;
const LEAVES = [
  "message.role",
  "message.content",
  "message.name",
  "message.tool_call_id",
  "message.contents.0.message_content.type",
  "message.contents.1.message_content.text",
  "message.contents.3.message_content.image.image.url",
  "message.contents.2.tool_call.id",
  "message.tool_calls.0.tool_call.function.name",
  "message.tool_calls.7.tool_call.function.arguments",
  "message.function_call_name",
  "tool.json_schema",
  "tool.name",
  "document.content",
  "document.id",
  "document.score",
  "document.metadata",
  "embedding.text",
  "embedding.vector",
  "prompt.text",
  "completion.text",
  "message",
  "__proto__.x",
  "constructor",
];
/** Canonical, huge, non-canonical ("01") and hostile indices. */
const index = fc.oneof(fc.nat(6).map(String), fc.constantFrom("01", "-1", "4294967295", "1e3", "99999999999999999999", "", "x", "10000", "10001"));
const value: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(),
  fc.constantFrom("user", "assistant", "tool", "text", "image", "tool_use", "reasoning", "{}", '{"name":"f"}', "[1,2]", "__REDACTED__"),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.array(fc.double(), { maxLength: 3 }),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.jsonValue(),
  fc.constant(null),
  fc.constant(new Uint8Array([1, 2, 3])),
);
const flatKey = fc.tuple(fc.constantFrom(...LISTS), index, fc.constantFrom(...LEAVES)).map(([list, i, leaf]) => `${list}.${i}.${leaf}`);
const scalarKey = fc.constantFrom(
  "openinference.span.kind",
  "llm.model_name",
  "llm.provider",
  "llm.system",
  "llm.invocation_parameters",
  "llm.finish_reason",
  "llm.token_count.prompt",
  "llm.token_count.completion",
  "llm.token_count.total",
  "llm.token_count.prompt_details.cache_read",
  "llm.token_count.prompt_details.cache_write",
  "llm.cost.total",
  "llm.prompts",
  "input.value",
  "input.mime_type",
  "output.value",
  "output.mime_type",
  "embedding.model_name",
  "embedding.invocation_parameters",
  "reranker.query",
  "reranker.top_k",
  "reranker.model_name",
);
const attributes = fc.array(fc.tuple(fc.oneof(flatKey, scalarKey), value), { maxLength: 25 }).map((entries) => {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out as Attributes;
});

function keysUnder(attrs: Attributes, prefix: string): number {
  return Object.keys(attrs).filter((k) => k.startsWith(`${prefix}.`)).length;
}

describe("OpenInference never throws and stays bounded", () => {
  it("arbitrary flattened keys and values: a valid span, lists no longer than the keys present, emit works", () => {
    fc.assert(
      fc.property(attributes, fc.constantFrom(undefined, "LLM", "EMBEDDING", "RETRIEVER", "RERANKER", "TOOL", "what"), (attrs, kind) => {
        if (kind !== undefined) attrs["openinference.span.kind"] = kind;
        const span = toMlflowSpan({ name: "s", attributes: attrs });
        expect(MlflowSpanSchema.safeParse(span).success).toBe(true);
        for (const key of Object.keys(attrs)) expect(Object.prototype.hasOwnProperty.call(span.attributes, key)).toBe(true);
        const inputs = span.inputs as Record<string, unknown> | undefined;
        const outputs = span.outputs as Record<string, unknown> | undefined;
        const messages = Array.isArray(inputs?.messages) ? inputs.messages.length : 0;
        expect(messages).toBeLessThanOrEqual(keysUnder(attrs, "llm.input_messages") + keysUnder(attrs, "llm.prompts") + (attrs["llm.prompts"] !== undefined ? (Array.isArray(attrs["llm.prompts"]) ? (attrs["llm.prompts"] as unknown[]).length : 0) : 0) + 1);
        if (Array.isArray(outputs?.choices)) expect(outputs.choices.length).toBeLessThanOrEqual(keysUnder(attrs, "llm.output_messages") + keysUnder(attrs, "llm.choices"));
        if (Array.isArray(span.outputs) && attrs["output.value"] === undefined) expect(span.outputs.length).toBeLessThanOrEqual(keysUnder(attrs, "retrieval.documents") + keysUnder(attrs, "reranker.output_documents"));
        expect(span.tools?.length ?? 0).toBeLessThanOrEqual(keysUnder(attrs, "llm.tools"));
        if (Array.isArray(outputs?.data)) expect(outputs.data.length).toBeLessThanOrEqual(keysUnder(attrs, "embedding.embeddings"));
        const emitted = fromMlflowSpan(span, { to: "openinference" });
        toMlflowSpan(emitted);
      }),
      { numRuns: 600 },
    );
  });

  it("a 2^32 index or 12k indexed keys (past the 10k limit) allocate no more than the keys present", () => {
    const huge = toMlflowSpan({ name: "s", attributes: { "openinference.span.kind": "LLM", "llm.input_messages.4294967295.message.role": "user", "llm.input_messages.4294967295.message.content": "x" } });
    expect(huge.inputs).toBeUndefined();
    expect(huge.diagnostics.map((d) => d.code)).toContain("index-too-large");
    const attrs: Attributes = { "openinference.span.kind": "RETRIEVER" };
    for (let i = 0; i < 12_000; i++) attrs[`retrieval.documents.${i}.document.content`] = `d${i}`;
    const span = toMlflowSpan({ name: "s", attributes: attrs });
    // Indices up to the 10,000 limit are expanded; the others are refused and kept raw.
    expect((span.outputs as unknown[]).length).toBe(10_001);
    // 100 listed, the rest counted in one summary (MAX_DIAGNOSTICS).
    expect(span.diagnostics.filter((d) => d.code === "index-too-large").length).toBe(100);
    expect(span.diagnostics.at(-1)!.message).toContain(`index-too-large ×${12_000 - 10_001 - 100}`);
  });
});
