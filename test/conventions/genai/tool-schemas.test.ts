/**
 * Issue 13 class 4: tool definitions whose schema is under `inputSchema` (AI SDK 7 GenAI spans),
 * `input_schema` (Anthropic) or Bedrock's `toolSpec.inputSchema.json` reach `tools[].function.parameters`.
 */
import { describe, expect, it } from "vitest";
import { toMlflowSpan } from "../../../src/index.js";
import { loadFixture } from "../../helpers/fixtures.js";

const WEATHER = {
  type: "object",
  properties: { city: { type: "string", description: "City name, e.g. Paris" }, unit: { type: "string", enum: ["celsius", "fahrenheit"] } },
  required: ["city"],
};

describe("tool schemas in every spelling", () => {
  it("AI SDK 7 gen_ai.tool.definitions with inputSchema (genai/ai-sdk-otel__anthropic-tools)", () => {
    const spans = loadFixture("genai/ai-sdk-otel__anthropic-tools").map((s) => toMlflowSpan(s)).filter((s) => s.tools !== undefined);
    expect(spans.map((s) => s.name)).toEqual(["chat claude-haiku-4-5", "chat claude-haiku-4-5"]);
    const parameters = { $schema: "http://json-schema.org/draft-07/schema#", ...WEATHER, additionalProperties: false };
    for (const s of spans) {
      expect(s.tools).toEqual([{ type: "function", function: { name: "get_weather", description: "Get the current weather for a city.", parameters } }]);
      expect(s.diagnostics.map((d) => d.code)).not.toContain("invalid-tool");
    }
  });

  it("Bedrock Converse toolSpec through OpenInference (openinference-bedrock__converse-tools, __converse-tool-result)", () => {
    for (const id of ["openinference/openinference-bedrock__converse-tools", "openinference/openinference-bedrock__converse-tool-result"]) {
      const span = loadFixture(id).map((s) => toMlflowSpan(s)).find((s) => s.tools !== undefined);
      expect(span?.tools, id).toEqual([{ type: "function", function: { name: "get_weather", description: "Get the current weather for a city.", parameters: WEATHER } }]);
      expect(span!.diagnostics.map((d) => d.code)).not.toContain("invalid-tool");
    }
  });

  it.each([
    ["parameters", { name: "f", parameters: { type: "object" } }],
    ["input_schema", { name: "f", input_schema: { type: "object" } }],
    ["inputSchema", { name: "f", inputSchema: { type: "object" } }],
    ["inputSchema.json", { name: "f", inputSchema: { json: { type: "object" } } }],
  ])("gen_ai.tool.definitions with %s", (_, def) => {
    const s = toMlflowSpan({ name: "chat", attributes: { "gen_ai.operation.name": "chat", "gen_ai.tool.definitions": JSON.stringify([{ type: "function", ...def }]) } });
    expect(s.tools).toEqual([{ type: "function", function: { name: "f", parameters: { type: "object" } } }]);
  });
});

describe("OpenLIT embeddings input (issue 13, class 5)", () => {
  const embeddingOf = (id: string) => loadFixture(id).map((s) => toMlflowSpan(s)).find((s) => s.spanType === "EMBEDDING")!;
  it("a plain string in gen_ai.input.messages is inputs.input, without a warning", () => {
    const s = embeddingOf("genai/openlit-openai__embeddings-string");
    expect((s.inputs as { input: unknown }).input).toBe("The quick brown fox");
    expect(s.diagnostics).toEqual([]);
  });
  it("a JSON list of strings is the list of inputs", () => {
    const s = embeddingOf("genai/openlit-openai__embeddings");
    expect((s.inputs as { input: unknown }).input).toEqual(["The quick brown fox", "jumps over the lazy dog"]);
    expect(s.diagnostics).toEqual([]);
  });
});
