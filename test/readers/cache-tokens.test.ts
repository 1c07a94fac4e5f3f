/**
 * One test per row of docs/cache-tokens.md: whether a source's input count includes cached tokens is
 * decided per source (readers/usage.ts `settleCache`), and no count is invented (`completeUsage`).
 * Fixture rows assert the captured instrumentation's span; unit rows use one hand-built span each.
 */
import { describe, expect, it } from "vitest";
import { toMlflowSpan, type MlflowSpan } from "../../src/index.js";
import { versionAtMost } from "../../src/readers/usage.js";
import { loadFixture } from "../helpers/fixtures.js";

const usageOf = (id: string, name: string) => {
  const span = loadFixture(id).map((s) => toMlflowSpan(s)).find((s) => s.name === name);
  expect(span, `${id}: span ${name}`).toBeDefined();
  return span!;
};
const codes = (s: MlflowSpan) => s.diagnostics.map((d) => d.code);
const chat = (attributes: Record<string, string | number>, scope?: { name: string; version?: string }) =>
  toMlflowSpan({ name: "chat", attributes: { "gen_ai.operation.name": "chat", ...attributes }, ...(scope ? { scope } : {}) });

describe("cache tokens, decided per source (docs/cache-tokens.md): one test per row", () => {
  it("row 1: @traceloop/instrumentation-anthropic <= 0.27 excludes the cache, even when the uncached part is larger; a later version is not assumed to", () => {
    const s = usageOf("openllmetry/traceloop-anthropic-more__cache-uncached-larger", "chat claude-haiku-4-5");
    expect(s.tokenUsage).toEqual({ input_tokens: 7500, output_tokens: 15, total_tokens: 7515, cache_read_input_tokens: 2000, cache_creation_input_tokens: 500 });
    expect(codes(s)).toContain("usage-cache-added");
    const attrs = { "gen_ai.provider.name": "anthropic", "gen_ai.usage.input_tokens": 5000, "gen_ai.usage.output_tokens": 15, "gen_ai.usage.cache_read.input_tokens": 2000 };
    expect(chat(attrs, { name: "@traceloop/instrumentation-anthropic", version: "0.28.0" }).tokenUsage?.input_tokens).toBe(5000);
    expect(chat(attrs, { name: "@traceloop/instrumentation-anthropic", version: "0.27.0" }).tokenUsage?.input_tokens).toBe(7000);
  });

  it("row 2: OpenInference Bedrock + Anthropic excludes the cache: Converse split from output.value, total - output without it, InvokeModel's read added; the scope alone decides nothing", () => {
    const converse = usageOf("openinference/openinference-bedrock__converse", "bedrock.converse");
    expect(converse.tokenUsage).toEqual({ input_tokens: 2581, output_tokens: 11, total_tokens: 2592, cache_read_input_tokens: 2048, cache_creation_input_tokens: 512 });
    const invoke = usageOf("openinference/openinference-bedrock__invoke-anthropic", "bedrock.invoke_model");
    expect(invoke.tokenUsage).toEqual({ input_tokens: 1045, output_tokens: 11, total_tokens: 1056, cache_read_input_tokens: 1024, cache_creation_input_tokens: 0 });
    const scope = { name: "@arizeai/openinference-instrumentation-bedrock", version: "0.5.1" };
    const noCounts = toMlflowSpan({
      name: "bedrock.converse",
      scope,
      attributes: { "openinference.span.kind": "LLM", "llm.system": "anthropic", "llm.token_count.prompt": 21, "llm.token_count.completion": 11, "llm.token_count.total": 2592 },
    });
    expect(noCounts.tokenUsage).toEqual({ input_tokens: 2581, output_tokens: 11, total_tokens: 2592 });
    const amazon = toMlflowSpan({
      name: "bedrock.converse",
      scope,
      attributes: { "openinference.span.kind": "LLM", "llm.system": "amazon", "llm.token_count.prompt": 300, "llm.token_count.completion": 10, "llm.token_count.prompt_details.cache_read": 100 },
    });
    expect(amazon.tokenUsage?.input_tokens).toBe(300);
  });

  it("row 3: AI SDK 5 with Anthropic: the cache from ai.response.providerMetadata is added", () => {
    for (const name of ["ai.generateText", "ai.generateText.doGenerate"]) {
      const s = usageOf("vercel-ai/vercel-ai-v5__anthropic-generate-text", name);
      expect(s.tokenUsage).toEqual({ input_tokens: 3093, output_tokens: 11, total_tokens: 3104, cache_read_input_tokens: 2048, cache_creation_input_tokens: 1024 });
    }
  });

  it("row 4: total > input + output: the cache counts that make it exact are added; with none, input = total - output", () => {
    const exact = chat({ "gen_ai.usage.input_tokens": 300, "gen_ai.usage.output_tokens": 10, "gen_ai.usage.total_tokens": 460, "gen_ai.usage.cache_read.input_tokens": 150 });
    expect(exact.tokenUsage).toEqual({ input_tokens: 450, output_tokens: 10, total_tokens: 460, cache_read_input_tokens: 150 });
    const none = chat({ "gen_ai.usage.input_tokens": 300, "gen_ai.usage.output_tokens": 10, "gen_ai.usage.total_tokens": 500 });
    expect(none.tokenUsage).toEqual({ input_tokens: 490, output_tokens: 10, total_tokens: 500 });
  });

  it("row 5: the cache counts alone exceed the input: added (Strands' Anthropic provider)", () => {
    const s = chat({ "gen_ai.usage.input_tokens": 20, "gen_ai.usage.output_tokens": 10, "gen_ai.usage.cache_read.input_tokens": 100 });
    expect(s.tokenUsage).toEqual({ input_tokens: 120, output_tokens: 10, total_tokens: 130, cache_read_input_tokens: 100 });
    const strands = loadFixture("strands/strands-anthropic__tool-call").map((x) => toMlflowSpan(x));
    expect(strands.some((x) => x.tokenUsage?.input_tokens === 7058)).toBe(true);
  });

  it("row 6: everything else is taken as the spec defines it (cache included) and left alone: the controls and the sources that record no cache", () => {
    const s = chat({ "gen_ai.usage.input_tokens": 300, "gen_ai.usage.output_tokens": 10, "gen_ai.usage.cache_read.input_tokens": 100 });
    expect(s.tokenUsage).toEqual({ input_tokens: 300, output_tokens: 10, total_tokens: 310, cache_read_input_tokens: 100 });
    expect(codes(s)).not.toContain("usage-cache-added");
    for (const [id, name] of [
      ["genai/ai-sdk-otel__anthropic-generate-text", "chat claude-haiku-4-5"],
      ["vercel-ai/vercel-ai-v7-legacy__anthropic-generate-text", "ai.generateText.doGenerate"],
      ["openinference/openinference-vercel__anthropic-generate-text", "ai.generateText.doGenerate"],
    ] as const) {
      const x = usageOf(id, name);
      expect(x.tokenUsage, id).toEqual({ input_tokens: 3093, output_tokens: 11, total_tokens: 3104, cache_read_input_tokens: 2048, cache_creation_input_tokens: 1024 });
      expect(codes(x), id).not.toContain("usage-cache-added");
    }
    // AI SDK 5 with OpenAI: prompt_tokens includes the (unrecorded) cached part.
    const openai = usageOf("vercel-ai/vercel-ai-v5__openai-generate-text", "ai.generateText.doGenerate");
    expect(openai.tokenUsage?.input_tokens).toBe(26);
    expect(codes(openai)).not.toContain("usage-cache-added");
    // No cache count and no total beyond input + output recorded (instrumentation losses): 21 as written.
    for (const [id, name] of [
      ["genai/otel-aws-sdk-bedrock__converse", "chat anthropic.claude-3-5-haiku-20241022-v1:0"],
      ["genai/otel-aws-sdk-bedrock__invoke-anthropic", "BedrockRuntime.InvokeModel"],
      ["openllmetry/traceloop-bedrock__invoke-anthropic", "chat claude-3-5-haiku-20241022-v1:0"],
    ] as const) {
      expect(usageOf(id, name).tokenUsage, id).toEqual({ input_tokens: 21, output_tokens: 11, total_tokens: 32 });
    }
  });
});

describe("no invented counts", () => {
  it("an embedding with its input count alone is {input_tokens} (what MLflow stores), without a warning", () => {
    for (const [id, n] of [["genai/openlit-openai__embeddings-string", 4], ["genai/openlit-openai__embeddings", 9]] as const) {
      const s = loadFixture(id).map((x) => toMlflowSpan(x)).find((x) => x.spanType === "EMBEDDING");
      expect(s?.tokenUsage, id).toEqual({ input_tokens: n });
      expect(codes(s!)).not.toContain("usage-incomplete");
    }
  });

  it("a rerank billed as a total alone is {total_tokens}", () => {
    const s = loadFixture("openllmetry/traceloop-cohere__rerank").map((x) => toMlflowSpan(x)).find((x) => x.tokenUsage !== undefined);
    expect(s?.tokenUsage).toEqual({ total_tokens: 1 });
  });

  it("a chat call with one side missing keeps what it has and warns", () => {
    const s = chat({ "gen_ai.provider.name": "openai", "gen_ai.usage.input_tokens": 3 });
    expect(s.tokenUsage).toEqual({ input_tokens: 3 });
    expect(codes(s)).toContain("usage-incomplete");
  });

  it("a side follows from the total and the other side", () => {
    expect(chat({ "gen_ai.usage.input_tokens": 3, "gen_ai.usage.total_tokens": 10 }).tokenUsage).toEqual({ input_tokens: 3, output_tokens: 7, total_tokens: 10 });
  });
});

describe("versionAtMost", () => {
  it.each([
    ["0.27.0", "0.27.0", true],
    ["0.26.5", "0.27.0", true],
    ["0.27.1", "0.27.0", false],
    ["1.0.0", "0.27.0", false],
    ["0.27.0-beta.1", "0.27.0", true],
    ["banana", "0.27.0", false],
  ])("%s <= %s is %s", (v, max, expected) => expect(versionAtMost(v, max)).toBe(expected));
});
