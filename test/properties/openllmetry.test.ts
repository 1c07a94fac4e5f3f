/**
 * fast-check properties of the OpenLLMetry mapping:
 * 1. translating arbitrary values under OpenLLMetry keys never throws and keeps every attribute;
 * 2. canonical -> emit(openllmetry) -> parse gives the same canonical fields back.
 *
 * What OpenLLMetry cannot carry is listed once, in CANNOT_CARRY.openllmetry (src/conventions/carry.ts,
 * rendered in the README); carry.test.ts shows each of those losses, and the generators below avoid
 * them (inputs.model and outputs.model are always set to the model, so nothing is removed here).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromMlflowSpan, toMlflowSpan, type Attributes, type ChatMessage, type MlflowSpan } from "../../src/index.js";
import { MlflowSpanSchema } from "../../src/schemas/index.js";

const keys = [
  "traceloop.span.kind", "traceloop.entity.input", "traceloop.entity.output", "traceloop.workflow.name", "traceloop.association.properties.user",
  "llm.request.type", "llm.usage.total_tokens", "llm.top_k", "llm.chat.stop_sequences", "llm.is_streaming", "llm.response.finish_reason",
  "llm.request.functions.0.name", "llm.request.functions.0.parameters", "llm.request.functions.1.arguments",
  "gen_ai.prompt.0.role", "gen_ai.prompt.0.content", "gen_ai.prompt.1.content", "gen_ai.prompt.0.tool_calls.0.name",
  "gen_ai.prompt.0.tool_calls.0.arguments", "gen_ai.completion.0.content", "gen_ai.completion.0.finish_reason",
  "gen_ai.completion.0.tool_calls.0.id", "gen_ai.completion.0.function_call.name", "gen_ai.usage.prompt_tokens",
  "db.vector.query.top_k", "db.vector.query.result.0.id", "db.vector.query.result.0.metadata", "db.chroma.query.n_results",
];
const segment = fc.oneof(fc.constantFrom("__proto__", "constructor", "0", "1", "10001", "-1", "", "role", "content"), fc.string({ maxLength: 4 }));
const key = fc.oneof(fc.constantFrom(...keys), fc.tuple(fc.constantFrom(...keys), segment).map(([k, s]) => `${k}.${s}`));
const blocks = fc.array(
  fc.oneof(
    fc.record({ type: fc.constantFrom("text", "thinking", "image", "tool_use", "tool_result", "weird"), text: fc.string(), thinking: fc.anything(), source: fc.anything(), input: fc.anything(), content: fc.anything() }, { requiredKeys: ["type"] }),
    fc.anything(),
  ),
  { maxLength: 3 },
).map((b) => JSON.stringify(b) ?? "[]");
const value: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(), blocks, fc.json(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined),
  fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 }), fc.uint8Array({ maxLength: 3 }),
  fc.constantFrom('{"args":[1],"kwargs":{"a":2}}', '{"inputs":{"q":1},"tags":[]}', '{"args":', "null", "chat", "workflow", "tool"),
);
const eventAttrs = fc.dictionary(fc.constantFrom("db.query.result.id", "db.query.result.score", "db.query.result.metadata", "db.query.result.document", "db.search.result.entity"), value, { maxKeys: 4 });
const events = fc.array(fc.record({ name: fc.constantFrom("db.query.result", "db.search.result", "exception"), attributes: eventAttrs as fc.Arbitrary<Attributes> }), { maxLength: 3 });

describe("OpenLLMetry: never throws", () => {
  it("on arbitrary values under OpenLLMetry keys, and the result emits again", () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 15 }) as fc.Arbitrary<Attributes>, events, (attrs, evts) => {
        const span = toMlflowSpan({ name: "s", attributes: attrs, events: evts });
        expect(MlflowSpanSchema.safeParse(span).success).toBe(true);
        for (const k of Object.keys(attrs)) expect(Object.prototype.hasOwnProperty.call(span.attributes, k)).toBe(true);
        const back = toMlflowSpan(fromMlflowSpan(span, { to: "openllmetry" }));
        expect(MlflowSpanSchema.safeParse(back).success).toBe(true);
        expect(({} as Record<string, unknown>).role).toBeUndefined();
      }),
      { numRuns: 400 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Round trip

const text = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s !== "null" && !s.trimStart().startsWith("["));
const id = fc.stringMatching(/^[a-z0-9_]{1,8}$/);
const toolCall = fc.record({ id, type: fc.constant("function" as const), function: fc.record({ name: id, arguments: fc.json({ maxDepth: 1 }) }) });
const parts = fc.array(
  fc.oneof(
    fc.record({ type: fc.constant("text"), text }),
    fc.record({ type: fc.constant("image_url"), image_url: fc.record({ url: fc.webUrl() }) }),
    fc.record({ type: fc.constant("reasoning"), text }),
  ),
  { minLength: 2, maxLength: 3 },
);
const content = fc.oneof(text, parts, fc.constant(null));
const chatMessage: fc.Arbitrary<ChatMessage> = fc.oneof(
  fc.record({ role: fc.constantFrom("system", "user", "developer"), content: fc.oneof(text, parts) }),
  fc.record({ role: fc.constant("assistant"), content, tool_calls: fc.array(toolCall, { minLength: 1, maxLength: 2 }) }, { requiredKeys: ["role", "content"] }),
  fc.record({ role: fc.constant("tool"), content: text, tool_call_id: id }),
  fc.record({ role: fc.constant("user"), content: text, name: id }),
) as fc.Arbitrary<ChatMessage>;
const count = fc.nat({ max: 100_000 });
const usage = fc.tuple(count, count, fc.option(fc.nat({ max: 100 }), { nil: undefined })).map(([input, output, cached]) => {
  const u: Record<string, number> = { input_tokens: input + (cached ?? 0), output_tokens: output, total_tokens: input + (cached ?? 0) + output };
  if (cached !== undefined) u.cache_read_input_tokens = cached;
  return u;
});
const tool = fc.record({ type: fc.constant("function" as const), function: fc.record({ name: id, description: text, parameters: fc.constant({ type: "object", properties: {} }) }, { requiredKeys: ["name"] }) });

const chatSpan: fc.Arbitrary<MlflowSpan> = fc
  .record({
    spanType: fc.constantFrom("CHAT_MODEL", "LLM"),
    messages: fc.array(chatMessage, { minLength: 1, maxLength: 4 }),
    choices: fc.array(fc.record({ message: chatMessage.filter((m) => m.role === "assistant"), finish_reason: fc.option(fc.constantFrom("stop", "length", "tool_calls", "end_turn"), { nil: null }) }), { maxLength: 2 }),
    model: id,
    provider: fc.constantFrom("openai", "anthropic"),
    temperature: fc.option(fc.double({ min: 0, max: 2, noNaN: true }), { nil: undefined }),
    top_k: fc.option(fc.nat({ max: 50 }), { nil: undefined }),
    stop: fc.option(fc.array(text, { minLength: 1, maxLength: 2 }), { nil: undefined }),
    usage: fc.option(usage, { nil: undefined }),
    stream: fc.option(fc.boolean(), { nil: undefined }),
    tools: fc.option(fc.array(tool, { minLength: 1, maxLength: 2 }), { nil: undefined }),
  })
  .map((r) => {
    const inputs: Record<string, unknown> = { messages: r.messages, model: r.model };
    if (r.temperature !== undefined) inputs.temperature = r.temperature;
    if (r.top_k !== undefined) inputs.top_k = r.top_k;
    if (r.stop !== undefined) inputs.stop = r.stop;
    // Without usage, the emitter marks the span with gen_ai.is_streaming (the stream-flag loss): set it.
    if (r.stream !== undefined || r.usage === undefined) inputs.stream = r.stream ?? false;
    const span: MlflowSpan = { name: "s", spanType: r.spanType, inputs, model: r.model, provider: r.provider, attributes: {}, conventions: [], diagnostics: [] };
    if (r.choices.length > 0) span.outputs = { model: r.model, choices: r.choices.map((c, index) => ({ index, ...c })) };
    if (r.usage) span.tokenUsage = r.usage as unknown as MlflowSpan["tokenUsage"];
    if (r.tools) span.tools = r.tools;
    return span;
  });

const json = fc.jsonValue({ maxDepth: 2 });
const wrapperSpan: fc.Arbitrary<MlflowSpan> = fc
  .record({ spanType: fc.constantFrom("WORKFLOW", "TASK", "AGENT", "TOOL"), inputs: fc.option(json, { nil: undefined }), outputs: fc.option(json, { nil: undefined }) })
  .map((r) => {
    const span: MlflowSpan = { name: "w", spanType: r.spanType, attributes: {}, conventions: [], diagnostics: [] };
    // JSON round trips turn -0 into 0.
    if (r.inputs !== undefined) span.inputs = JSON.parse(JSON.stringify(r.inputs));
    if (r.outputs !== undefined) span.outputs = JSON.parse(JSON.stringify(r.outputs));
    return span;
  });

const fields = (s: MlflowSpan) => ({ spanType: s.spanType, inputs: s.inputs, outputs: s.outputs, tokenUsage: s.tokenUsage, model: s.model, provider: s.provider, tools: s.tools });

describe("OpenLLMetry: canonical -> emit -> parse", () => {
  it("chat and completion spans", () => {
    fc.assert(
      fc.property(chatSpan, (span) => {
        const back = toMlflowSpan(fromMlflowSpan(span, { to: "openllmetry" }));
        expect(fields(back)).toEqual(fields(span));
      }),
      { numRuns: 300 },
    );
  });

  it("workflow, task, agent and tool spans", () => {
    fc.assert(
      fc.property(wrapperSpan, (span) => {
        const back = toMlflowSpan(fromMlflowSpan(span, { to: "openllmetry" }));
        expect(fields(back)).toEqual(fields(span));
      }),
      { numRuns: 300 },
    );
  });
});
