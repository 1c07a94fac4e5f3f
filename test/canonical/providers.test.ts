/** The one provider vocabulary (GenAI well-known values), from other conventions' names, model ids and span names. */
import { describe, expect, it } from "vitest";
import { toMlflowSpan } from "../../src/index.js";
import { providerFromHostAndSystem, providerFromModel, providerFromSpanName } from "../../src/canonical/providers.js";
import { loadFixture } from "../helpers/fixtures.js";

describe("OpenInference llm.provider / llm.system -> GenAI value", () => {
  it.each([
    ["aws", "anthropic", "aws.bedrock"],
    ["aws", undefined, "aws.bedrock"],
    ["azure", "openai", "azure.ai.openai"],
    ["azure", "mistralai", "azure.ai.inference"],
    ["google", "vertexai", "gcp.vertex_ai"],
    ["google", undefined, "gcp.gen_ai"],
    ["google", "gemini", "gcp.gemini"],
    ["openai", "openai", "openai"],
    ["mistralai", undefined, "mistral_ai"],
    ["xai", undefined, "x_ai"],
    [undefined, "vertexai", "gcp.vertex_ai"],
    [undefined, "anthropic", "anthropic"],
    [undefined, undefined, undefined],
  ])("provider %s, system %s -> %s", (provider, system, expected) => {
    expect(providerFromHostAndSystem(provider, system)).toBe(expected);
  });

  it("the Bedrock captures give aws.bedrock, not aws", () => {
    for (const id of ["openinference/openinference-bedrock__converse", "openinference/openinference-bedrock__invoke-nova", "openinference/openinference-bedrock__invoke-llama"]) {
      const span = loadFixture(id).map((s) => toMlflowSpan(s)).find((s) => s.provider !== undefined);
      expect(span?.provider, id).toBe("aws.bedrock");
    }
  });

  it("the Bedrock captures of the other instrumentations give aws.bedrock on every model span", () => {
    for (const id of ["genai/otel-aws-sdk-bedrock__converse", "genai/otel-aws-sdk-bedrock__invoke-nova", "openllmetry/traceloop-bedrock__converse", "openllmetry/traceloop-bedrock__invoke-llama"]) {
      const providers = loadFixture(id).map((s) => toMlflowSpan(s).provider).filter((p) => p !== undefined);
      expect(providers.length, id).toBeGreaterThan(0);
      expect(new Set(providers), id).toEqual(new Set(["aws.bedrock"]));
    }
  });

  it("openinference-vercel with no llm.provider / llm.system: anthropic from gen_ai.system anthropic.messages (MLflow stores anthropic.messages)", () => {
    const spans = loadFixture("openinference/openinference-vercel__anthropic-generate-text").map((s) => toMlflowSpan(s));
    const named = spans.filter((s) => s.attributes["gen_ai.system"] === "anthropic.messages");
    expect(named.length).toBeGreaterThan(0);
    for (const s of named) expect(s.provider).toBe("anthropic");
  });

  it("Cohere's capitalised gen_ai.system stays cohere", () => {
    const span = loadFixture("openllmetry/traceloop-cohere__rerank").map((s) => toMlflowSpan(s)).find((s) => s.provider !== undefined);
    expect(span?.provider).toBe("cohere");
  });
});

describe("inferred when the provider key is missing", () => {
  it.each([
    ["claude-3-5-haiku-20241022", "anthropic"],
    ["gpt-4o-mini", "openai"],
    ["o3-mini", "openai"],
    ["text-embedding-3-small", "openai"],
    ["gemini-2.5-flash", "gcp.gen_ai"],
    ["command-r-plus", "cohere"],
    ["mistral-large-latest", "mistral_ai"],
    ["grok-3", "x_ai"],
    ["anthropic.claude-3-5-haiku-20241022-v1:0", "aws.bedrock"],
    ["us.amazon.nova-lite-v1:0", "aws.bedrock"],
    ["meta.llama3-8b-instruct-v1:0", "aws.bedrock"],
    ["my-fine-tune", undefined],
    ["o3x", undefined],
  ])("model %s -> %s", (model, expected) => expect(providerFromModel(model)).toBe(expected));

  it("span names", () => {
    expect(providerFromSpanName("bedrock.converse")).toBe("aws.bedrock");
    expect(providerFromSpanName("chat gpt-4o")).toBeUndefined();
  });

  it("a span with a model and no provider key gets the inferred provider; a provider key wins", () => {
    expect(toMlflowSpan({ name: "chat", attributes: { "gen_ai.operation.name": "chat", "gen_ai.request.model": "claude-haiku-4-5" } }).provider).toBe("anthropic");
    expect(toMlflowSpan({ name: "chat", attributes: { "gen_ai.operation.name": "chat", "gen_ai.request.model": "claude-haiku-4-5", "gen_ai.provider.name": "aws.bedrock" } }).provider).toBe("aws.bedrock");
    expect(toMlflowSpan({ name: "x", attributes: { "openinference.span.kind": "LLM", "llm.model_name": "gpt-4o" } }).provider).toBe("openai");
  });
});
