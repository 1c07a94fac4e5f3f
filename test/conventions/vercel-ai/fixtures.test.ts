/**
 * The Vercel AI SDK captures (`ai` 6.0.325 with @ai-sdk/openai and @ai-sdk/anthropic, scope "ai"):
 * span types, exact messages, replies, tool calls and token counts of every span. The goldens hold
 * the whole translation; this file says in words what must be in it.
 */
import { describe, expect, it } from "vitest";
import { toMlflowSpan, type MlflowSpan } from "../../../src/index.js";
import { loadFixture } from "../../helpers/fixtures.js";

const spans = (id: string): MlflowSpan[] => loadFixture(`vercel-ai/${id}`).map((s) => toMlflowSpan(s));
const summary = (s: MlflowSpan) => [s.name, s.spanType, s.conventions.join("+")];
const choices = (s: MlflowSpan) => (s.outputs as { choices: { message: unknown; finish_reason: unknown }[] }).choices;
const messages = (s: MlflowSpan) => (s.inputs as { messages: unknown[] }).messages;

const SYSTEM = "You are a concise assistant. Answer in one sentence.";
const WEATHER_CALL = (id: string) => ({ id, type: "function", function: { name: "get_weather", arguments: '{"city":"Paris","unit":"celsius"}' } });
const WEATHER_RESULT = '{"city":"Paris","temperature":18,"condition":"sunny"}';

describe("span types and conventions", () => {
  it.each([
    ["vercel-ai__generate-text", [["ai.generateText", "LLM", "vercel-ai"], ["ai.generateText.doGenerate", "CHAT_MODEL", "vercel-ai+genai"]]],
    [
      "vercel-ai__generate-text-tools",
      [
        ["ai.generateText", "LLM", "vercel-ai"],
        ["ai.generateText.doGenerate", "CHAT_MODEL", "vercel-ai+genai"],
        ["ai.toolCall", "TOOL", "vercel-ai"],
        ["ai.generateText.doGenerate", "CHAT_MODEL", "vercel-ai+genai"],
      ],
    ],
    ["vercel-ai__stream-text", [["ai.streamText", "LLM", "vercel-ai"], ["ai.streamText.doStream", "CHAT_MODEL", "vercel-ai+genai"]]],
    ["vercel-ai__generate-text-error", [["ai.generateText", "LLM", "vercel-ai"], ["ai.generateText.doGenerate", "CHAT_MODEL", "vercel-ai+genai"]]],
    ["vercel-ai__embed", [["ai.embed", "EMBEDDING", "vercel-ai"], ["ai.embed.doEmbed", "EMBEDDING", "vercel-ai"]]],
    ["vercel-ai-anthropic__generate-text", [["ai.generateText", "LLM", "vercel-ai"], ["ai.generateText.doGenerate", "CHAT_MODEL", "vercel-ai+genai"]]],
    [
      "vercel-ai-anthropic__generate-text-tools",
      [
        ["ai.generateText", "LLM", "vercel-ai"],
        ["ai.generateText.doGenerate", "CHAT_MODEL", "vercel-ai+genai"],
        ["ai.toolCall", "TOOL", "vercel-ai"],
        ["ai.generateText.doGenerate", "CHAT_MODEL", "vercel-ai+genai"],
      ],
    ],
    ["vercel-ai-anthropic__stream-text", [["ai.streamText", "LLM", "vercel-ai"], ["ai.streamText.doStream", "CHAT_MODEL", "vercel-ai+genai"]]],
  ])("%s", (id, expected) => {
    const parsed = spans(id);
    expect(parsed.map(summary)).toEqual(expected);
    // Every span is clean: no parser diagnostic on what the SDK writes.
    for (const s of parsed) expect(s.diagnostics).toEqual([]);
  });
});

describe("token usage, exactly", () => {
  it.each([
    // The outer span's counts are the sum over its steps; the provider-request spans have their own.
    ["vercel-ai__generate-text", 0, { input_tokens: 26, output_tokens: 12, total_tokens: 38, cache_read_input_tokens: 16, reasoning_tokens: 4 }],
    ["vercel-ai__generate-text", 1, { input_tokens: 26, output_tokens: 12, total_tokens: 38, cache_read_input_tokens: 16, reasoning_tokens: 4 }],
    ["vercel-ai__generate-text-tools", 0, { input_tokens: 200, output_tokens: 33, total_tokens: 233, cache_read_input_tokens: 0, reasoning_tokens: 0 }],
    ["vercel-ai__generate-text-tools", 1, { input_tokens: 82, output_tokens: 19, total_tokens: 101, cache_read_input_tokens: 0, reasoning_tokens: 0 }],
    ["vercel-ai__generate-text-tools", 3, { input_tokens: 118, output_tokens: 14, total_tokens: 132, cache_read_input_tokens: 0, reasoning_tokens: 0 }],
    ["vercel-ai__stream-text", 1, { input_tokens: 22, output_tokens: 13, total_tokens: 35, cache_read_input_tokens: 0, reasoning_tokens: 0 }],
    // 3093 = 21 uncached + 2048 cache read + 1024 cache write: the SDK already sums them, as input_tokens means.
    ["vercel-ai-anthropic__generate-text", 1, { input_tokens: 3093, output_tokens: 11, total_tokens: 3104, cache_read_input_tokens: 2048, cache_creation_input_tokens: 1024 }],
    ["vercel-ai-anthropic__generate-text-tools", 0, { input_tokens: 914, output_tokens: 87, total_tokens: 1001, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 }],
    ["vercel-ai-anthropic__generate-text-tools", 1, { input_tokens: 402, output_tokens: 71, total_tokens: 473, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 }],
    ["vercel-ai-anthropic__generate-text-tools", 3, { input_tokens: 512, output_tokens: 16, total_tokens: 528, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 }],
    ["vercel-ai-anthropic__stream-text", 1, { input_tokens: 19, output_tokens: 14, total_tokens: 33, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 }],
    // Embeddings report the input count alone: nothing else is invented (MLflow stores the same).
    ["vercel-ai__embed", 0, { input_tokens: 4 }],
    ["vercel-ai__embed", 1, { input_tokens: 4 }],
  ])("%s span %i", (id, index, usage) => {
    expect(spans(id)[index]!.tokenUsage).toEqual(usage);
  });

  it("tool spans and failed calls have no usage", () => {
    expect(spans("vercel-ai__generate-text-tools")[2]!.tokenUsage).toBeUndefined();
    for (const s of spans("vercel-ai__generate-text-error")) expect(s.tokenUsage).toBeUndefined();
  });
});

describe("messages, replies and tool calls", () => {
  it("generate-text: system and user text in both spans; the reply, finish reason, response id and model", () => {
    const [outer, inner] = spans("vercel-ai__generate-text");
    const expectedMessages = [
      { role: "system", content: SYSTEM },
      { role: "user", content: "What is the capital of France?" },
    ];
    for (const s of [outer!, inner!]) {
      expect(messages(s)).toEqual(expectedMessages);
      expect(s.inputs).toMatchObject({ model: "gpt-4o-mini", temperature: 0.2, max_tokens: 64 });
      expect(choices(s)).toEqual([{ index: 0, message: { role: "assistant", content: "The capital of France is Paris." }, finish_reason: "stop" }]);
      expect(s.provider).toBe("openai");
      expect(s.messageFormat).toBe("openai");
    }
    // Only the provider request knows the response: the outer span keeps the requested model.
    expect(outer!.model).toBe("gpt-4o-mini");
    expect(inner!.model).toBe("gpt-4o-mini-2024-07-18");
    expect(inner!.outputs).toMatchObject({ id: "chatcmpl-fixture-0001", model: "gpt-4o-mini-2024-07-18" });
    expect(outer!.outputs).not.toHaveProperty("id");
  });

  it("tool loop (OpenAI): the call, the tool run, the result sent back, the final answer", () => {
    const [outer, step1, tool, step2] = spans("vercel-ai__generate-text-tools");
    const question = { role: "user", content: "What's the weather like in Paris today?" };
    expect(messages(outer!)).toEqual([question]);
    expect(choices(outer!)).toEqual([{ index: 0, message: { role: "assistant", content: "It is currently 18 °C and sunny in Paris." }, finish_reason: "stop" }]);

    expect(messages(step1!)).toEqual([question]);
    expect(step1!.inputs).toMatchObject({ tool_choice: "auto" });
    expect(choices(step1!)).toEqual([{ index: 0, message: { role: "assistant", content: null, tool_calls: [WEATHER_CALL("call_fixture_0001")] }, finish_reason: "tool_calls" }]);
    expect(step1!.tools).toEqual([
      {
        type: "function",
        function: {
          name: "get_weather",
          description: "Get the current weather for a city.",
          parameters: expect.objectContaining({ type: "object", required: ["city"] }),
        },
      },
    ]);

    expect(tool!.inputs).toEqual({ city: "Paris", unit: "celsius" });
    expect(tool!.outputs).toEqual({ city: "Paris", temperature: 18, condition: "sunny" });

    expect(messages(step2!)).toEqual([
      question,
      { role: "assistant", content: null, tool_calls: [WEATHER_CALL("call_fixture_0001")] },
      { role: "tool", content: WEATHER_RESULT, tool_call_id: "call_fixture_0001" },
    ]);
    expect(choices(step2!)).toEqual([{ index: 0, message: { role: "assistant", content: "It is currently 18 °C and sunny in Paris." }, finish_reason: "stop" }]);
  });

  it("tool loop (Anthropic): text beside the tool call is kept in the reply and in the next request", () => {
    const [, step1, , step2] = spans("vercel-ai-anthropic__generate-text-tools");
    const preface = "I'll look up the current weather in Paris.";
    expect(choices(step1!)).toEqual([{ index: 0, message: { role: "assistant", content: preface, tool_calls: [WEATHER_CALL("toolu_fixture_0001")] }, finish_reason: "tool_calls" }]);
    expect(messages(step2!).slice(1)).toEqual([
      { role: "assistant", content: preface, tool_calls: [WEATHER_CALL("toolu_fixture_0001")] },
      { role: "tool", content: WEATHER_RESULT, tool_call_id: "toolu_fixture_0001" },
    ]);
    expect(step2!.provider).toBe("anthropic");
    expect(step2!.model).toBe("claude-haiku-4-5-20251001");
  });

  it("stream-text: the streamed text is the reply of both spans", () => {
    for (const s of spans("vercel-ai__stream-text")) {
      expect(messages(s)).toEqual([{ role: "user", content: "Count from 1 to 5." }]);
      expect(choices(s)).toEqual([{ index: 0, message: { role: "assistant", content: "1, 2, 3, 4, 5." }, finish_reason: "stop" }]);
    }
  });

  it("error: status ERROR and the exception event, the request, no outputs", () => {
    const message = "Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got 5 instead.";
    for (const s of spans("vercel-ai__generate-text-error")) {
      expect(s.status).toEqual({ code: "ERROR", message });
      expect(s.events?.map((e) => e.name)).toEqual(["exception"]);
      expect(s.inputs).toEqual({ messages: [{ role: "user", content: "Name three primary colors." }], model: "gpt-4o-mini", temperature: 5 });
      expect(s.outputs).toBeUndefined();
    }
  });

  it("embed: the text in, the vector out, in the OpenAI embedding shapes", () => {
    const [outer, inner] = spans("vercel-ai__embed");
    const data = [{ index: 0, object: "embedding", embedding: [-0.5651, 0.1922, 0.0111, -0.1947, 0.6839, 0.6118, -0.1536, -0.1035] }];
    expect(outer!.inputs).toEqual({ input: "The quick brown fox", model: "text-embedding-3-small" });
    expect(inner!.inputs).toEqual({ input: ["The quick brown fox"], model: "text-embedding-3-small" });
    for (const s of [outer!, inner!]) {
      expect(s.outputs).toEqual({ data });
      expect(s.model).toBe("text-embedding-3-small");
      expect(s.provider).toBe("openai");
    }
  });
});

describe("keepSource: false", () => {
  it("drops what was translated, keeps what has no canonical field", () => {
    const inner = toMlflowSpan(loadFixture("vercel-ai/vercel-ai__generate-text")[1]!, { keepSource: false });
    expect(Object.keys(inner.attributes).sort()).toEqual([
      // ai.model.provider stays: the canonical provider keeps only its first part ("openai" of "openai.chat").
      "ai.model.provider",
      "ai.request.headers.user-agent",
      "ai.response.providerMetadata",
      "ai.response.timestamp",
      "ai.settings.maxRetries",
      "ai.telemetry.functionId",
      "ai.telemetry.metadata.fixture",
      "operation.name",
      "resource.name",
    ]);
  });
});
