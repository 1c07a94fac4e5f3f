/**
 * The Google ADK captures (@google/adk 2.0.0 with @google/genai 2.32.0 against the mock Gemini
 * endpoint, scope "gcp.vertex.agent"): span types, chat messages from the Gemini request and reply,
 * tools, provider and token counts with Gemini's cache and thinking semantics. The goldens hold the
 * whole translation; this file says in words what must be in it.
 */
import { describe, expect, it } from "vitest";
import { detectConventions, toMlflowSpan, type MlflowSpan } from "../../../src/index.js";
import { loadFixture } from "../../helpers/fixtures.js";

const spans = (id: string): MlflowSpan[] => loadFixture(`google-adk/google-adk__${id}`).map((s) => toMlflowSpan(s));
const summary = (s: MlflowSpan) => [s.name, s.spanType, s.conventions.join("+")];
const SYSTEM = (name: string, description: string) =>
  `You are an agent. Your internal name is "${name}".\n\nThe description about you is "${description}"\n\nYou are a concise assistant. Answer in one sentence.`;
const WEATHER_SYSTEM = SYSTEM("weather_agent", "Answers weather questions with the get_weather tool.");
const ASK_WEATHER = { role: "user", content: "What's the weather like in Paris today?" };
const CALL = { id: "", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris","unit":"celsius"}' } };
const WEATHER_TOOL = {
  type: "function",
  function: {
    name: "get_weather",
    description: "Get the current weather for a city.",
    // Gemini's upper-case schema types, lower-cased to JSON Schema.
    parameters: { type: "object", properties: { city: { type: "string", description: "City name, e.g. Paris" }, unit: { type: "string", enum: ["celsius", "fahrenheit"] } }, required: ["city"] },
  },
};

describe("span types and conventions", () => {
  it.each([
    ["chat", [["invocation", "UNKNOWN", ""], ["invoke_agent capital_agent", "AGENT", "google-adk+genai"], ["call_llm", "CHAT_MODEL", "google-adk+genai"]]],
    [
      "tool-round-trip",
      [
        ["invocation", "UNKNOWN", ""],
        ["invoke_agent weather_agent", "AGENT", "google-adk+genai"],
        ["call_llm", "CHAT_MODEL", "google-adk+genai"],
        ["execute_tool get_weather", "TOOL", "google-adk+genai"],
        ["call_llm", "CHAT_MODEL", "google-adk+genai"],
      ],
    ],
    // ADK leaves a failed model call and a failed tool without any attribute: nothing to read.
    ["model-error", [["invocation", "UNKNOWN", ""], ["invoke_agent broken_agent", "AGENT", "google-adk+genai"], ["call_llm", "UNKNOWN", ""]]],
    [
      "tool-error",
      [
        ["invocation", "UNKNOWN", ""],
        ["invoke_agent weather_agent", "AGENT", "google-adk+genai"],
        ["call_llm", "CHAT_MODEL", "google-adk+genai"],
        ["execute_tool get_weather", "UNKNOWN", ""],
        ["call_llm", "CHAT_MODEL", "google-adk+genai"],
      ],
    ],
  ])("%s", (id, expected) => {
    const parsed = spans(id);
    expect(parsed.map(summary)).toEqual(expected);
    for (const s of parsed) expect(s.diagnostics.filter((d) => d.code !== "no-convention")).toEqual([]);
  });

  it("detectConventions names google-adk on model and tool spans", () => {
    const [, , llm, tool] = loadFixture("google-adk/google-adk__tool-round-trip");
    expect(detectConventions(llm!)).toEqual(["google-adk", "genai"]);
    expect(detectConventions(tool!)).toEqual(["google-adk", "genai"]);
  });
});

describe("model calls", () => {
  it("chat: system instruction, request parameters, reply, provider from the model", () => {
    const llm = spans("chat")[2]!;
    expect(llm.inputs).toEqual({
      messages: [{ role: "system", content: SYSTEM("capital_agent", "Answers geography questions.") }, { role: "user", content: "What is the capital of France?" }],
      temperature: 0.2,
      top_p: 0.9,
      max_tokens: 64,
      model: "gemini-2.5-flash",
    });
    expect(llm.outputs).toEqual({ choices: [{ index: 0, message: { role: "assistant", content: "The capital of France is Paris." }, finish_reason: "stop" }] });
    expect(llm.model).toBe("gemini-2.5-flash");
    // gen_ai.system says gcp.vertex.agent (the framework); the model is served by the Gemini API. The raw value stays.
    expect(llm.provider).toBe("gcp.gemini");
    expect(llm.attributes["gen_ai.system"]).toBe("gcp.vertex.agent");
  });

  it("streamed: the final aggregated reply", () => {
    const llm = spans("chat-stream")[2]!;
    expect(llm.outputs).toEqual({ choices: [{ index: 0, message: { role: "assistant", content: "1, 2, 3, 4, 5." }, finish_reason: "stop" }] });
  });

  it("tool round trip: the function call, the tool span, the function response as a tool message", () => {
    const [, , first, tool, second] = spans("tool-round-trip");
    expect(first!.tools).toEqual([WEATHER_TOOL]);
    expect(first!.outputs).toEqual({ choices: [{ index: 0, message: { role: "assistant", content: null, tool_calls: [CALL] }, finish_reason: "stop" }] });
    expect(tool!.inputs).toEqual({ city: "Paris", unit: "celsius" });
    expect(tool!.outputs).toEqual({ city: "Paris", temperature: 18, condition: "sunny" });
    // The "{}" placeholders ADK writes on tool spans are not content.
    expect(tool!.attributes["gcp.vertex.agent.llm_request"]).toBe("{}");
    expect((second!.inputs as { messages: unknown[] }).messages).toEqual([
      { role: "system", content: WEATHER_SYSTEM },
      ASK_WEATHER,
      { role: "assistant", content: null, tool_calls: [CALL] },
      { role: "tool", content: '{"city":"Paris","temperature":18,"condition":"sunny"}' },
    ]);
    expect(second!.outputs).toEqual({ choices: [{ index: 0, message: { role: "assistant", content: "It is currently 18 °C and sunny in Paris." }, finish_reason: "stop" }] });
  });

  it("tool error: the error reaches the model as a function response", () => {
    const second = spans("tool-error")[4]!;
    const messages = (second.inputs as { messages: { role: string; content: unknown }[] }).messages;
    expect(messages[3]).toEqual({ role: "tool", content: JSON.stringify({ error: "Error in tool 'get_weather': weather service unavailable" }) });
  });
});

describe("token usage, exactly", () => {
  it.each([
    // promptTokenCount (30) already includes cachedContentTokenCount (16): input_tokens as is. Output =
    // candidates 9 + thoughts 4 (OpenAI's meaning: reasoning inside the output count); total = Gemini's 43.
    ["chat", 2, { input_tokens: 30, output_tokens: 13, total_tokens: 43, cache_read_input_tokens: 16, reasoning_tokens: 4 }],
    ["chat-stream", 2, { input_tokens: 30, output_tokens: 13, total_tokens: 43, cache_read_input_tokens: 16, reasoning_tokens: 4 }],
    ["tool-round-trip", 2, { input_tokens: 64, output_tokens: 12, total_tokens: 76 }],
    // 96 includes the 64 cached tokens of the first call's prompt.
    ["tool-round-trip", 4, { input_tokens: 96, output_tokens: 14, total_tokens: 110, cache_read_input_tokens: 64 }],
  ])("%s span %i", (id, index, usage) => {
    expect(spans(id)[index]!.tokenUsage).toEqual(usage);
  });

  it("agent and tool spans have no usage", () => {
    const parsed = spans("tool-round-trip");
    expect(parsed[1]!.tokenUsage).toBeUndefined();
    expect(parsed[3]!.tokenUsage).toBeUndefined();
  });
});

describe("session", () => {
  it("gen_ai.conversation.id and gcp.vertex.agent.session_id stay attributes", () => {
    const [, agent, llm] = spans("chat");
    expect(agent!.attributes["gen_ai.conversation.id"]).toBe("session-fixture-1");
    expect(llm!.attributes["gcp.vertex.agent.session_id"]).toBe("session-fixture-1");
  });
});
