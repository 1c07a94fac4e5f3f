/**
 * The LiveKit Agents captures (@livekit/agents 1.9.0 + @livekit/agents-plugin-openai 1.9.0 against the
 * mock OpenAI endpoint, scope "livekit-agents"): span types, the `lk.pii.*` chat context and replies as
 * chat messages, tool spans, usage. The goldens hold the whole translation.
 */
import { describe, expect, it } from "vitest";
import { detectConventions, toMlflowSpan, type MlflowSpan } from "../../../src/index.js";
import { loadFixture } from "../../helpers/fixtures.js";

const spans = (id: string): MlflowSpan[] => loadFixture(`livekit/livekit__${id}`).map((s) => toMlflowSpan(s));
const byName = (list: MlflowSpan[], name: string) => list.filter((s) => s.name === name);
const SYSTEM = { role: "system", content: "You are a concise assistant. Answer in one sentence." };
const ASK = { role: "user", content: "What's the weather like in Paris today?" };
const CALL = { id: "call_fixture_0001", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris","unit":"celsius"}' } };
const RESULT = { role: "tool", content: '{"city":"Paris","temperature":18,"condition":"sunny"}', tool_call_id: "call_fixture_0001" };
const ANSWER = "It is currently 18 °C and sunny in Paris.";

describe("span types", () => {
  it("session with a tool call", () => {
    expect(spans("session-tool").map((s) => [s.name, s.spanType])).toEqual([
      ["agent_session", "WORKFLOW"],
      ["start_agent_activity", "AGENT"],
      ["on_enter", "UNKNOWN"],
      ["agent_turn", "AGENT"],
      ["llm_node", "LLM"],
      ["llm_request", "CHAT_MODEL"],
      // lk.retry_count: the attempt of the request, LLM as MLflow types it.
      ["llm_request_run", "LLM"],
      ["function_tool", "TOOL"],
      ["agent_turn", "AGENT"],
      ["llm_node", "LLM"],
      ["llm_request", "CHAT_MODEL"],
      ["llm_request_run", "LLM"],
      ["agent_speaking", "UNKNOWN"],
      ["drain_agent_activity", "UNKNOWN"],
      ["on_exit", "UNKNOWN"],
      ["user_turn", "UNKNOWN"],
      ["eou_detection", "UNKNOWN"],
    ]);
    for (const s of spans("session-tool")) expect(s.diagnostics.filter((d) => d.code !== "no-convention")).toEqual([]);
  });

  it("detectConventions names livekit on every span with an lk.* key", () => {
    const [, , , , node, request, run] = loadFixture("livekit/livekit__session-tool");
    expect(detectConventions(node!)).toEqual(["livekit", "genai"]);
    expect(detectConventions(request!)).toEqual(["livekit", "genai"]);
    expect(detectConventions(run!)).toEqual(["livekit"]);
  });
});

describe("content from the lk.pii.* keys", () => {
  it("llm_node: chat context as messages (config updates dropped), reply with its tool calls", () => {
    const [first, second] = byName(spans("session-tool"), "llm_node");
    expect((first!.inputs as { messages: unknown }).messages).toEqual([SYSTEM, ASK]);
    expect(first!.outputs).toEqual({ choices: [{ index: 0, message: { role: "assistant", content: null, tool_calls: [CALL] }, finish_reason: "tool_calls" }] });
    expect((second!.inputs as { messages: unknown }).messages).toEqual([SYSTEM, ASK, { role: "assistant", content: null, tool_calls: [CALL] }, RESULT]);
    expect(second!.outputs).toEqual({ choices: [{ index: 0, message: { role: "assistant", content: ANSWER }, finish_reason: null }] });
    expect(first!.messageFormat).toBe("openai");
  });

  it("agent_turn: the user's input and the spoken reply, as text", () => {
    const [first, second] = byName(spans("session-tool"), "agent_turn");
    expect(first!.inputs).toBe(ASK.content);
    expect(second!.outputs).toBe(ANSWER);
  });

  it("function_tool: arguments and output", () => {
    const [tool] = byName(spans("session-tool"), "function_tool");
    expect(tool!.inputs).toEqual({ city: "Paris", unit: "celsius" });
    expect(tool!.outputs).toEqual({ city: "Paris", temperature: 18, condition: "sunny" });
  });
});

describe("model requests (GenAI keys)", () => {
  it.each([
    // OpenAI's prompt_tokens, which include cached tokens (none cached in these streamed fixtures).
    ["llm-chat", { input_tokens: 22, output_tokens: 13, total_tokens: 35 }],
    ["llm-tools", { input_tokens: 82, output_tokens: 19, total_tokens: 101 }],
  ])("%s usage", (id, usage) => {
    const [request] = byName(spans(id), "llm_request");
    expect(request!.tokenUsage).toEqual(usage);
    // The OpenAI plugin writes its base URL's host; an unknown host (the mock) stays as written.
    expect(request!.provider).toBe("127.0.0.1:8787");
  });

  it("a failed request: the attempt span is ERROR", () => {
    const [, run] = spans("llm-error");
    expect(run!.status?.code).toBe("ERROR");
  });
});
