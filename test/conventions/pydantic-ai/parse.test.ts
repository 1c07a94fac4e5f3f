/** Pydantic AI: exact expectations on the fixtures built from its source (docs/pydantic-ai.md), and one row per rule. */
import { describe, expect, it } from "vitest";
import { detectConventions, summarizeTrace, toMlflowSpan, type Attributes, type MlflowSpan } from "../../../src/index.js";
import { loadFixture } from "../../helpers/fixtures.js";

const SCOPE = { name: "pydantic-ai", version: "2.33.0" };
const translate = (id: string): MlflowSpan[] => loadFixture(id).map((s) => toMlflowSpan(s));
const byName = (spans: MlflowSpan[], name: string): MlflowSpan[] => spans.filter((s) => s.name === name);
const span = (attributes: Attributes, scope: { name: string } | undefined = SCOPE): MlflowSpan => toMlflowSpan({ name: "s", attributes, scope });

describe("detection", () => {
  it("by scope name alone (chat spans carry only GenAI keys)", () => {
    expect(detectConventions({ attributes: { "gen_ai.operation.name": "chat" }, scope: SCOPE })).toEqual(["pydantic-ai", "genai"]);
    expect(detectConventions({ attributes: { "gen_ai.operation.name": "chat" }, scope: { name: "pydantic-ai" } })).toEqual(["pydantic-ai", "genai"]);
    expect(detectConventions({ attributes: { "gen_ai.operation.name": "chat" }, scope: { name: "other" } })).toEqual(["genai"]);
    expect(detectConventions({ attributes: { "gen_ai.operation.name": "chat" } })).toEqual(["genai"]);
  });
  it("by its own keys without a scope", () => {
    expect(detectConventions({ attributes: { "pydantic_ai.all_messages": "[]" } })).toEqual(["pydantic-ai"]);
  });
  it("every span of every fixture", () => {
    for (const id of ["pydantic-ai/pydantic-ai__run-chat", "pydantic-ai/pydantic-ai__run-tool-v2"]) {
      for (const s of translate(id)) expect(s.conventions[0]).toBe("pydantic-ai");
    }
  });
  it("a hostile scope is ignored, never thrown on", () => {
    expect(() => toMlflowSpan({ attributes: { a: 1 }, scope: { name: 42 as unknown as string } })).not.toThrow();
    expect(toMlflowSpan({ attributes: { a: 1 }, scope: null as unknown as { name: string } }).conventions).toEqual([]);
  });
});

describe("run-tool fixture", () => {
  const spans = translate("pydantic-ai/pydantic-ai__run-tool");
  const agent = byName(spans, "invoke_agent weather_agent")[0]!;
  const chats = byName(spans, "chat gpt-4o-mini");
  const tool = byName(spans, "execute_tool get_weather")[0]!;

  it("agent run: conversation from pydantic_ai.all_messages, reply as a choice, aggregated usage", () => {
    expect(agent.spanType).toBe("AGENT");
    expect(agent.inputs).toEqual({
      messages: [
        { role: "system", content: "You are a concise assistant. Answer in one sentence." },
        { role: "user", content: "What's the weather like in Paris today?" },
        {
          role: "assistant",
          content: null,
          tool_calls: [{ id: "call_fixture_0001", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris","unit":"celsius"}' } }],
        },
        { role: "tool", content: '{"city":"Paris","temperature":18,"unit":"celsius","conditions":"sunny"}', tool_call_id: "call_fixture_0001", name: "get_weather" },
      ],
    });
    expect(agent.outputs).toEqual({
      choices: [{ index: 0, message: { role: "assistant", content: "It is currently 18 °C and sunny in Paris." }, finish_reason: "stop" }],
    });
    expect(agent.tokenUsage).toEqual({ input_tokens: 200, output_tokens: 33, total_tokens: 233, reasoning_tokens: 0 });
    expect(agent.diagnostics).toEqual([]);
  });

  it("model spans: details counts and cost beside the GenAI reading", () => {
    expect(chats.map((c) => c.tokenUsage)).toEqual([
      { input_tokens: 82, output_tokens: 19, total_tokens: 101, reasoning_tokens: 0 },
      { input_tokens: 118, output_tokens: 14, total_tokens: 132, reasoning_tokens: 0 },
    ]);
    expect(chats.map((c) => c.cost)).toEqual([{ total_cost: 2.37e-5 }, { total_cost: 2.61e-5 }]);
    expect(chats.map((c) => c.provider)).toEqual(["openai", "openai"]);
    expect(chats[1]!.model).toBe("gpt-4o-mini-2024-07-18");
  });

  it("tool span", () => {
    expect(tool.spanType).toBe("TOOL");
    expect(tool.inputs).toEqual({ city: "Paris", unit: "celsius" });
    expect(tool.outputs).toEqual({ city: "Paris", temperature: 18, unit: "celsius", conditions: "sunny" });
  });

  it("the run's aggregated usage is counted once in the trace total (ancestor wins)", () => {
    // 200 / 33 = 82 + 118 / 19 + 14: the agent span's own numbers, not added to its children's.
    expect(summarizeTrace(spans).tokenUsage).toEqual({ input_tokens: 200, output_tokens: 33, total_tokens: 233 });
  });

  it("the conversation id is the trace's session", () => {
    expect(summarizeTrace(spans).session).toBe("0198d4a2-5e10-7c00-9b00-000000000001");
  });
});

describe("run-chat fixture: cache semantics", () => {
  const spans = translate("pydantic-ai/pydantic-ai__run-chat");
  it("input counts include cached tokens: kept as written (16 of 26 cached), reasoning from details", () => {
    const chat = byName(spans, "chat gpt-4o-mini")[0]!;
    expect(chat.tokenUsage).toEqual({ input_tokens: 26, output_tokens: 12, total_tokens: 38, cache_read_input_tokens: 16, reasoning_tokens: 4 });
    const agent = spans.find((s) => s.spanType === "AGENT")!;
    expect(agent.tokenUsage).toEqual({ input_tokens: 26, output_tokens: 12, total_tokens: 38, cache_read_input_tokens: 16, reasoning_tokens: 4 });
    expect(summarizeTrace(spans).tokenUsage).toEqual({ input_tokens: 26, output_tokens: 12, total_tokens: 38, cache_read_input_tokens: 16 });
  });
});

describe("run-tool-v2 fixture: tool_arguments / tool_response", () => {
  const spans = translate("pydantic-ai/pydantic-ai__run-tool-v2");
  it("v2 tool span reads the arguments and the response", () => {
    const tool = byName(spans, "running tool")[0]!;
    expect(tool.spanType).toBe("TOOL");
    expect(tool.inputs).toEqual({ city: "Paris", unit: "celsius" });
    expect(tool.outputs).toEqual({ city: "Paris", temperature: 18, unit: "celsius", conditions: "sunny" });
  });
  it("v2 agent run is an AGENT with the run's usage", () => {
    const agent = byName(spans, "agent run")[0]!;
    expect(agent.spanType).toBe("AGENT");
    expect(agent.tokenUsage).toMatchObject({ input_tokens: 200, output_tokens: 33 });
  });
});

describe("run-error fixture", () => {
  const spans = translate("pydantic-ai/pydantic-ai__run-error");
  it("both spans ERROR; the agent keeps the request it sent and has no reply", () => {
    expect(spans.map((s) => s.status?.code)).toEqual(["ERROR", "ERROR"]);
    const agent = spans.find((s) => s.spanType === "AGENT")!;
    expect(agent.outputs).toBeUndefined();
    expect((agent.inputs as { messages: unknown[] }).messages.at(-1)).toEqual({ role: "user", content: "What is the capital of France?" });
  });
});

describe("rules", () => {
  it("final_result without all_messages is the reply; a JSON output stays its JSON text", () => {
    const s = span({ "gen_ai.operation.name": "invoke_agent", final_result: '{"city":"Paris"}' });
    expect(s.outputs).toEqual({ choices: [{ index: 0, message: { role: "assistant", content: '{"city":"Paris"}' }, finish_reason: "stop" }] });
  });
  it("aggregated usage with cache counts (input includes them: nothing added)", () => {
    const s = span({
      "gen_ai.operation.name": "invoke_agent",
      "gen_ai.aggregated_usage.input_tokens": 100,
      "gen_ai.aggregated_usage.output_tokens": 5,
      "gen_ai.aggregated_usage.cache_read.input_tokens": 60,
      "gen_ai.aggregated_usage.cache_creation.input_tokens": 20,
    });
    expect(s.tokenUsage).toEqual({ input_tokens: 100, output_tokens: 5, total_tokens: 105, cache_read_input_tokens: 60, cache_creation_input_tokens: 20 });
  });
  it("bad input: diagnostics, no exception, attributes kept", () => {
    const attributes = {
      "gen_ai.operation.name": "invoke_agent",
      "pydantic_ai.all_messages": "[{not json",
      "gen_ai.aggregated_usage.input_tokens": "many",
      "operation.cost": "cheap",
    };
    const s = span(attributes);
    expect(s.diagnostics.map((d) => d.code).sort()).toEqual(["invalid-json", "invalid-token-count", "invalid-value"]);
    expect(s.attributes).toEqual(attributes);
    const messages = span({ "gen_ai.operation.name": "invoke_agent", "pydantic_ai.all_messages": '[{"role":"user"},{"role":"user","parts":[{"type":"text","content":"hi"}]}]' });
    expect(messages.inputs).toEqual({ messages: [{ role: "user", content: "hi" }] });
    expect(messages.diagnostics.map((d) => d.code)).toEqual(["invalid-message"]);
    const dropped = toMlflowSpan({ attributes: { "pydantic_ai.all_messages": '[{"role":"user"},{"role":"user","parts":[]}]' }, scope: SCOPE }, { keepSource: false });
    expect(dropped.attributes["pydantic_ai.all_messages"]).toBeDefined();
  });
});
