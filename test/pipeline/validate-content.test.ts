/**
 * `validateSpan({ require: ["inputs", "outputs"] })` asks for content, not for fields that merely
 * exist: request parameters, a reply rebuilt from finish reasons, or messages whose content is null
 * (content capture off) fail it. Spans from the captured fixtures, which are real instrumentation output.
 */
import { describe, expect, it } from "vitest";
import { validateSpan, type Attributes } from "../../src/index.js";
import { loadFixture } from "../helpers/fixtures.js";

const missing = (attributes: Attributes, require: ("inputs" | "outputs")[] = ["inputs", "outputs"]) =>
  validateSpan({ name: "s", attributes }, { require })
    .filter((d) => d.code === "missing-field")
    .map((d) => [d.code, d.key]);

const chat = { "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.request.model": "m" };

describe("require inputs / outputs: content, not parameters", () => {
  it("parameters alone and a reply rebuilt from finish reasons are not content", () => {
    expect(missing({ ...chat, "gen_ai.request.temperature": 0.2, "gen_ai.response.finish_reasons": ["stop"] })).toEqual([
      ["missing-field", "inputs"],
      ["missing-field", "outputs"],
    ]);
  });

  it("messages with content, and a reply that is only tool calls, are content", () => {
    const input = JSON.stringify([{ role: "user", parts: [{ type: "text", content: "hi" }] }]);
    const output = JSON.stringify([{ role: "assistant", parts: [{ type: "tool_call", id: "c1", name: "f", arguments: { a: 1 } }], finish_reason: "tool_call" }]);
    expect(missing({ ...chat, "gen_ai.input.messages": input, "gen_ai.output.messages": output })).toEqual([]);
  });

  it("a tool's recorded arguments count even when empty (a function without arguments)", () => {
    expect(missing({ "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "f", "gen_ai.tool.call.arguments": "{}", "gen_ai.tool.call.result": "ok" })).toEqual([]);
  });

  it("the no-content capture of @opentelemetry/instrumentation-openai fails; content-not-captured becomes an error", () => {
    const [span] = loadFixture("genai/otel-openai-nocontent__chat");
    const diagnostics = validateSpan(span!, { require: ["inputs", "outputs"] });
    expect(diagnostics.filter((d) => d.severity === "error").map((d) => [d.code, d.key ?? null])).toEqual([
      ["content-not-captured", null],
      ["missing-field", "inputs"],
      ["missing-field", "outputs"],
    ]);
    expect(diagnostics.find((d) => d.key === "inputs")!.message).toContain("without content");
    // Without --require it stays the info it was.
    expect(validateSpan(span!).find((d) => d.code === "content-not-captured")!.severity).toBe("info");
    // The same call with content capture on passes.
    const [withContent] = loadFixture("genai/otel-openai__chat");
    expect(validateSpan(withContent!, { require: ["inputs", "outputs"] }).filter((d) => d.severity === "error")).toEqual([]);
  });
});
