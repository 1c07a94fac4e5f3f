/** One row per rule of the Google ADK parser, and bad input: diagnostics, never an exception, no attribute lost. */
import { describe, expect, it } from "vitest";
import { toMlflowSpan } from "../../../src/index.js";

const span = (attributes: Record<string, string | number>) => toMlflowSpan({ name: "call_llm", attributes });
const request = (body: unknown) => JSON.stringify({ model: "gemini-2.5-flash", ...(body as object) });

describe("Google ADK rules", () => {
  it("provider: a Vertex AI resource name is gcp.vertex_ai, a plain model name gcp.gemini", () => {
    const vertex = span({ "gen_ai.system": "gcp.vertex.agent", "gcp.vertex.agent.llm_request": JSON.stringify({ model: "projects/p/locations/us-central1/publishers/google/models/gemini-2.5-flash", contents: [] }) });
    expect(vertex.provider).toBe("gcp.vertex_ai");
    const gemini = span({ "gen_ai.system": "gcp.vertex.agent", "gen_ai.request.model": "gemini-2.5-flash", "gcp.vertex.agent.llm_request": "{}" });
    expect(gemini.provider).toBe("gcp.gemini");
  });

  it("finish reasons: MAX_TOKENS is length, SAFETY content_filter", () => {
    for (const [reason, expected] of [["MAX_TOKENS", "length"], ["SAFETY", "content_filter"], ["STOP", "stop"]]) {
      const s = span({ "gcp.vertex.agent.llm_response": JSON.stringify({ content: { role: "model", parts: [{ text: "x" }] }, finishReason: reason }) });
      expect((s.outputs as { choices: { finish_reason: string }[] }).choices[0]!.finish_reason).toBe(expected);
    }
  });

  it("thought parts are reasoning, inline images image_url parts", () => {
    const s = span({
      "gcp.vertex.agent.llm_request": request({ contents: [{ role: "user", parts: [{ text: "what is this?" }, { inlineData: { mimeType: "image/png", data: "AAAA" } }] }] }),
      "gcp.vertex.agent.llm_response": JSON.stringify({ content: { role: "model", parts: [{ text: "thinking", thought: true }, { text: "a dot" }] } }),
    });
    expect((s.inputs as { messages: unknown[] }).messages).toEqual([
      { role: "user", content: [{ type: "text", text: "what is this?" }, { type: "image_url", image_url: { url: "data:image/png;base64,AAAA" } }] },
    ]);
    expect((s.outputs as { choices: { message: unknown }[] }).choices[0]!.message).toEqual({ role: "assistant", content: [{ type: "reasoning", text: "thinking" }, { type: "text", text: "a dot" }] });
  });

  it("usage from usageMetadata, strings ignored", () => {
    const s = span({ "gcp.vertex.agent.llm_response": JSON.stringify({ usageMetadata: { promptTokenCount: 10, candidatesTokenCount: "5", totalTokenCount: 15 } }) });
    expect(s.tokenUsage).toEqual({ input_tokens: 10, output_tokens: 5, total_tokens: 15 });
  });
});

describe("bad input", () => {
  it.each([
    ["request not JSON", { "gcp.vertex.agent.llm_request": "{not json" }, "invalid-json"],
    ["a content without parts", { "gcp.vertex.agent.llm_request": request({ contents: [{ role: "user", text: "hi" }] }) }, "invalid-message"],
    ["a tool without a name", { "gcp.vertex.agent.llm_request": request({ contents: [], config: { tools: [{ functionDeclarations: [{ description: "x" }] }] } }) }, "invalid-tool"],
    ["an unknown part", { "gcp.vertex.agent.llm_response": JSON.stringify({ content: { role: "model", parts: [{ videoMetadata: {} }] } }) }, "unknown-content-part"],
  ])("%s: diagnosed, attribute kept", (_, attributes, code) => {
    const s = toMlflowSpan({ name: "call_llm", attributes }, { keepSource: false });
    expect(s.diagnostics.map((d) => d.code)).toContain(code);
    for (const key of Object.keys(attributes)) expect(s.attributes[key]).toBe(attributes[key as keyof typeof attributes]);
  });
});
