/**
 * Issue 13 class 3 on the contrib OpenAI 0.22 captures (Responses API): input and output in two
 * `gen_ai.client.inference.operation.details` records of one span, joined; a plain-string
 * `gen_ai.system_instructions` is the system message, once, without `invalid-json`; tool-call ids from
 * `call_id` when `id` is empty.
 */
import { describe, expect, it } from "vitest";
import { toMlflowSpan, type MlflowSpan } from "../../../src/index.js";
import { loadFixture } from "../../helpers/fixtures.js";

const chatOf = (id: string): MlflowSpan => {
  const span = loadFixture(`genai/${id}`).map((s) => toMlflowSpan(s)).find((s) => s.spanType === "CHAT_MODEL");
  expect(span, id).toBeDefined();
  return span!;
};
type Chat = { messages: { role: string; content: unknown; tool_call_id?: string; tool_calls?: { id: string }[] }[] };
type Out = { choices: { message: { content: unknown; tool_calls?: { id: string; function: { name: string; arguments: string } }[] }; finish_reason: unknown }[] };

describe("contrib OpenAI 0.22, Responses API", () => {
  it("the reply of the second record is read: text and finish reason", () => {
    const span = chatOf("otel-openai-022__responses");
    const out = span.outputs as Out;
    expect(out.choices[0]!.message.content).toBe("The capital of France is Paris.");
    expect(out.choices[0]!.finish_reason).toBe("stop");
  });

  it("the plain-string system instructions: one system message first, no invalid-json", () => {
    for (const id of ["otel-openai-022__responses", "otel-openai-022__responses-stream"]) {
      const span = chatOf(id);
      const messages = (span.inputs as Chat).messages;
      expect(messages.map((m) => m.role), id).toEqual(["system", "user"]);
      expect(messages[0]!.content).toBe("You are a concise assistant. Answer in one sentence.");
      expect(span.diagnostics.map((d) => d.code), id).not.toContain("invalid-json");
    }
  });

  it("a function call in the output record becomes tool_calls", () => {
    const out = chatOf("otel-openai-022__responses-tools").outputs as Out;
    expect(out.choices[0]!.message.tool_calls).toEqual([
      { id: "call_fixture_0001", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris","unit":"celsius"}' } },
    ]);
  });

  it("call ids come from call_id (what the tool result refers to) when id is empty or the item id", () => {
    const span = chatOf("otel-openai-022__responses-tool-result");
    const messages = (span.inputs as Chat).messages;
    expect(messages.find((m) => m.tool_calls)?.tool_calls?.[0]?.id).toBe("call_fixture_0001");
    expect(messages.find((m) => m.role === "tool")?.tool_call_id).toBe("call_fixture_0001");
    expect((span.outputs as Out).choices[0]!.message.content).toBe("It is currently 18 °C and sunny in Paris.");
  });
});

describe("system instructions", () => {
  const span = (attributes: Record<string, string>) => toMlflowSpan({ name: "chat", attributes: { "gen_ai.operation.name": "chat", ...attributes } });
  it("plain text, a JSON string literal, and the part list give the same system message", () => {
    for (const value of ["Be brief.", '"Be brief."', '[{"type":"text","content":"Be brief."}]']) {
      const s = span({ "gen_ai.system_instructions": value });
      expect((s.inputs as Chat).messages, value).toEqual([{ role: "system", content: "Be brief." }]);
      expect(s.diagnostics.map((d) => d.code)).not.toContain("invalid-json");
    }
  });
  it("instructions repeated as the first input message are kept once", () => {
    const s = span({
      "gen_ai.system_instructions": "Be brief.",
      "gen_ai.input.messages": '[{"role":"system","parts":[{"type":"text","content":"Be brief."}]},{"role":"user","parts":[{"type":"text","content":"Hi"}]}]',
    });
    expect((s.inputs as Chat).messages.map((m) => m.role)).toEqual(["system", "user"]);
  });
});

describe("system instructions on the span and in the operation-details record (Gemini CLI writes both)", () => {
  const details = (system: string) => ({
    name: "gen_ai.client.inference.operation.details",
    attributes: { "gen_ai.system_instructions": system, "gen_ai.input.messages": '[{"role":"user","parts":[{"type":"text","content":"Hi"}]}]' },
  });
  const chat = (spanSystem: string, recordSystem: string) =>
    toMlflowSpan({ name: "chat", attributes: { "gen_ai.operation.name": "chat", "gen_ai.system_instructions": spanSystem }, events: [details(recordSystem)] });
  const twoParts = '[{"type":"text","content":"Be brief."},{"type":"text","content":"Use metric units."}]';
  it("one system message, the span's, then the record's conversation", () => {
    expect((chat("Be brief.", '[{"type":"text","content":"Be brief."}]').inputs as Chat).messages).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: "Hi" },
    ]);
  });
  it("a system message of several parts is not repeated (the record's copy is not decoded again)", () => {
    const messages = (chat(twoParts, twoParts).inputs as Chat).messages;
    expect(messages.map((m) => m.role)).toEqual(["system", "user"]);
    expect(messages[0]!.content).toEqual([
      { type: "text", text: "Be brief." },
      { type: "text", text: "Use metric units." },
    ]);
  });
  it("the record alone: its own instructions are read", () => {
    const s = toMlflowSpan({ name: "chat", attributes: { "gen_ai.operation.name": "chat" }, events: [details("Be brief.")] });
    expect((s.inputs as Chat).messages.map((m) => [m.role, m.content])).toEqual([["system", "Be brief."], ["user", "Hi"]]);
  });
});
