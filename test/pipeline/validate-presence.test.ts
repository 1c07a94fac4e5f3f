/** No false errors: a key is required only on the spans the convention requires it on. */
import { describe, expect, it } from "vitest";
import { validateSpan, type Attributes } from "../../src/index.js";

const providerFindings = (attributes: Attributes) =>
  validateSpan({ name: "s", attributes })
    .filter((d) => d.key === "gen_ai.provider.name")
    .map((d) => [d.code, d.severity]);

describe("gen_ai.provider.name", () => {
  it.each(["chat", "text_completion", "generate_content", "embeddings", "create_agent", "invoke_agent"])("required on %s spans", (operation) => {
    expect(providerFindings({ "gen_ai.operation.name": operation })).toEqual([["attribute-missing", "error"]]);
    // The deprecated spelling still satisfies it (with its own deprecation warning).
    expect(providerFindings({ "gen_ai.operation.name": operation, "gen_ai.system": "openai" })).toEqual([]);
  });

  it.each(["execute_tool", "invoke_workflow", "plan", "search_memory", "agent_step"])("not required on %s spans", (operation) => {
    expect(providerFindings({ "gen_ai.operation.name": operation })).toEqual([]);
  });

  it("recommended on retrieval spans (required there only when a provider is involved)", () => {
    expect(providerFindings({ "gen_ai.operation.name": "retrieval" })).toEqual([["attribute-recommended", "warning"]]);
  });
});

describe("AI SDK 7 GenAI spans with the optional ai.* keys", () => {
  const chat = {
    "gen_ai.operation.name": "chat",
    "gen_ai.provider.name": "openai",
    "gen_ai.request.model": "gpt-4o",
    "gen_ai.usage.input_tokens": 3,
    "gen_ai.usage.output_tokens": 2,
    "gen_ai.response.model": "gpt-4o",
    "gen_ai.response.finish_reasons": ["stop"],
    // usage: true and the other supplemental options
    "ai.usage.inputTokens": 3,
    "ai.usage.outputTokens": 2,
    "ai.response.providerMetadata": "{}",
  };

  it("are held to GenAI, not asked for ai.operationId", () => {
    const diagnostics = validateSpan({ name: "chat gpt-4o", attributes: chat });
    expect(diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    // and --require names the GenAI attribute to add
    const { "gen_ai.usage.input_tokens": _i, "gen_ai.usage.output_tokens": _o, "ai.usage.inputTokens": _a, "ai.usage.outputTokens": _b, ...noUsage } = chat;
    const hint = validateSpan({ name: "chat", attributes: noUsage }, { require: ["tokenUsage"] }).find((d) => d.code === "missing-field");
    expect(hint?.message).toContain("(genai)");
  });

  it("an AI SDK 6 span (ai.* keys, no gen_ai.operation.name) still needs ai.operationId", () => {
    const diagnostics = validateSpan({ name: "x", attributes: { "ai.model.id": "m", "ai.usage.promptTokens": 1 } });
    expect(diagnostics.map((d) => [d.code, d.key])).toContainEqual(["attribute-missing", "ai.operationId"]);
  });
});
