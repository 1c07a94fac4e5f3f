/** Gemini CLI rules and bad input: diagnostics, never an exception, no attribute lost. */
import { describe, expect, it } from "vitest";
import { toMlflowSpan } from "../../../src/index.js";

const CLI = { "gen_ai.agent.name": "gemini-cli", "gen_ai.operation.name": "llm_call" };

describe("Gemini CLI", () => {
  it("a non-streamed reply is one content object", () => {
    const s = toMlflowSpan({ name: "llm_call", attributes: { ...CLI, "gen_ai.output.messages": JSON.stringify({ role: "model", parts: [{ text: "hi" }] }) } });
    expect(s.outputs).toEqual({ choices: [{ index: 0, message: { role: "assistant", content: "hi" }, finish_reason: null }] });
  });

  it("a value cut at 10 000 characters is not JSON: invalid-json, kept raw, the span still translated", () => {
    const cut = `[{"role":"user","parts":[{"text":"abc...[TRUNCATED: original length 12000]`;
    const s = toMlflowSpan({ name: "llm_call", attributes: { ...CLI, "gen_ai.input.messages": cut, "gen_ai.request.model": "gemini-2.5-flash" } }, { keepSource: false });
    expect(s.spanType).toBe("CHAT_MODEL");
    expect(s.diagnostics.map((d) => d.code)).toEqual(["invalid-json"]);
    expect(s.attributes["gen_ai.input.messages"]).toBe(cut);
  });

  it("a message that is not Gemini content: invalid-message, attribute kept", () => {
    const bad = JSON.stringify([{ role: "user", content: "not gemini" }]);
    const s = toMlflowSpan({ name: "llm_call", attributes: { ...CLI, "gen_ai.input.messages": bad } }, { keepSource: false });
    expect(s.diagnostics.map((d) => d.code)).toContain("invalid-message");
    expect(s.attributes["gen_ai.input.messages"]).toBe(bad);
  });

  it("an operation the CLI does not define is left to the GenAI parser", () => {
    const s = toMlflowSpan({ name: "x", attributes: { "gen_ai.agent.name": "gemini-cli", "gen_ai.operation.name": "new_op" } });
    expect(s.diagnostics.map((d) => d.code)).toEqual(["unknown-operation"]);
  });
});
