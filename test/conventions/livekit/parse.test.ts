/** One row per rule of the LiveKit parser, and bad input: diagnostics, never an exception, no attribute lost. */
import { describe, expect, it } from "vitest";
import { toMlflowSpan } from "../../../src/index.js";

const span = (attributes: Record<string, string | number | boolean>) => toMlflowSpan({ name: "x", attributes });

describe("LiveKit rules", () => {
  it("older spellings (lk.chat_ctx, lk.response.text) read as the lk.pii ones", () => {
    const s = span({ "lk.chat_ctx": JSON.stringify({ items: [{ type: "message", role: "user", content: ["hi", "there"] }] }), "lk.response.text": "hello" });
    expect(s.inputs).toEqual({ messages: [{ role: "user", content: [{ type: "text", text: "hi" }, { type: "text", text: "there" }] }] });
    expect(s.outputs).toEqual({ choices: [{ index: 0, message: { role: "assistant", content: "hello" }, finish_reason: null }] });
  });

  it("the newer spelling wins over the older one", () => {
    expect(span({ "lk.pii.user_input": "new", "lk.user_input": "old" }).inputs).toBe("new");
  });

  it.each([
    ["api.openai.com", "openai"],
    ["my-res.openai.azure.com", "azure.ai.openai"],
    ["generativelanguage.googleapis.com", "gcp.gemini"],
  ])("provider host %s is %s", (host, provider) => {
    expect(span({ "lk.retry_count": 0, "gen_ai.provider.name": host }).provider).toBe(provider);
  });

  it("cache: gen_ai.usage.input_tokens already includes the cached count (OpenAI's prompt_tokens)", () => {
    const s = span({ "lk.llm_metrics": "{}", "gen_ai.operation.name": "chat", "gen_ai.usage.input_tokens": 100, "gen_ai.usage.output_tokens": 5, "gen_ai.usage.cache_read.input_tokens": 40 });
    expect(s.tokenUsage).toEqual({ input_tokens: 100, output_tokens: 5, total_tokens: 105, cache_read_input_tokens: 40 });
  });

  it("function call outputs in the chat context follow the calls", () => {
    const s = span({
      "lk.pii.chat_ctx": JSON.stringify({ items: [
        { type: "function_call", call_id: "a", name: "f", arguments: "{}" },
        { type: "function_call", call_id: "b", name: "g", arguments: "{}" },
        { type: "function_call_output", call_id: "a", name: "f", output: "1", is_error: false },
      ] }),
    });
    expect((s.inputs as { messages: unknown }).messages).toEqual([
      { role: "assistant", content: null, tool_calls: [{ id: "a", type: "function", function: { name: "f", arguments: "{}" } }, { id: "b", type: "function", function: { name: "g", arguments: "{}" } }] },
      { role: "tool", content: "1", tool_call_id: "a" },
    ]);
  });
});

describe("bad input", () => {
  it.each([
    ["chat context not JSON", { "lk.pii.chat_ctx": "{oops" }, "invalid-json"],
    ["chat context without items", { "lk.pii.chat_ctx": '{"messages":[]}' }, "invalid-message"],
    ["an item of unknown type", { "lk.pii.chat_ctx": '{"items":[{"type":"weird"}]}' }, "invalid-message"],
    ["function calls not a list", { "lk.pii.response.function_calls": '{"name":"f"}' }, "invalid-message"],
    ["a content of unknown kind", { "lk.pii.chat_ctx": '{"items":[{"type":"message","role":"user","content":[{"type":"audio_content"}]}]}' }, "unknown-content-part"],
  ])("%s: diagnosed, attribute kept", (_, attributes, code) => {
    const s = toMlflowSpan({ name: "llm_node", attributes }, { keepSource: false });
    expect(s.diagnostics.map((d) => d.code)).toContain(code);
    for (const [k, v] of Object.entries(attributes)) expect(s.attributes[k]).toBe(v);
  });
});
