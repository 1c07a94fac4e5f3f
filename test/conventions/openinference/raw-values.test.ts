/**
 * OpenInference: facts only the raw request / response JSON holds (`input.value`, `output.value`),
 * filled into what the flattened `llm.*` keys lack (issue 13). Captured fixtures with exact
 * expectations first, then one row per rule, then properties.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toMlflowSpan, type Attributes, type MlflowSpan } from "../../../src/index.js";
import { loadFixture } from "../../helpers/fixtures.js";

type Msg = { role: string; content: unknown; tool_calls?: unknown; tool_call_id?: string };
const oiSpan = (id: string, keepSource = true): MlflowSpan =>
  loadFixture(`openinference/${id}`)
    .map((s) => toMlflowSpan(s, { keepSource }))
    .find((s) => s.conventions.includes("openinference"))!;
const messagesOf = (span: MlflowSpan) => (span.inputs as { messages: Msg[] }).messages;
const codes = (s: MlflowSpan) => s.diagnostics.map((d) => d.code);

const SYSTEM = "You are a concise assistant. Answer in one sentence.";
const PIXEL = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

describe("captured fixtures", () => {
  it("Bedrock InvokeModel, Anthropic body: the body's `system` string is the first message", () => {
    const span = oiSpan("openinference-bedrock__invoke-anthropic");
    expect(messagesOf(span)).toEqual([
      { role: "system", content: SYSTEM },
      { role: "user", content: "What is the capital of France?" },
    ]);
    expect(span.diagnostics).toContainEqual(expect.objectContaining({ code: "system-prompt-recovered", severity: "info", key: "input.value" }));
  });

  it("Bedrock InvokeModel, Nova body: `system: [{text}]` is the first message", () => {
    const span = oiSpan("openinference-bedrock__invoke-nova");
    expect(messagesOf(span)).toEqual([
      { role: "system", content: SYSTEM },
      { role: "user", content: "What is the capital of France?" },
    ]);
  });

  it("Bedrock InvokeModel, Llama body: the templated prompt stays one user string (the template is not split)", () => {
    const span = oiSpan("openinference-bedrock__invoke-llama");
    const messages = messagesOf(span);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.role).toBe("user");
    expect(messages[0]!.content).toContain(`<|start_header_id|>system<|end_header_id|>\n\n${SYSTEM}<|eot_id|>`);
    expect(codes(span)).not.toContain("system-prompt-recovered");
  });

  it("Bedrock Converse: the system message the flattened keys have is not repeated", () => {
    const span = oiSpan("openinference-bedrock__converse");
    expect(messagesOf(span)).toEqual([
      { role: "system", content: SYSTEM },
      { role: "user", content: "What is the capital of France?" },
    ]);
  });

  it("Bedrock Converse: the cache split comes from output.value; input includes it (21 + 2048 + 512)", () => {
    const span = oiSpan("openinference-bedrock__converse");
    expect(span.tokenUsage).toEqual({ input_tokens: 2581, output_tokens: 11, total_tokens: 2592, cache_read_input_tokens: 2048, cache_creation_input_tokens: 512 });
    expect(span.diagnostics.filter((d) => d.code === "usage-cache-added")).toHaveLength(1);
  });

  it("Bedrock Converse tool result: the tool message content is the toolResult JSON, compact", () => {
    const span = oiSpan("openinference-bedrock__converse-tool-result");
    expect(messagesOf(span)).toEqual([
      { role: "user", content: "What's the weather like in Paris today?" },
      {
        role: "assistant",
        content: "I'll look up the current weather in Paris.",
        tool_calls: [{ id: "tooluse_fixture_0001", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris","unit":"celsius"}' } }],
      },
      { role: "tool", content: '{"temperature":18,"condition":"sunny"}', tool_call_id: "tooluse_fixture_0001" },
    ]);
    // Counts that add up: output.value is not asked for a cache split.
    expect(span.tokenUsage).toEqual({ input_tokens: 512, output_tokens: 16, total_tokens: 528 });
  });

  it("LangChain history: the user's text and image parts and the AI turn's tool call come from the envelopes", () => {
    const span = oiSpan("openinference-langchain-more__history-tools-image");
    expect(messagesOf(span)).toEqual([
      { role: "system", content: SYSTEM },
      {
        role: "user",
        content: [
          { type: "text", text: "What's the weather like where this photo was taken?" },
          { type: "image_url", image_url: { url: `data:image/png;base64,${PIXEL}` } },
        ],
      },
      {
        role: "assistant",
        content: null,
        tool_calls: [{ id: "call_fixture_0001", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris","unit":"celsius"}' } }],
      },
      { role: "tool", content: '{"city":"Paris","temperature":18,"condition":"sunny"}', tool_call_id: "call_fixture_0001" },
      { role: "assistant", content: "It is currently 18 °C and sunny in Paris." },
      { role: "user", content: "Thanks! And what is the capital of France?" },
    ]);
    expect(span.diagnostics).toEqual([]);
  });

  it("Anthropic image: the base64 data from input.value makes an image_url part, with no unknown-content-part", () => {
    const span = oiSpan("openinference-anthropic-more__messages-image");
    expect(messagesOf(span)).toEqual([
      {
        role: "user",
        content: [
          { type: "image_url", image_url: { url: `data:image/png;base64,${PIXEL}` } },
          { type: "text", text: "What is in this picture?" },
        ],
      },
    ]);
    expect(codes(span)).not.toContain("unknown-content-part");
  });

  it("input.value and output.value stay on the span (only peeked at), also with keepSource: false", () => {
    for (const id of ["openinference-bedrock__invoke-anthropic", "openinference-bedrock__converse", "openinference-langchain-more__history-tools-image", "openinference-anthropic-more__messages-image"]) {
      const span = oiSpan(id, false);
      expect(typeof span.attributes["input.value"], id).toBe("string");
      expect(typeof span.attributes["output.value"], id).toBe("string");
    }
  });
});

const KIND = { "openinference.span.kind": "LLM" };
const JSON_IN = (body: unknown): Attributes => ({ "input.value": typeof body === "string" ? body : JSON.stringify(body), "input.mime_type": "application/json" });
const m = (i: number, field: string, value: Attributes[string]): Attributes => ({ [`llm.input_messages.${i}.message.${field}`]: value });
const parse = (attrs: Attributes) => toMlflowSpan({ name: "span", attributes: { ...KIND, ...attrs } });

describe("rules", () => {
  it("a system message of the flattened keys wins over the body's `system`", () => {
    const span = parse({ ...m(0, "role", "system"), ...m(0, "content", "flat"), ...m(1, "role", "user"), ...m(1, "content", "hi"), ...JSON_IN({ system: "raw", messages: [{ role: "user", content: "hi" }] }) });
    expect(messagesOf(span)).toEqual([
      { role: "system", content: "flat" },
      { role: "user", content: "hi" },
    ]);
  });

  it("a system prompt in llm.invocation_parameters is used first (one system message, not two)", () => {
    const span = parse({ ...m(0, "role", "user"), ...m(0, "content", "hi"), "llm.invocation_parameters": JSON.stringify({ system: "params" }), ...JSON_IN({ system: "raw", messages: [{ role: "user", content: "hi" }] }) });
    expect(messagesOf(span)).toEqual([
      { role: "system", content: "params" },
      { role: "user", content: "hi" },
    ]);
  });

  it("Anthropic system blocks and Bedrock cachePoint markers; a block of another kind is not taken", () => {
    const withBlocks = parse({ ...m(0, "role", "user"), ...m(0, "content", "hi"), ...JSON_IN({ system: [{ type: "text", text: "a" }, { cachePoint: { type: "default" } }], messages: [{ role: "user", content: "hi" }] }) });
    expect(messagesOf(withBlocks)[0]).toEqual({ role: "system", content: "a" });
    const two = parse({ ...m(0, "role", "user"), ...m(0, "content", "hi"), ...JSON_IN({ system: [{ text: "a" }, { text: "b" }], messages: [{ role: "user", content: "hi" }] }) });
    expect(messagesOf(two)[0]).toEqual({ role: "system", content: [{ type: "text", text: "a" }, { type: "text", text: "b" }] });
    const odd = parse({ ...m(0, "role", "user"), ...m(0, "content", "hi"), ...JSON_IN({ system: [{ guardContent: {} }], messages: [{ role: "user", content: "hi" }] }) });
    expect(messagesOf(odd)).toEqual([{ role: "user", content: "hi" }]);
  });

  it("flattened content wins: a message that has content is never replaced", () => {
    const span = parse({ ...m(0, "role", "user"), ...m(0, "content", "flat"), ...m(1, "role", "assistant"), ...m(1, "content", ""), ...JSON_IN({ messages: [{ role: "user", content: "raw" }, { role: "assistant", content: [{ type: "text", text: "raw reply" }] }] }) });
    expect(messagesOf(span)).toEqual([
      { role: "user", content: "flat" },
      { role: "assistant", content: "raw reply" },
    ]);
  });

  it("lists that do not line up fill nothing but tool results, matched by call id", () => {
    const body = {
      messages: [
        { role: "user", content: [{ type: "tool_result", tool_use_id: "t1", content: [{ type: "text", text: "18 C" }] }, { type: "text", text: "and?" }] },
      ],
    };
    // Flattened: one tool message only (the instrumentation dropped the text); raw normalises to tool + user.
    const span = parse({ ...m(0, "role", "user"), ...m(0, "tool_call_id", "t1"), ...JSON_IN(body) });
    expect(messagesOf(span)).toEqual([{ role: "tool", content: "18 C", tool_call_id: "t1" }]);
  });

  it("Converse toolResult blocks: text stays text, several blocks stay parts", () => {
    const body = { messages: [{ role: "user", content: [{ toolResult: { toolUseId: "t1", content: [{ text: "a" }, { json: { b: 1 } }] } }] }] };
    const span = parse({ ...m(0, "role", "user"), ...m(0, "tool_call_id", "t1"), ...JSON_IN(body) });
    expect(messagesOf(span)).toEqual([{ role: "tool", content: [{ type: "text", text: "a" }, { type: "text", text: '{"b":1}' }], tool_call_id: "t1" }]);
  });

  it("an assistant turn without tool calls gets them from the body; with calls of its own it keeps them", () => {
    const body = { messages: [{ role: "assistant", content: [{ type: "tool_use", id: "toolu_1", name: "f", input: { x: 1 } }] }] };
    const missing = parse({ ...m(0, "role", "assistant"), ...m(0, "content", ""), ...JSON_IN(body) });
    expect(messagesOf(missing)).toEqual([{ role: "assistant", content: null, tool_calls: [{ id: "toolu_1", type: "function", function: { name: "f", arguments: '{"x":1}' } }] }]);
    const own = parse({
      ...m(0, "role", "assistant"),
      ...m(0, "tool_calls.0.tool_call.id", "flat_id"),
      ...m(0, "tool_calls.0.tool_call.function.name", "f"),
      ...m(0, "tool_calls.0.tool_call.function.arguments", '{"x":2}'),
      ...JSON_IN(body),
    });
    expect(messagesOf(own)).toEqual([{ role: "assistant", content: null, tool_calls: [{ id: "flat_id", type: "function", function: { name: "f", arguments: '{"x":2}' } }] }]);
  });

  it("an image without data that input.value cannot supply keeps its part and its unknown-content-part info", () => {
    const attrs = { ...m(0, "role", "user"), ...m(0, "contents.0.message_content.type", "image"), ...m(0, "contents.0.message_content.image.type", "base64"), ...m(0, "contents.0.message_content.image.media_type", "image/png") };
    for (const span of [parse(attrs), parse({ ...attrs, ...JSON_IN({ messages: [{ role: "user", content: [{ type: "image", source: { type: "base64", media_type: "image/png" } }] }] }) })]) {
      expect(messagesOf(span)).toEqual([{ role: "user", content: [{ type: "image", image: { type: "base64", media_type: "image/png" } }] }]);
      expect(span.diagnostics).toContainEqual(expect.objectContaining({ code: "unknown-content-part", severity: "info", key: "llm.input_messages.0.message.contents.0" }));
    }
  });

  it("messages without gaps never parse input.value (a broken value draws no invalid-json)", () => {
    const span = parse({ ...m(0, "role", "system"), ...m(0, "content", "s"), ...m(1, "role", "user"), ...m(1, "content", "hi"), ...JSON_IN('{"system": broken') });
    expect(codes(span)).not.toContain("invalid-json");
    expect(messagesOf(span)).toEqual([
      { role: "system", content: "s" },
      { role: "user", content: "hi" },
    ]);
  });

  it("a gap with a broken or foreign input.value fills nothing and does not throw", () => {
    for (const raw of ['{"messages": [', "[1,2]", '{"messages": 3}', '{"messages": [null, 7, {"role": 1, "content": {}}]}', '{"system": 5, "messages": []}']) {
      const span = parse({ ...m(0, "role", "user"), ...m(1, "role", "tool"), ...JSON_IN(raw) });
      expect(messagesOf(span), raw).toEqual([
        { role: "user", content: null },
        { role: "tool", content: null },
      ]);
    }
  });
});

describe("cache counts from output.value", () => {
  const counts = (prompt: number, completion: number, total: number): Attributes => ({ "llm.token_count.prompt": prompt, "llm.token_count.completion": completion, "llm.token_count.total": total });
  const out = (usage: unknown): Attributes => ({ "output.value": JSON.stringify({ usage }), "output.mime_type": "application/json" });

  it("Converse spellings, no scope row: total = input + cache + output, so the cache is added (row 4)", () => {
    const span = parse({ ...counts(10, 5, 45), ...out({ inputTokens: 10, outputTokens: 5, totalTokens: 45, cacheReadInputTokens: 20, cacheWriteInputTokens: 10 }) });
    expect(span.tokenUsage).toEqual({ input_tokens: 40, output_tokens: 5, total_tokens: 45, cache_read_input_tokens: 20, cache_creation_input_tokens: 10 });
  });

  it("Nova InvokeModel and Anthropic body spellings", () => {
    expect(parse({ ...counts(10, 5, 35), ...out({ inputTokens: 10, outputTokens: 5, cacheReadInputTokenCount: 20 }) }).tokenUsage).toEqual({ input_tokens: 30, output_tokens: 5, total_tokens: 35, cache_read_input_tokens: 20 });
    expect(parse({ ...counts(10, 5, 35), ...out({ input_tokens: 10, output_tokens: 5, cache_creation_input_tokens: 20 }) }).tokenUsage).toEqual({ input_tokens: 30, output_tokens: 5, total_tokens: 35, cache_creation_input_tokens: 20 });
  });

  it("a raw usage of another call (its input count differs) or a bad count is not taken", () => {
    expect(parse({ ...counts(10, 5, 45), ...out({ inputTokens: 11, outputTokens: 5, cacheReadInputTokens: 30 }) }).tokenUsage).toEqual({ input_tokens: 40, output_tokens: 5, total_tokens: 45 });
    expect(parse({ ...counts(10, 5, 45), ...out({ inputTokens: 10, outputTokens: 5, cacheReadInputTokens: "many" }) }).tokenUsage).toEqual({ input_tokens: 40, output_tokens: 5, total_tokens: 45 });
  });

  it("counts that add up, or cache counts of the span's own, leave output.value alone", () => {
    expect(parse({ ...counts(10, 5, 15), ...out({ inputTokens: 10, outputTokens: 5, cacheReadInputTokens: 30 }) }).tokenUsage).toEqual({ input_tokens: 10, output_tokens: 5, total_tokens: 15 });
    const own = parse({ ...counts(10, 5, 45), "llm.token_count.prompt_details.cache_read": 30, ...out({ inputTokens: 10, outputTokens: 5, cacheReadInputTokens: 1, cacheWriteInputTokens: 2 }) });
    expect(own.tokenUsage).toEqual({ input_tokens: 40, output_tokens: 5, total_tokens: 45, cache_read_input_tokens: 30 });
  });
});

describe("properties", () => {
  const gapMessages: Attributes = { ...m(0, "role", "user"), ...m(1, "role", "assistant"), ...m(1, "content", ""), ...m(2, "role", "tool") };
  const bodies = fc.oneof(
    fc.string(),
    fc.json(),
    fc.json().map((j) => j.slice(0, -1)),
    fc.record({ system: fc.jsonValue(), messages: fc.array(fc.record({ role: fc.jsonValue(), content: fc.jsonValue() }, { requiredKeys: [] }), { maxLength: 4 }) }, { requiredKeys: [] }).map((b) => JSON.stringify(b)),
    fc.array(fc.record({ role: fc.constantFrom("user", "assistant"), content: fc.array(fc.dictionary(fc.constantFrom("type", "text", "toolResult", "toolUse", "tool_use_id", "content", "source", "image", "json", "cachePoint", "__proto__"), fc.jsonValue(), { maxKeys: 4 }), { maxLength: 3 }) }), { maxLength: 3 }).map((msgs) => JSON.stringify({ system: "s", messages: msgs })),
  );

  it("arbitrary input.value / output.value strings never throw, and never change content the flattened keys have", () => {
    fc.assert(
      fc.property(bodies, bodies, fc.constantFrom("application/json", "text/plain"), (input, output, mime) => {
        const span = parse({ ...gapMessages, ...m(3, "role", "user"), ...m(3, "content", "kept"), "input.value": input, "input.mime_type": mime, "output.value": output, "output.mime_type": mime, "llm.token_count.prompt": 1, "llm.token_count.completion": 1, "llm.token_count.total": 9 });
        const messages = messagesOf(span);
        expect(messages.at(-1)).toEqual({ role: "user", content: "kept" });
        expect(messages.filter((x) => x.role === "system").length).toBeLessThanOrEqual(1);
        expect(span.attributes["input.value"]).toBe(input);
      }),
      { numRuns: 300 },
    );
  });
});
