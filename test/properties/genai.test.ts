/**
 * GenAI properties:
 * - a canonical chat span written as GenAI and read back keeps its canonical fields;
 * - arbitrary or malformed `gen_ai.*` values never throw and bad ones are reported.
 *
 * What GenAI cannot carry is listed once, in CANNOT_CARRY.genai (src/conventions/carry.ts, rendered in the
 * README); carry.test.ts shows each of those losses. The generators below avoid the shape losses, and
 * the comparison removes exactly the table's request-model and response-model paths.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromMlflowSpan, toMlflowSpan, type Attributes, type ChatMessage, type MlflowSpan } from "../../src/index.js";
import { MlflowSpanSchema } from "../../src/schemas/index.js";
import { stripOf, withoutPaths } from "./losses.js";
import { GenAiInputMessagesSchema, GenAiOutputMessagesSchema, GenAiSystemInstructionsSchema } from "../../src/schemas/genai.js";
import { tokenUsage } from "../helpers/arbitraries.js";

const word = fc.stringMatching(/^[a-z]{1,6}$/);
const text = fc.string({ maxLength: 20 });
const part = fc.oneof(
  text.map((t) => ({ type: "text" as const, text: t })),
  text.map((t) => ({ type: "reasoning" as const, text: t })),
  fc.base64String({ maxLength: 12 }).map((d) => ({ type: "image_url" as const, image_url: { url: `data:image/png;base64,${d}` } })),
  word.map((w) => ({ type: "image_url" as const, image_url: { url: `https://example.com/${w}.png` } })),
);
// A list of one text part would come back as a string; lists are generated with a non-text part or two+ parts.
const parts = fc.array(part, { minLength: 2, maxLength: 3 });
const content = fc.oneof(text, parts);
const args = fc.dictionary(word, fc.oneof(fc.integer(), word), { maxKeys: 3 }).map((o) => JSON.stringify(o));
const toolCall = fc.record({ id: word, type: fc.constant("function" as const), function: fc.record({ name: word, arguments: args }) });

const userMessage = fc.record({ role: fc.constant("user"), content }, { requiredKeys: ["role", "content"] });
const systemMessage = fc.record({ role: fc.constant("system"), content: text });
const assistantMessage = fc.oneof(
  fc.record({ role: fc.constant("assistant"), content }),
  fc.record({ role: fc.constant("assistant"), content: fc.constant(null), tool_calls: fc.array(toolCall, { minLength: 1, maxLength: 2 }) }),
);
const toolMessage = fc.record({ role: fc.constant("tool"), content: text, tool_call_id: word });
const history = fc
  .tuple(fc.option(systemMessage, { nil: undefined }), fc.array(fc.oneof(userMessage, assistantMessage, toolMessage), { minLength: 1, maxLength: 4 }))
  .map(([sys, rest]) => (sys ? [sys, ...rest] : rest) as ChatMessage[]);
const finish = fc.constantFrom("stop", "length", "tool_calls", "content_filter", null);
const choices = fc
  .array(fc.tuple(assistantMessage, finish), { minLength: 1, maxLength: 2 })
  .map((list) => list.map(([message, finish_reason], index) => ({ index, message: message as ChatMessage, finish_reason })));
const usage = tokenUsage({ audio: true });
const tool = fc.record(
  { type: fc.constant("function" as const), function: fc.record({ name: word, description: text, parameters: fc.constant({ type: "object", properties: {} }) }, { requiredKeys: ["name"] }) },
);
const params = fc.record({ temperature: fc.double({ min: 0, max: 2, noNaN: true }), max_tokens: fc.nat(4096), seed: fc.integer(), stop: fc.array(word, { minLength: 1, maxLength: 2 }) }, { requiredKeys: [] });

const chatSpan: fc.Arbitrary<MlflowSpan> = fc
  .record({
    messages: history,
    params,
    requestModel: fc.option(word, { nil: undefined }),
    model: word,
    provider: fc.constantFrom("openai", "anthropic", "aws.bedrock", "mistral_ai"),
    choices: fc.option(choices, { nil: undefined }),
    usage: fc.option(usage, { nil: undefined }),
    tools: fc.option(fc.array(tool, { minLength: 1, maxLength: 2 }), { nil: undefined }),
  })
  .map((g) => {
    const inputs: Record<string, unknown> = { messages: g.messages, ...g.params };
    if (g.requestModel !== undefined) inputs.model = g.requestModel;
    const span: MlflowSpan = { name: "s", spanType: "CHAT_MODEL", inputs, model: g.model, provider: g.provider, attributes: {}, conventions: [], diagnostics: [] };
    if (g.choices) span.outputs = { choices: g.choices };
    if (g.usage) span.tokenUsage = g.usage;
    if (g.tools) span.tools = g.tools;
    return span;
  });

const MODEL_PATHS = stripOf("genai", "request-model", "response-model");
function carried(s: MlflowSpan) {
  const fields = { spanType: s.spanType, inputs: s.inputs, outputs: s.outputs ?? {}, tokenUsage: s.tokenUsage, model: s.model, provider: s.provider, tools: s.tools };
  return withoutPaths(fields, MODEL_PATHS);
}

describe("GenAI round trip", () => {
  it("canonical chat span -> emit -> parse keeps type, messages, choices, parameters, usage, model, provider, tools", () => {
    fc.assert(
      fc.property(chatSpan, fc.boolean(), (span, includeDeprecated) => {
        const emitted = fromMlflowSpan(span, { to: "genai", includeDeprecated });
        const a = emitted.attributes;
        expect(GenAiInputMessagesSchema.safeParse(JSON.parse(a["gen_ai.input.messages"] as string)).success).toBe(true);
        if (a["gen_ai.output.messages"] !== undefined) expect(GenAiOutputMessagesSchema.safeParse(JSON.parse(a["gen_ai.output.messages"] as string)).success).toBe(true);
        if (a["gen_ai.system_instructions"] !== undefined) expect(GenAiSystemInstructionsSchema.safeParse(JSON.parse(a["gen_ai.system_instructions"] as string)).success).toBe(true);
        const back = toMlflowSpan(emitted);
        expect(back.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
        expect(carried(back)).toEqual(carried(span));
      }),
      { numRuns: 300 },
    );
  });
});

const typedKeys = {
  "gen_ai.input.messages": "messages",
  "gen_ai.output.messages": "messages",
  // A plain string is the system text (contrib OpenAI 0.22): only non-text values are malformed.
  "gen_ai.system_instructions": "strings",
  "gen_ai.tool.definitions": "messages",
  "gen_ai.usage.input_tokens": "count",
  "gen_ai.usage.output_tokens": "count",
  "gen_ai.usage.cache_read.input_tokens": "count",
  "gen_ai.usage.prompt_tokens": "count",
  "gen_ai.request.model": "string",
  "gen_ai.provider.name": "string",
  "gen_ai.operation.name": "string",
  "gen_ai.request.temperature": "number",
  "gen_ai.request.max_tokens": "number",
  "gen_ai.response.finish_reasons": "strings",
} as const;
const malformed = {
  messages: fc.oneof(
    fc.string().filter((s) => !/^\s*[[{"\d-]/.test(s) && !["true", "false", "null"].includes(s.trim())),
    fc.integer(),
    fc.constantFrom('{"role":"user"}', '[{"role":"user"}]', '[{"parts":[{"type":"text"}],"role":"user"}]', "[1,2]", '{"a":', '[{"role":"user","parts":"x"}]'),
  ),
  count: fc.oneof(fc.integer({ max: -1 }), fc.double({ noInteger: true }), fc.string().filter((s) => !/^\s*\d+\s*$/.test(s)), fc.boolean()),
  string: fc.oneof(fc.integer(), fc.boolean(), fc.constant("")),
  number: fc.oneof(fc.string(), fc.boolean()),
  strings: fc.oneof(fc.integer(), fc.boolean(), fc.constant([1, 2])),
} as const;
const malformedEntry = fc.constantFrom(...(Object.keys(typedKeys) as (keyof typeof typedKeys)[])).chain((key) => malformed[typedKeys[key]].map((v) => [key, v] as const));

describe("GenAI never throws", () => {
  it("a malformed value of a typed gen_ai.* key gives a diagnostic naming it and a valid span", () => {
    fc.assert(
      fc.property(malformedEntry, ([key, value]) => {
        const span = toMlflowSpan({ name: "s", attributes: { [key]: value as Attributes[string] } });
        expect(MlflowSpanSchema.safeParse(span).success).toBe(true);
        expect(span.diagnostics.filter((d) => d.code !== "unknown-operation").length).toBeGreaterThan(0);
        expect(span.attributes[key]).toEqual(value);
        fromMlflowSpan(span, { to: "genai", includeDeprecated: true });
      }),
      { numRuns: 500 },
    );
  });

  it("arbitrary gen_ai.* attributes and events: parse and emit never throw; emitted messages match the schemas", () => {
    const keys = fc.constantFrom(...Object.keys(typedKeys), "gen_ai.prompt", "gen_ai.completion", "gen_ai.system", "gen_ai.tool.call.arguments", "gen_ai.tool.call.result", "gen_ai.response.id", "gen_ai.usage.total_tokens", "gen_ai.usage.cache_write.input_tokens");
    const value = fc.oneof(fc.jsonValue().map((v) => JSON.stringify(v)), fc.jsonValue() as fc.Arbitrary<unknown>, fc.string(), fc.integer(), fc.double(), fc.boolean());
    const body = fc.oneof(fc.jsonValue(), fc.record({ content: fc.oneof(fc.string(), fc.jsonValue()), role: fc.string(), id: fc.string(), tool_calls: fc.jsonValue(), message: fc.jsonValue(), index: fc.jsonValue(), finish_reason: fc.jsonValue() }, { requiredKeys: [] }));
    const event = fc.record({
      name: fc.constantFrom("gen_ai.system.message", "gen_ai.user.message", "gen_ai.assistant.message", "gen_ai.tool.message", "gen_ai.choice", "gen_ai.client.inference.operation.details"),
      attributes: fc.oneof(body.map((b) => ({ body: b })), fc.dictionary(keys, value, { maxKeys: 4 })),
    });
    fc.assert(
      fc.property(fc.dictionary(keys, value, { maxKeys: 10 }), fc.array(event, { maxLength: 4 }), (attrs, events) => {
        const span = toMlflowSpan({ name: "s", attributes: attrs as Attributes, events: events as never });
        expect(MlflowSpanSchema.safeParse(span).success).toBe(true);
        const a = fromMlflowSpan(span, { to: "genai", includeDeprecated: true }).attributes;
        if (typeof a["gen_ai.input.messages"] === "string") expect(GenAiInputMessagesSchema.safeParse(JSON.parse(a["gen_ai.input.messages"])).success).toBe(true);
        if (typeof a["gen_ai.output.messages"] === "string") expect(GenAiOutputMessagesSchema.safeParse(JSON.parse(a["gen_ai.output.messages"])).success).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
