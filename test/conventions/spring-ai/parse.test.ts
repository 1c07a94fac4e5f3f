/** Spring AI rules and bad input: diagnostics, never an exception, no attribute lost. */
import { describe, expect, it } from "vitest";
import { toMlflowSpan } from "../../../src/index.js";
import { bracketList } from "../../../src/conventions/spring-ai/parse.js";

const SPRING = { "spring.ai.kind": "advisor" };

describe("Spring AI rules", () => {
  it.each([
    ['["STOP"]', ["STOP"]],
    ['["a", "b"]', ["a", "b"]],
    ["STOP", undefined],
    ["[1, 2]", undefined],
    ["[broken", undefined],
  ])("bracket list %s", (raw, expected) => {
    expect(bracketList(raw)).toEqual(expected);
  });

  it("a failed call's response model \"none\" gives way to the request model", () => {
    const s = toMlflowSpan({ name: "chat", attributes: { ...SPRING, "gen_ai.operation.name": "chat", "gen_ai.request.model": "gpt-4o-mini", "gen_ai.response.model": "none" } });
    expect(s.model).toBe("gpt-4o-mini");
  });

  it("Spring's provider names in GenAI spelling", () => {
    expect(toMlflowSpan({ name: "chat", attributes: { ...SPRING, "gen_ai.system": "google_genai" } }).provider).toBe("gcp.gemini");
    expect(toMlflowSpan({ name: "chat", attributes: { ...SPRING, "gen_ai.system": "bedrock_converse" } }).provider).toBe("aws.bedrock");
  });

  it("stop sequences from the bracket string", () => {
    const s = toMlflowSpan({ name: "chat", attributes: { ...SPRING, "gen_ai.operation.name": "chat", "gen_ai.request.stop_sequences": '["x", "y"]', "gen_ai.request.top_k": "40" } });
    expect(s.inputs).toEqual({ stop: ["x", "y"], top_k: 40 });
  });
});

describe("bad input", () => {
  it("a parameter that is not a number is left to the GenAI parser's diagnostic, attribute kept", () => {
    const s = toMlflowSpan({ name: "chat", attributes: { ...SPRING, "gen_ai.operation.name": "chat", "gen_ai.request.temperature": "warm" } }, { keepSource: false });
    expect(s.diagnostics.map((d) => d.code)).toEqual(["invalid-value"]);
    expect(s.attributes["gen_ai.request.temperature"]).toBe("warm");
  });

  it("tool arguments that are broken JSON: invalid-json, kept raw", () => {
    const s = toMlflowSpan({ name: "execute_tool", attributes: { "spring.ai.kind": "tool_call", "spring.ai.tool.call.arguments": "{oops" } }, { keepSource: false });
    expect(s.diagnostics.map((d) => d.code)).toEqual(["invalid-json"]);
    expect(s.attributes["spring.ai.tool.call.arguments"]).toBe("{oops");
  });

  it("a prompt event whose texts are not a list: invalid-message", () => {
    const s = toMlflowSpan({ name: "chat", attributes: {}, events: [{ name: "gen_ai.content.prompt", attributes: { "gen_ai.prompt": 42 } }] });
    expect(s.diagnostics.map((d) => d.code)).toContain("invalid-message");
  });
});
