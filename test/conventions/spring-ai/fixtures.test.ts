/**
 * The Spring AI fixtures (built from spring-projects/spring-ai source: 2.x at fd3fd6e, 1.0.0-M8 for the
 * content events; fixtures/MANIFEST.md): string-typed values read, span kinds, content events, tool
 * content. The goldens hold the whole translation.
 */
import { describe, expect, it } from "vitest";
import { detectConventions, toMlflowSpan, type MlflowSpan } from "../../../src/index.js";
import { loadFixture } from "../../helpers/fixtures.js";

const spans = (id: string): MlflowSpan[] => loadFixture(`spring-ai/spring-ai__${id}`).map((s) => toMlflowSpan(s));

describe("span types and detection", () => {
  it.each([
    ["chat-content-events", [["chat gpt-4o-mini", "CHAT_MODEL", true]]],
    [
      "chat-tools",
      [
        ["spring_ai chat_client", "CHAIN", true],
        ["chat gpt-4o-mini", "CHAT_MODEL", true],
        ["execute_tool get_weather", "TOOL", true],
        ["chat gpt-4o-mini", "CHAT_MODEL", true],
      ],
    ],
    // Spring's singular `embedding` operation marks it; MLflow types it LLM.
    ["embedding", [["embedding text-embedding-3-small", "EMBEDDING", true]]],
    // A 2.x chat span without tools carries only GenAI keys: the scope name org.springframework.boot says Spring AI.
    ["chat", [["chat gpt-4o-mini", "CHAT_MODEL", true]]],
    ["chat-error", [["chat gpt-4o-mini", "CHAT_MODEL", true]]],
  ])("%s", (id, expected) => {
    const parsed = spans(id);
    expect(parsed.map((s) => [s.name, s.spanType, s.conventions.includes("spring-ai")])).toEqual(expected);
    for (const s of parsed) if (s.conventions.includes("spring-ai")) expect(s.diagnostics).toEqual([]);
  });

  it("detectConventions names spring-ai from spring.ai.* keys and the content events", () => {
    const [client] = loadFixture("spring-ai/spring-ai__chat-tools");
    expect(detectConventions(client!)).toEqual(["spring-ai", "genai"]);
    const [m8] = loadFixture("spring-ai/spring-ai__chat-content-events");
    expect(detectConventions(m8!)).toContain("spring-ai");
  });
});

describe("content and values", () => {
  it("1.0.0-M8 events: prompt texts as messages (no roles recorded), completion as the choice; string parameters as numbers", () => {
    const [chat] = spans("chat-content-events");
    expect(chat!.inputs).toEqual({
      messages: [
        { role: "user", content: "You are a concise assistant. Answer in one sentence." },
        { role: "user", content: "What is the capital of France?" },
      ],
      temperature: 0.2,
      max_tokens: 64,
      model: "gpt-4o-mini",
    });
    expect((chat!.outputs as { choices: unknown[] }).choices).toEqual([{ index: 0, message: { role: "assistant", content: "The capital of France is Paris." }, finish_reason: "stop" }]);
  });

  it("finish reasons from the bracket string, in OpenAI spelling", () => {
    const [, first, , second] = spans("chat-tools");
    expect((first!.outputs as { choices: { finish_reason: string }[] }).choices[0]!.finish_reason).toBe("tool_calls");
    expect((second!.outputs as { choices: { finish_reason: string }[] }).choices[0]!.finish_reason).toBe("stop");
  });

  it("tool span: spring.ai.tool.call.arguments and result", () => {
    const tool = spans("chat-tools")[2]!;
    expect(tool.inputs).toEqual({ city: "Paris", unit: "celsius" });
    expect(tool.outputs).toEqual({ city: "Paris", temperature: 18, unit: "celsius", conditions: "sunny" });
  });

  it("session: spring.ai.chat.client.conversation.id stays an attribute", () => {
    expect(spans("chat-tools")[0]!.attributes["spring.ai.chat.client.conversation.id"]).toBe("conversation-42");
  });
});

describe("token usage, exactly (strings; OpenAI's prompt count includes the cache)", () => {
  it.each([
    ["chat", 0, { input_tokens: 26, output_tokens: 12, total_tokens: 38, cache_read_input_tokens: 16 }],
    ["chat-tools", 1, { input_tokens: 82, output_tokens: 19, total_tokens: 101, cache_read_input_tokens: 0 }],
    ["chat-content-events", 0, { input_tokens: 26, output_tokens: 12, total_tokens: 38 }],
    ["embedding", 0, { input_tokens: 8, output_tokens: 0, total_tokens: 8 }],
  ])("%s span %i", (id, index, usage) => {
    expect(spans(id)[index]!.tokenUsage).toEqual(usage);
  });
});
