/** Strands Agents: exact expectations on the captured fixtures (docs/strands.md), and one row per rule. */
import { describe, expect, it } from "vitest";
import { detectConventions, summarizeTrace, toMlflowSpan, type Attributes, type MlflowSpan } from "../../../src/index.js";
import { loadFixture } from "../../helpers/fixtures.js";

const SCOPE = { name: "strands-agents" };
const translate = (id: string): MlflowSpan[] => loadFixture(id).map((s) => toMlflowSpan(s));
const named = (spans: MlflowSpan[], prefix: string): MlflowSpan[] => spans.filter((s) => s.name.startsWith(prefix));
const span = (attributes: Attributes, events: { name: string; attributes: Attributes }[] = []): MlflowSpan =>
  toMlflowSpan({ name: "chat", attributes, events, scope: SCOPE });

const SYSTEM = { role: "system", content: "You are a concise assistant. Answer in one sentence." };
const USER = { role: "user", content: "What's the weather like in Paris today?" };
const CALL = { id: "call_fixture_0001", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris","unit":"celsius"}' } };
const RESULT = { city: "Paris", temperature: 18, condition: "sunny" };
const ANSWER = { role: "assistant", content: "It is currently 18 °C and sunny in Paris." };

describe("detection", () => {
  it("by scope (chat spans carry only GenAI keys and events) and by the cycle key", () => {
    expect(detectConventions({ attributes: { "gen_ai.operation.name": "chat" }, scope: SCOPE })).toEqual(["strands", "genai"]);
    expect(detectConventions({ attributes: { "agent_loop.cycle_id": "cycle-1" } })).toEqual(["strands"]);
  });
});

// The legacy and latest event modes must give the same canonical spans for the same run.
describe.each([["strands/strands__tool-call"], ["strands/strands-latest__tool-call"]])("%s", (id) => {
  const spans = translate(id);
  const [agent] = named(spans, "invoke_agent");
  const chats = named(spans, "chat");
  const [tool] = named(spans, "execute_tool");
  const cycles = named(spans, "execute_agent_loop_cycle");

  it("agent span: system prompt, user message, reply; no provider (strands-agents is the framework)", () => {
    expect(agent!.spanType).toBe("AGENT");
    expect(agent!.inputs).toEqual({ messages: [SYSTEM, USER], model: "gpt-4o-mini" });
    expect(agent!.outputs).toEqual({ choices: [{ index: 0, message: ANSWER, finish_reason: "stop" }] });
    expect(agent!.provider).toBeUndefined();
    expect(agent!.attributes["gen_ai.operation.name"]).toBe("invoke_agent");
  });

  it("chat spans: Strands blocks / merged details events as OpenAI messages, Strands stop reasons mapped", () => {
    expect(chats.map((c) => c.spanType)).toEqual(["CHAT_MODEL", "CHAT_MODEL"]);
    expect(chats[0]!.inputs).toEqual({ messages: [SYSTEM, USER], model: "gpt-4o-mini" });
    expect(chats[0]!.outputs).toEqual({ choices: [{ index: 0, message: { role: "assistant", content: null, tool_calls: [CALL] }, finish_reason: "tool_calls" }] });
    expect(chats[1]!.inputs).toEqual({
      messages: [SYSTEM, USER, { role: "assistant", content: null, tool_calls: [CALL] }, { role: "tool", content: JSON.stringify(RESULT), tool_call_id: "call_fixture_0001" }],
      model: "gpt-4o-mini",
    });
    expect(chats[1]!.outputs).toEqual({ choices: [{ index: 0, message: ANSWER, finish_reason: "stop" }] });
    expect(chats.map((c) => c.provider)).toEqual([undefined, undefined]);
  });

  it("OpenAI usage includes the cache: kept as written", () => {
    expect(chats.map((c) => c.tokenUsage)).toEqual([
      { input_tokens: 82, output_tokens: 19, total_tokens: 101, cache_read_input_tokens: 64 },
      { input_tokens: 118, output_tokens: 14, total_tokens: 132, cache_read_input_tokens: 64 },
    ]);
    expect(agent!.tokenUsage).toEqual({ input_tokens: 200, output_tokens: 33, total_tokens: 233, cache_read_input_tokens: 128 });
  });

  it("the agent's summed usage is counted once in the trace (MLflow: 400 / 66 / 466)", () => {
    expect(summarizeTrace(spans).tokenUsage).toEqual({ input_tokens: 200, output_tokens: 33, total_tokens: 233, cache_read_input_tokens: 128 });
  });

  it("tool span: arguments and the result blocks' value", () => {
    expect(tool!.spanType).toBe("TOOL");
    expect(tool!.inputs).toEqual({ city: "Paris", unit: "celsius" });
    expect(tool!.outputs).toEqual(RESULT);
  });

  it("cycle spans are CHAIN", () => {
    expect(cycles.map((c) => c.spanType)).toEqual(["CHAIN", "CHAIN"]);
  });

  it("session and user from the root span", () => {
    const summary = summarizeTrace(spans);
    expect([summary.session, summary.user]).toEqual(["session-fixture-0001", "user-fixture-0001"]);
  });
});

describe.each([["strands/strands__tool-error"], ["strands/strands-latest__tool-error"]])("%s", (id) => {
  it("the failing tool is ERROR with the error text as its output", () => {
    const [tool] = named(translate(id), "execute_tool");
    expect(tool!.status?.code).toBe("ERROR");
    expect(tool!.outputs).toBe("Error: weather service unavailable");
  });
});

describe("Anthropic provider: input written without the cache", () => {
  it("invoke: 19 uncached + 2048 read + 1024 written = 3091 (MLflow: 19)", () => {
    const spans = translate("strands/strands-anthropic__invoke");
    const [chat] = named(spans, "chat");
    expect(chat!.tokenUsage).toEqual({ input_tokens: 3091, output_tokens: 14, total_tokens: 3105, cache_read_input_tokens: 2048, cache_creation_input_tokens: 1024 });
    expect(chat!.outputs).toEqual({ choices: [{ index: 0, message: { role: "assistant", content: "The capital of France is Paris." }, finish_reason: "stop" }] });
    expect(summarizeTrace(spans).tokenUsage).toEqual({ input_tokens: 3091, output_tokens: 14, total_tokens: 3105, cache_read_input_tokens: 2048, cache_creation_input_tokens: 1024 });
  });
  it("tool-call: text and tool call in one reply", () => {
    const [chat] = named(translate("strands/strands-anthropic__tool-call"), "chat");
    const message = (chat!.outputs as { choices: { message: { content: unknown; tool_calls: unknown[] } }[] }).choices[0]!.message;
    expect(message.content).toBe("I'll look up the current weather in Paris.");
    expect(message.tool_calls).toHaveLength(1);
  });
});

describe("usage rules", () => {
  const counts = (input: number, output: number, total: number, read: number, model: string): Attributes => ({
    "gen_ai.operation.name": "chat",
    "gen_ai.request.model": model,
    "gen_ai.usage.input_tokens": input,
    "gen_ai.usage.prompt_tokens": input,
    "gen_ai.event.start_time": "2026-12-07T05:18:13.351Z",
    "gen_ai.usage.output_tokens": output,
    "gen_ai.usage.total_tokens": total,
    "gen_ai.usage.cache_read.input_tokens": read,
  });
  it.each([
    ["OpenAI, total = input + output: includes the cache", counts(100, 10, 110, 60, "gpt-4o-mini"), 100, []],
    ["Anthropic API model, uncached input above the cache: added (the GenAI rule alone misses it)", counts(500, 10, 510, 60, "claude-haiku-4-5"), 560, ["usage-cache-added"]],
    ["Bedrock Anthropic id, total = input + output: the SDK added the cache already", counts(560, 10, 570, 60, "us.anthropic.claude-haiku-4-5"), 560, []],
    ["Python SDK, total above input + output: added", counts(500, 10, 570, 60, "gpt-4o-mini"), 560, ["usage-cache-added"]],
  ])("%s", (_, attributes, input, codes) => {
    const s = span(attributes);
    expect(s.tokenUsage!.input_tokens).toBe(input);
    expect(s.tokenUsage!.total_tokens).toBe(input + 10);
    expect(s.diagnostics.map((d) => d.code)).toEqual(codes);
  });
  it.each([["gen_ai.usage.prompt_tokens"], ["gen_ai.event.start_time"]])("without Strands' %s (a translated span re-emitted): as written", (key) => {
    const attributes = counts(3091, 14, 3105, 2048, "claude-haiku-4-5");
    delete attributes[key];
    expect(span(attributes).tokenUsage!.input_tokens).toBe(3091);
  });
  it("the legacy cache_write_input_tokens spelling", () => {
    const s = span({ "gen_ai.usage.input_tokens": 10, "gen_ai.usage.output_tokens": 1, "gen_ai.usage.cache_write_input_tokens": 4, "gen_ai.request.model": "gpt-4o" });
    expect(s.tokenUsage).toEqual({ input_tokens: 10, output_tokens: 1, total_tokens: 11, cache_creation_input_tokens: 4 });
  });
});

describe("bad input", () => {
  it("broken block JSON is read as text with a diagnostic; counts that are not numbers are diagnosed; nothing thrown or lost", () => {
    const attributes = { "gen_ai.operation.name": "chat", "gen_ai.system": "strands-agents", "gen_ai.usage.input_tokens": "lots", "gen_ai.usage.output_tokens": 3 };
    const s = span(attributes, [
      { name: "gen_ai.user.message", attributes: { content: "[{broken" } },
      { name: "gen_ai.choice", attributes: { message: { nested: true } as unknown as string, finish_reason: 7 as unknown as string } },
    ]);
    expect(s.inputs).toEqual({ messages: [{ role: "user", content: "[{broken" }] });
    expect(s.diagnostics.map((d) => d.code)).toContain("invalid-json");
    expect(s.diagnostics.map((d) => d.code)).toContain("invalid-token-count");
    expect(s.attributes).toEqual(attributes);
    expect(s.provider).toBeUndefined();
  });
  it("strands-agents provider keys stay even with keepSource: false", () => {
    const s = toMlflowSpan({ attributes: { "gen_ai.operation.name": "chat", "gen_ai.provider.name": "strands-agents" }, scope: SCOPE }, { keepSource: false });
    expect(s.attributes["gen_ai.provider.name"]).toBe("strands-agents");
  });
  it("a real provider name is left to the GenAI parser", () => {
    expect(span({ "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai" }).provider).toBe("openai");
  });
});
