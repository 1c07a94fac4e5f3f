/** One span that triggers each validateSpan code and one that does not. */
import { describe, expect, it } from "vitest";
import { validateSpan, type Attributes, type ValidateOptions } from "../../src/index.js";

const codes = (attributes: Attributes, options: ValidateOptions = {}) =>
  validateSpan({ name: "s", attributes }, options)
    .filter((d) => d.code !== "convention-not-supported")
    .map((d) => [d.code, d.severity, d.key]);

const goodChat: Attributes = {
  "gen_ai.operation.name": "chat",
  "gen_ai.provider.name": "openai",
  "gen_ai.request.model": "gpt-4o",
  "gen_ai.response.model": "gpt-4o-2024",
  "gen_ai.usage.input_tokens": 10,
  "gen_ai.usage.output_tokens": 2,
  "gen_ai.response.finish_reasons": ["stop"],
};

describe("validateSpan codes", () => {
  it("a complete GenAI chat span has no findings", () => {
    expect(codes(goodChat)).toEqual([]);
  });

  it("deprecated-attribute names the replacement", () => {
    const { "gen_ai.provider.name": _provider, ...rest } = goodChat;
    const d = validateSpan({ attributes: { ...rest, "gen_ai.system": "openai" } }).find((x) => x.code === "deprecated-attribute");
    expect(d).toMatchObject({ code: "deprecated-attribute", severity: "warning", key: "gen_ai.system" });
    expect(d!.message).toContain("use gen_ai.provider.name");
  });

  it("attribute-missing for a required key; a deprecated spelling satisfies it", () => {
    const { "gen_ai.provider.name": _provider, ...rest } = goodChat;
    expect(codes(rest)).toEqual([["attribute-missing", "error", "gen_ai.provider.name"]]);
    expect(codes({ ...rest, "gen_ai.system": "openai" })).toEqual([["deprecated-attribute", "warning", "gen_ai.system"]]);
  });

  it("attribute-recommended only where the rule applies", () => {
    const { "gen_ai.usage.input_tokens": _in, ...rest } = goodChat;
    // The GenAI translation itself also notes the usage gap (usage-incomplete, no key).
    expect(codes(rest)).toEqual([
      ["usage-incomplete", "warning", undefined],
      ["attribute-recommended", "warning", "gen_ai.usage.input_tokens"],
    ]);
    expect(codes({ "gen_ai.operation.name": "execute_tool", "gen_ai.provider.name": "openai", "gen_ai.tool.name": "f" })).toEqual([]);
  });

  it("wrong-type for a value of the wrong type", () => {
    expect(codes({ ...goodChat, "gen_ai.usage.input_tokens": "10" })).toEqual([["wrong-type", "error", "gen_ai.usage.input_tokens"]]);
    expect(codes({ ...goodChat, "gen_ai.response.finish_reasons": "stop" })).toEqual([["wrong-type", "error", "gen_ai.response.finish_reasons"]]);
  });

  it("invalid-json for a JSON attribute that does not parse (reported once)", () => {
    const found = codes({ ...goodChat, "gen_ai.input.messages": "[{" }).filter(([code]) => code === "invalid-json");
    expect(found).toHaveLength(1);
    expect(codes({ ...goodChat, "gen_ai.input.messages": '[{"role":"user","parts":[]}]' }).filter(([c]) => c === "invalid-json")).toEqual([]);
  });

  it("unknown-value: info for open enums, warning for closed ones", () => {
    expect(codes({ ...goodChat, "gen_ai.provider.name": "acme" })).toEqual([["unknown-value", "info", "gen_ai.provider.name"]]);
    const oi = codes({ "openinference.span.kind": "BANANA", "input.value": "x", "output.value": "y" });
    expect(oi).toContainEqual(["unknown-value", "warning", "openinference.span.kind"]);
    expect(codes({ "llm.request.type": "chat", "llm.usage.total_tokens": 3, "gen_ai.usage.input_tokens": 1, "gen_ai.usage.output_tokens": 2 })).toEqual([]);
    expect(codes({ "llm.request.type": "chat-ish" })).toEqual([["unknown-value", "warning", "llm.request.type"]]);
  });

  it("convention-missing when the named convention is absent", () => {
    expect(codes(goodChat, { convention: "openinference" })).toContainEqual(["convention-missing", "error", undefined]);
    expect(codes(goodChat, { convention: "genai" })).toEqual([]);
  });

  it("missing-field for required canonical fields, only on LLM spans", () => {
    expect(codes({ "mlflow.spanType": '"LLM"' }, { require: ["spanType", "model"] })).toEqual([["missing-field", "error", "model"]]);
    expect(codes({ "http.request.method": "GET" }, { require: ["inputs"] })).toEqual([["no-convention", "info", undefined]]);
  });

  it("attribute keys named like Object.prototype members are just keys", () => {
    expect(codes({ ...goodChat, constructor: "x", toString: 1, "gen_ai.operation.name": Object.create(null) })).toContainEqual([
      "wrong-type",
      "error",
      "gen_ai.operation.name",
    ]);
  });

  it("throws on an unknown required field", () => {
    expect(() => validateSpan({ attributes: {} }, { require: ["colour" as never] })).toThrow(/unknown required field/);
  });
});
