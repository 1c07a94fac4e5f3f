/**
 * The VoltAgent captures (`@voltagent/core` 2.10.0 with `@ai-sdk/openai` 3.0.139 / `ai` 6.0.325
 * against the mock, scope "@voltagent/core"): span types, chat inputs and answers, token counts of the
 * agent (the call's total) and llm spans (the last request), errors, and bad input.
 */
import { describe, expect, it } from "vitest";
import { summarizeTrace, toMlflowSpan, validateSpan, type MlflowSpan } from "../../../src/index.js";
import { loadFixture } from "../../helpers/fixtures.js";

const spans = (id: string): MlflowSpan[] => loadFixture(`voltagent/${id}`).map((s) => toMlflowSpan(s));
const summary = (s: MlflowSpan) => [s.name, s.spanType];
const SYSTEM = { role: "system", content: "You are a concise assistant. Answer in one sentence." };

describe("span types", () => {
  it("agent, memory, llm, tool", () => {
    expect(spans("voltagent__tool-call").map(summary)).toEqual([
      ["weather-agent", "AGENT"],
      ["memory.read", "MEMORY"],
      ["llm:generateText", "LLM"],
      ["memory.write", "MEMORY"],
      ["tool.execution:get_weather", "TOOL"],
      ["memory.steps.write", "MEMORY"],
      ["memory.write", "MEMORY"],
      ["memory.steps.write", "MEMORY"],
      ["memory.write", "MEMORY"],
    ]);
  });

  it("VoltAgent's ai.model.* keys are its own, not the AI SDK's: the agent span is voltagent only", () => {
    const [agent, , llm] = spans("voltagent__generate-text");
    expect(agent!.conventions).toEqual(["voltagent"]);
    expect(agent!.diagnostics).toEqual([]);
    // `llm.finish_reason` and `llm.usage.*` are also OpenInference / OpenLLMetry spellings, so those are
    // detected too; VoltAgent's explicit span type and structured messages outrank what they infer.
    expect(llm!.conventions).toEqual(["openinference", "openllmetry", "voltagent"]);
  });
});

describe("content", () => {
  it("agent: AI SDK messages in OpenAI shape with the parameters; the answer with its finish reason", () => {
    const agent = spans("voltagent__generate-text")[0]!;
    expect(agent.inputs).toEqual({ messages: [SYSTEM, { role: "user", content: "What is the capital of France?" }], temperature: 0.2, max_tokens: 64 });
    expect(agent.outputs).toEqual({ choices: [{ index: 0, message: { role: "assistant", content: "The capital of France is Paris." }, finish_reason: "stop" }] });
    expect(agent.model).toBe("gpt-4o-mini");
    // No provider key: inferred from the model id (canonical/providers.ts), once every parser ran.
    expect(agent.provider).toBe("openai");
    expect(agent.messageFormat).toBe("openai");
  });

  it("llm: the messages sent, no reply (VoltAgent records none there), tool names", () => {
    const llm = spans("voltagent__tool-call")[2]!;
    expect(llm.inputs).toEqual({ messages: [{ role: "system", content: "Answer weather questions with the get_weather tool." }, { role: "user", content: "What's the weather like in Paris today?" }] });
    expect(llm.outputs).toBeUndefined();
    expect(llm.tools).toEqual([{ type: "function", function: { name: "get_weather" } }]);
  });

  it("tool and memory: the JSON values", () => {
    const parsed = spans("voltagent__tool-call");
    expect(parsed[4]!.inputs).toEqual({ city: "Paris", unit: "celsius" });
    expect(parsed[4]!.outputs).toEqual({ city: "Paris", temperature: 18, condition: "sunny" });
    expect(parsed[1]!.outputs).toEqual([]);
    expect(parsed[3]!.outputs).toEqual({ saved: true });
  });
});

describe("token usage, exactly", () => {
  it.each([
    // prompt_tokens is the AI SDK 6 input total: it already includes the 16 cached tokens.
    ["voltagent__generate-text", 0, { input_tokens: 26, output_tokens: 12, total_tokens: 38, cache_read_input_tokens: 16, reasoning_tokens: 4 }],
    ["voltagent__generate-text", 2, { input_tokens: 26, output_tokens: 12, total_tokens: 38, cache_read_input_tokens: 16, reasoning_tokens: 4 }],
    // The agent: both model requests (82 + 118 in, 19 + 14 out); the llm span: the last request only.
    ["voltagent__tool-call", 0, { input_tokens: 200, output_tokens: 33, total_tokens: 233, cache_read_input_tokens: 0, reasoning_tokens: 0 }],
    ["voltagent__tool-call", 2, { input_tokens: 118, output_tokens: 14, total_tokens: 132 }],
  ])("%s span %i", (id, index, usage) => {
    expect(spans(id)[index]!.tokenUsage).toEqual(usage);
  });

  it("the trace total counts the agent's numbers once (ancestor wins), not agent + llm as MLflow (365)", () => {
    expect(summarizeTrace(spans("voltagent__tool-call")).tokenUsage).toMatchObject({ input_tokens: 200, output_tokens: 33, total_tokens: 233 });
  });
});

describe("errors and session", () => {
  it("a model error: status ERROR on agent and llm, no reply, no usage", () => {
    const [agent, , llm] = spans("voltagent__model-error");
    for (const s of [agent!, llm!]) {
      expect(s.status?.code).toBe("ERROR");
      expect(s.outputs).toBeUndefined();
      expect(s.tokenUsage).toBeUndefined();
    }
  });

  it("a tool error: the tool span fails, the agent recovers", () => {
    const parsed = spans("voltagent__tool-error");
    expect(parsed.find((s) => s.spanType === "TOOL")!.status).toEqual({ code: "ERROR", message: "weather service unavailable" });
    expect(parsed[0]!.status?.code).toBe("OK");
  });

  it("user.id and conversation.id stay attributes; validate --convention voltagent has no errors", () => {
    const parsed = spans("voltagent__generate-text");
    expect(parsed[0]!.attributes["user.id"]).toBe("user-fixture-0001");
    expect(parsed[0]!.attributes["conversation.id"]).toBe("conversation-fixture-generate-text");
    expect(summarizeTrace(parsed).user).toBe("user-fixture-0001");
    for (const s of loadFixture("voltagent/voltagent__generate-text")) {
      expect(validateSpan(s, { convention: "voltagent" }).filter((d) => d.severity === "error")).toEqual([]);
    }
  });
});

describe("bad input: diagnostics, never an exception, no attribute lost", () => {
  const translate = (attributes: Record<string, unknown>) => toMlflowSpan({ name: "x", attributes } as never, { keepSource: false });

  it("an unknown span.type: unknown-span-kind, kept; entity.type then decides", () => {
    const s = translate({ "span.type": "planner", "entity.type": "agent" });
    expect(s.diagnostics.map((d) => d.code)).toEqual(["unknown-span-kind"]);
    expect(s.spanType).toBe("AGENT");
    expect(s.attributes["span.type"]).toBe("planner");
  });

  it("usage counts that are strings of digits are read; other strings are invalid-token-count and kept", () => {
    const s = translate({ "entity.type": "agent", "usage.prompt_tokens": "12", "usage.completion_tokens": "many" });
    // No invented counts: the output count that could not be read stays absent (usage-incomplete is
    // only raised on model-call spans).
    expect(s.diagnostics.map((d) => d.code)).toEqual(["invalid-token-count"]);
    expect(s.tokenUsage).toEqual({ input_tokens: 12 });
    expect(s.attributes["usage.completion_tokens"]).toBe("many");
  });

  it("messages that are not JSON: invalid-json, kept, and the `input` value used instead", () => {
    const s = translate({ "entity.type": "agent", "agent.messages": "[{oops", input: "hello" });
    expect(s.diagnostics.map((d) => d.code)).toEqual(["invalid-json"]);
    expect(s.inputs).toBe("hello");
    expect(s.attributes["agent.messages"]).toBe("[{oops");
  });
});
