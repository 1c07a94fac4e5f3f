/**
 * The Langfuse captures (`@langfuse/tracing` / `@langfuse/otel` / `@langfuse/openai` 5.11.1 with
 * openai 6.49.0 against the mock, scope "langfuse-sdk"): span types, exact messages, replies, token
 * counts with Langfuse's cache semantics, cost, errors; and bad input that must not throw or lose keys.
 */
import { describe, expect, it } from "vitest";
import { detectConventions, summarizeTrace, toMlflowSpan, validateSpan, type MlflowSpan } from "../../../src/index.js";
import { loadFixture } from "../../helpers/fixtures.js";

const spans = (id: string): MlflowSpan[] => loadFixture(`langfuse/${id}`).map((s) => toMlflowSpan(s));
const summary = (s: MlflowSpan) => [s.name, s.spanType];

describe("span types", () => {
  it("every observation type of the hand-built trace", () => {
    const parsed = spans("langfuse__observation-types");
    expect(parsed.map(summary)).toEqual([
      ["support-agent", "AGENT"],
      ["answer-pipeline", "CHAIN"],
      ["vector-search", "RETRIEVER"],
      ["embed-query", "EMBEDDING"],
      ["compose-answer", "CHAT_MODEL"],
      ["lookup-population", "TOOL"],
      ["pii-filter", "GUARDRAIL"],
      ["answer-correctness", "EVALUATOR"],
      ["format-reply", "UNKNOWN"],
      ["user-feedback-received", "UNKNOWN"],
    ]);
    for (const s of parsed) {
      expect(s.conventions).toEqual(["langfuse"]);
      expect(s.diagnostics).toEqual([]);
      // session.id / user.id stay attributes (summarizeTrace reads them), also with keepSource off.
      expect(s.attributes["session.id"]).toBe("session-fixture-0001");
    }
    expect(summarizeTrace(parsed)).toMatchObject({ session: "session-fixture-0001", user: "user-fixture-0001" });
  });

  it("observeOpenAI: chat generations are CHAT_MODEL, embeddings EMBEDDING, tools TOOL", () => {
    expect(spans("langfuse__chat").map(summary)).toEqual([["OpenAI.chat", "CHAT_MODEL"]]);
    expect(spans("langfuse__embeddings").map(summary)).toEqual([["OpenAI.embeddings", "EMBEDDING"]]);
    expect(spans("langfuse__weather-agent").map(summary)).toEqual([
      ["weather-agent", "AGENT"],
      ["OpenAI.chat", "CHAT_MODEL"],
      ["get_weather", "TOOL"],
      ["OpenAI.chat", "CHAT_MODEL"],
    ]);
  });

  it("detectConventions names it", () => {
    expect(detectConventions(loadFixture("langfuse/langfuse__chat")[0]!)).toEqual(["langfuse"]);
  });
});

describe("content", () => {
  it("chat: messages with the request parameters (observeOpenAI's empty response_format dropped), one choice", () => {
    const s = spans("langfuse__chat")[0]!;
    expect(s.inputs).toEqual({
      messages: [
        { role: "system", content: "You are a concise assistant. Answer in one sentence." },
        { role: "user", content: "What is the capital of France?" },
      ],
      max_tokens: 64,
      temperature: 0.2,
    });
    expect(s.outputs).toEqual({ choices: [{ index: 0, message: { role: "assistant", content: "The capital of France is Paris." }, finish_reason: null }] });
    expect(s.model).toBe("gpt-4o-mini-2024-07-18");
    expect(s.provider).toBe("openai");
    expect(s.messageFormat).toBe("openai");
    // Prompt link and metadata are Langfuse's own: kept as attributes.
    expect(s.attributes["langfuse.observation.prompt.name"]).toBe("capital-question");
  });

  it("a stream's bare text reply is the assistant message", () => {
    const s = spans("langfuse__chat-stream")[0]!;
    expect(s.inputs).toEqual({ messages: [{ role: "user", content: "Count from 1 to 5." }], stream: true });
    expect(s.outputs).toEqual({ choices: [{ index: 0, message: { role: "assistant", content: "1, 2, 3, 4, 5." }, finish_reason: null }] });
  });

  it("tool definitions become canonical tools; tool calls and tool results are chat", () => {
    const s = spans("langfuse__chat-tools")[0]!;
    expect(s.tools?.map((t) => t.function.name)).toEqual(["get_weather"]);
    expect(s.tools?.[0]?.function.parameters).toMatchObject({ type: "object", required: ["city"] });
    const call = { id: "call_fixture_0001", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris","unit":"celsius"}' } };
    expect(s.outputs).toEqual({ choices: [{ index: 0, message: { role: "assistant", content: null, tool_calls: [call] }, finish_reason: null }] });
    const next = spans("langfuse__chat-tool-result")[0]!;
    expect((next.inputs as { messages: unknown[] }).messages.slice(1)).toEqual([
      { role: "assistant", content: null, tool_calls: [call] },
      { role: "tool", content: '{"temperature":18,"condition":"sunny"}', tool_call_id: "call_fixture_0001" },
    ]);
  });

  it("embeddings: the input list in OpenAI's {input} shape", () => {
    const s = spans("langfuse__embeddings")[0]!;
    expect(s.inputs).toEqual({ input: ["The quick brown fox", "jumps over the lazy dog"] });
    expect(s.model).toBe("text-embedding-3-small");
  });

  it("other observations: the value itself, JSON decoded; plain strings as written", () => {
    const parsed = spans("langfuse__observation-types");
    expect(parsed[5]!.inputs).toEqual({ city: "Paris" });
    expect(parsed[5]!.outputs).toEqual({ city: "Paris", population: 2102650 });
    expect(parsed[8]!.inputs).toBe("The capital of France is Paris.");
    expect(parsed[8]!.outputs).toBe("The capital of France is **Paris**.");
  });
});

describe("token usage and cost, exactly", () => {
  // Langfuse's `input` excludes every input_* detail (cached, audio) and `output` every output_* one:
  // 26 = 10 + 16 cached, 12 = 8 + 4 reasoning, total as the provider reported it.
  it.each([
    ["langfuse__chat", 0, { input_tokens: 26, output_tokens: 12, total_tokens: 38, cache_read_input_tokens: 16, reasoning_tokens: 4, input_audio_tokens: 0, output_audio_tokens: 0 }],
    ["langfuse__chat-tools", 0, { input_tokens: 82, output_tokens: 19, total_tokens: 101, cache_read_input_tokens: 0, reasoning_tokens: 0, input_audio_tokens: 0, output_audio_tokens: 0 }],
    ["langfuse__observation-types", 4, { input_tokens: 26, output_tokens: 12, total_tokens: 38, cache_read_input_tokens: 16, reasoning_tokens: 4, input_audio_tokens: 0 }],
    // An embedding: no output tokens, a real zero.
    ["langfuse__observation-types", 3, { input_tokens: 7, output_tokens: 0, total_tokens: 7 }],
  ])("%s span %i", (id, index, usage) => {
    expect(spans(id)[index]!.tokenUsage).toEqual(usage);
  });

  it("cost: input + input_* details, output, total", () => {
    const cost = spans("langfuse__observation-types")[4]!.cost!;
    expect(cost.input_cost).toBeCloseTo(0.0000027, 12);
    expect(cost.output_cost).toBe(0.0000072);
    expect(cost.total_cost).toBe(0.0000099);
  });
});

describe("errors", () => {
  it("level ERROR is status ERROR with the status message; WARNING is not an error", () => {
    const [warning, failed] = spans("langfuse__level-error");
    expect(warning!.status).toEqual({ code: "UNSET" });
    expect(warning!.attributes["langfuse.observation.level"]).toBe("WARNING");
    expect(failed!.status).toEqual({ code: "ERROR", message: "Rate limit exceeded (429): retry after 20s" });
    const openai = spans("langfuse__chat-error")[0]!;
    expect(openai.status?.code).toBe("ERROR");
    expect(openai.status?.message).toMatch(/^Error: 400 Invalid 'temperature'/);
    expect(openai.outputs).toBeUndefined();
    expect(openai.tokenUsage).toBeUndefined();
  });

  it("validate --convention langfuse passes on the captures", () => {
    for (const s of loadFixture("langfuse/langfuse__chat")) {
      expect(validateSpan(s, { convention: "langfuse" }).filter((d) => d.severity === "error")).toEqual([]);
    }
  });
});

describe("bad input: diagnostics, never an exception, no attribute lost", () => {
  const translate = (attributes: Record<string, unknown>) => toMlflowSpan({ name: "x", attributes } as never, { keepSource: false });

  it("an input that is broken JSON is kept raw (invalid-json) and offered as the raw text", () => {
    const s = translate({ "langfuse.observation.type": "span", "langfuse.observation.input": '{"messages": [' });
    expect(s.diagnostics.map((d) => d.code)).toEqual(["invalid-json"]);
    expect(s.inputs).toBe('{"messages": [');
    expect(s.attributes["langfuse.observation.input"]).toBe('{"messages": [');
  });

  it("plain text that is not JSON is the input itself, no diagnostic (the SDK writes strings as is)", () => {
    const s = translate({ "langfuse.observation.type": "span", "langfuse.observation.input": "hello there" });
    expect(s.diagnostics).toEqual([]);
    expect(s.inputs).toBe("hello there");
  });

  it("a usage object with strings: invalid-token-count, the rest read (input = total - output), the attribute kept", () => {
    const usage = '{"input":"ten","output":"8","total":38}';
    const s = translate({ "langfuse.observation.type": "generation", "langfuse.observation.usage_details": usage });
    expect(s.diagnostics.map((d) => d.code)).toEqual(["invalid-token-count"]);
    expect(s.tokenUsage).toEqual({ input_tokens: 30, output_tokens: 8, total_tokens: 38 });
    expect(s.attributes["langfuse.observation.usage_details"]).toBe(usage);
  });

  it("usage that is not an object, cost that is not numbers: invalid-value, kept", () => {
    const s = translate({ "langfuse.observation.type": "generation", "langfuse.observation.usage_details": "[1,2]", "langfuse.observation.cost_details": '{"total":"a lot"}' });
    expect(s.diagnostics.map((d) => d.code)).toEqual(["invalid-value", "invalid-value"]);
    expect(s.tokenUsage).toBeUndefined();
    expect(s.cost).toBeUndefined();
    expect(Object.keys(s.attributes)).toEqual(["langfuse.observation.usage_details", "langfuse.observation.cost_details"]);
  });

  it("an unknown observation type: unknown-span-kind, the type kept", () => {
    const s = translate({ "langfuse.observation.type": "workflow-ish" });
    expect(s.diagnostics.map((d) => d.code)).toEqual(["unknown-span-kind"]);
    expect(s.spanType).toBe("UNKNOWN");
    expect(s.attributes["langfuse.observation.type"]).toBe("workflow-ish");
  });

  it("messages with a broken entry: the entry left out (invalid-message), the attribute kept", () => {
    const input = '{"messages":[{"role":"user","content":"hi"},{"role":"user","content":{"x":1}}]}';
    const s = translate({ "langfuse.observation.type": "generation", "langfuse.observation.input": input });
    expect(s.diagnostics.map((d) => d.code)).toEqual(["invalid-message"]);
    expect(s.inputs).toEqual({ messages: [{ role: "user", content: "hi" }] });
    expect(s.attributes["langfuse.observation.input"]).toBe(input);
  });
});
