/** Mastra: exact expectations on the captured fixtures (docs/mastra.md), and one row per rule. */
import { describe, expect, it } from "vitest";
import { detectConventions, summarizeTrace, toMlflowSpan, type Attributes, type MlflowSpan } from "../../../src/index.js";
import { loadFixture } from "../../helpers/fixtures.js";

const translate = (id: string): MlflowSpan[] => loadFixture(id).map((s) => toMlflowSpan(s));
const named = (spans: MlflowSpan[], prefix: string): MlflowSpan[] => spans.filter((s) => s.name.startsWith(prefix));
const span = (attributes: Attributes): MlflowSpan => toMlflowSpan({ name: "s", attributes });

const SYSTEM = { role: "system", content: "Answer weather questions with the get_weather tool." };
const USER = { role: "user", content: "What's the weather like in Paris today?" };
const CALL = { id: "call_fixture_0001", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris","unit":"celsius"}' } };
const ANSWER = { index: 0, message: { role: "assistant", content: "It is currently 18 °C and sunny in Paris." }, finish_reason: "stop" };

describe("detection", () => {
  it("by the mastra. prefix, beside GenAI", () => {
    expect(detectConventions({ attributes: { "mastra.span.type": "model_inference", "gen_ai.operation.name": "chat" } })).toEqual(["mastra", "genai"]);
  });
});

describe("tool-call fixture", () => {
  const spans = translate("mastra/mastra__tool-call");
  it("span types from mastra.span.type", () => {
    expect(spans.map((s) => s.spanType)).toEqual(["AGENT", "LLM", "CHAIN", "CHAT_MODEL", "UNKNOWN", "TOOL", "UNKNOWN", "CHAIN", "CHAT_MODEL", "UNKNOWN"]);
  });
  it("agent run: instructions, the user's text, the final reply", () => {
    const [agent] = named(spans, "invoke_agent");
    expect(agent!.inputs).toEqual({ messages: [SYSTEM, USER] });
    expect(agent!.outputs).toEqual({ choices: [ANSWER] });
  });
  it("model generation: AI SDK model messages, the run's final text", () => {
    const [generation] = named(spans, "model_generation");
    expect(generation!.inputs).toEqual({ messages: [SYSTEM, USER] });
    expect(generation!.outputs).toEqual({ choices: [ANSWER] });
  });
  it("steps: each request's messages and reply, tool calls included", () => {
    const steps = named(spans, "agent_step");
    expect(steps[0]!.inputs).toEqual({ messages: [SYSTEM, USER] });
    expect(steps[0]!.outputs).toEqual({ choices: [{ index: 0, message: { role: "assistant", content: null, tool_calls: [CALL] }, finish_reason: "tool_calls" }] });
    expect(steps[1]!.inputs).toEqual({
      messages: [SYSTEM, USER, { role: "assistant", content: "[tool: get_weather]" }, { role: "tool", content: "[tool-result: get_weather]" }],
    });
    expect(steps[1]!.outputs).toEqual({ choices: [ANSWER] });
  });
  it("chat spans: provider openai.chat -> openai; usage as written (input includes the cache)", () => {
    const chats = named(spans, "chat");
    expect(chats.map((c) => c.provider)).toEqual(["openai", "openai"]);
    expect(chats.map((c) => c.tokenUsage)).toEqual([
      { input_tokens: 82, output_tokens: 19, total_tokens: 101, cache_read_input_tokens: 0, reasoning_tokens: 0 },
      { input_tokens: 118, output_tokens: 14, total_tokens: 132, cache_read_input_tokens: 0, reasoning_tokens: 0 },
    ]);
    expect(summarizeTrace(spans).tokenUsage).toEqual({ input_tokens: 200, output_tokens: 33, total_tokens: 233, cache_read_input_tokens: 0 });
  });
  it("tool span", () => {
    const [tool] = named(spans, "execute_tool");
    expect(tool!.inputs).toEqual({ city: "Paris", unit: "celsius" });
    expect(tool!.outputs).toEqual({ city: "Paris", temperature: 18, condition: "sunny" });
  });
  it("the caller's metadata stays as attributes", () => {
    expect(spans[0]!.attributes["mastra.metadata.sessionId"]).toBe("session-fixture-0001");
    expect(spans[0]!.attributes["mastra.metadata.userId"]).toBe("user-fixture-0001");
  });
});

describe("generate fixture: cache semantics", () => {
  it("26 input of which 16 cached: kept as written (Mastra's input includes the cache)", () => {
    const [chat] = named(translate("mastra/mastra__generate"), "chat");
    expect(chat!.tokenUsage).toEqual({ input_tokens: 26, output_tokens: 12, total_tokens: 38, cache_read_input_tokens: 16, reasoning_tokens: 4 });
    expect(chat!.diagnostics).toEqual([]);
  });
});

describe("errors", () => {
  it("model error: the agent is ERROR; the failed step's reply is empty, with no finish reason", () => {
    const spans = translate("mastra/mastra__model-error");
    expect(named(spans, "invoke_agent")[0]!.status?.code).toBe("ERROR");
    expect(named(spans, "agent_step")[0]!.outputs).toEqual({ choices: [{ index: 0, message: { role: "assistant", content: "" }, finish_reason: null }] });
  });
  it("tool error: the tool span is ERROR", () => {
    expect(named(translate("mastra/mastra__tool-error"), "execute_tool")[0]!.status?.code).toBe("ERROR");
  });
});

describe("run-level chat span of older exporters (mastra.span.type = model_generation)", () => {
  // Older @mastra/observability: the run-level span is the GenAI `chat` span, with the summed usage;
  // each step below it has its own request's counts.
  const run = toMlflowSpan({
    name: "chat gpt-4o-mini",
    spanId: "0000000000000001",
    traceId: "00000000000000000000000000000001",
    attributes: { "mastra.span.type": "model_generation", "gen_ai.operation.name": "chat", "gen_ai.usage.input_tokens": 30, "gen_ai.usage.output_tokens": 5 },
  });
  const steps = [1, 2].map((i) =>
    toMlflowSpan({
      name: "agent_step",
      spanId: `000000000000001${i}`,
      parentSpanId: "0000000000000001",
      traceId: "00000000000000000000000000000001",
      attributes: { "mastra.span.type": "model_step", "gen_ai.usage.input_tokens": 15, "gen_ai.usage.output_tokens": i === 1 ? 2 : 3 },
    }),
  );
  it("is an LLM span keeping its own numbers, counted once in the trace", () => {
    expect(run.spanType).toBe("LLM");
    expect(run.tokenUsage).toEqual({ input_tokens: 30, output_tokens: 5, total_tokens: 35 });
    expect(summarizeTrace([run, ...steps]).tokenUsage).toEqual({ input_tokens: 30, output_tokens: 5, total_tokens: 35 });
  });
});

describe("rules and bad input", () => {
  it("provider ids of the AI SDK in GenAI spelling", () => {
    expect(span({ "mastra.span.type": "model_inference", "gen_ai.provider.name": "google.vertex.chat" }).provider).toBe("gcp.vertex_ai");
    expect(span({ "mastra.span.type": "model_inference", "gen_ai.provider.name": "anthropic.messages" }).provider).toBe("anthropic");
    expect(span({ "mastra.span.type": "model_inference", "gen_ai.provider.name": "openai" }).provider).toBe("openai");
  });
  it("agent input as AI SDK messages with tool parts", () => {
    const s = span({
      "mastra.span.type": "agent_run",
      "mastra.agent_run.input": JSON.stringify([
        { role: "assistant", content: [{ type: "tool-call", toolCallId: "c1", toolName: "f", input: { a: 1 } }] },
        { role: "tool", content: [{ type: "tool-result", toolCallId: "c1", toolName: "f", output: { type: "json", value: { ok: true } } }] },
      ]),
    });
    expect(s.inputs).toEqual({
      messages: [
        { role: "assistant", content: null, tool_calls: [{ id: "c1", type: "function", function: { name: "f", arguments: '{"a":1}' } }] },
        { role: "tool", content: '{"ok":true}', tool_call_id: "c1" },
      ],
    });
  });
  it("an unknown span type, broken JSON, a non-message: diagnostics, no exception, attributes kept", () => {
    const attributes = { "mastra.span.type": "teleport", "mastra.model_step.input": "[{broken", "mastra.agent_run.input": "[1]" };
    const s = span(attributes);
    expect(s.diagnostics.map((d) => d.code).sort()).toEqual(["invalid-json", "invalid-message", "unknown-span-kind"]);
    expect(s.attributes).toEqual(attributes);
    const kept = toMlflowSpan({ attributes }, { keepSource: false });
    expect(kept.attributes).toEqual(attributes);
  });
});
