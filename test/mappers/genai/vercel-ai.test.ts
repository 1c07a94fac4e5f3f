/**
 * What the current parsers recover from the Vercel AI SDK fixtures (`ai` 6, scope "ai").
 *
 * The SDK writes gen_ai.* keys only on its inner provider-call spans (ai.*.doGenerate /
 * ai.*.doStream): request model and params, response id/model/finish_reasons and
 * gen_ai.usage.input_tokens / output_tokens. Everything else (prompts, completions, tool calls,
 * cache/reasoning token details, the outer ai.generateText / ai.streamText span, ai.toolCall and
 * the embedding spans) lives in ai.* keys, which no parser reads yet. The last block pins down
 * what is therefore missing, so that a future ai.* parser knows which assertions to turn around.
 */
import { describe, expect, it } from "vitest";
import { toMlflowSpan, type MlflowSpan } from "../../../src/index.js";
import { loadFixture } from "../../helpers/fixtures.js";

const spans = (id: string): MlflowSpan[] => loadFixture(`genai/${id}`).map((s) => toMlflowSpan(s));
const summary = (s: MlflowSpan) => ({ name: s.name, spanType: s.spanType, conventions: s.conventions });
const codes = (s: MlflowSpan) => s.diagnostics.map((d) => d.code);
const choices = (s: MlflowSpan) => (s.outputs as { choices: unknown[] }).choices;

const unknown = (name: string) => ({ name, spanType: "UNKNOWN", conventions: [] });
const llm = (name: string) => ({ name, spanType: "LLM", conventions: ["genai"] });

describe("span types", () => {
  it.each([
    ["vercel-ai__generate-text", [unknown("ai.generateText"), llm("ai.generateText.doGenerate")]],
    [
      "vercel-ai__generate-text-tools",
      [
        unknown("ai.generateText"),
        llm("ai.generateText.doGenerate"),
        unknown("ai.toolCall"),
        llm("ai.generateText.doGenerate"),
      ],
    ],
    ["vercel-ai__stream-text", [unknown("ai.streamText"), llm("ai.streamText.doStream")]],
    ["vercel-ai__generate-text-error", [unknown("ai.generateText"), llm("ai.generateText.doGenerate")]],
    ["vercel-ai__embed", [unknown("ai.embed"), unknown("ai.embed.doEmbed")]],
    ["vercel-ai-anthropic__generate-text", [unknown("ai.generateText"), llm("ai.generateText.doGenerate")]],
    [
      "vercel-ai-anthropic__generate-text-tools",
      [
        unknown("ai.generateText"),
        llm("ai.generateText.doGenerate"),
        unknown("ai.toolCall"),
        llm("ai.generateText.doGenerate"),
      ],
    ],
    ["vercel-ai-anthropic__stream-text", [unknown("ai.streamText"), llm("ai.streamText.doStream")]],
  ])("%s", (id, expected) => {
    const parsed = spans(id);
    expect(parsed.map(summary)).toEqual(expected);
    // Spans with no gen_ai.* key are reported as carrying no convention; the LLM ones are clean.
    for (const s of parsed) expect(codes(s)).toEqual(s.spanType === "UNKNOWN" ? ["no-convention"] : []);
  });
});

describe("recovered from the gen_ai.* keys of the provider-call spans", () => {
  it.each([
    ["vercel-ai__generate-text", 1, { input_tokens: 26, output_tokens: 12, total_tokens: 38 }],
    ["vercel-ai__generate-text-tools", 1, { input_tokens: 82, output_tokens: 19, total_tokens: 101 }],
    ["vercel-ai__generate-text-tools", 3, { input_tokens: 118, output_tokens: 14, total_tokens: 132 }],
    ["vercel-ai__stream-text", 1, { input_tokens: 22, output_tokens: 13, total_tokens: 35 }],
    // 3093 = 21 uncached + 2048 cache read + 1024 cache write: the SDK already sums them.
    ["vercel-ai-anthropic__generate-text", 1, { input_tokens: 3093, output_tokens: 11, total_tokens: 3104 }],
    ["vercel-ai-anthropic__generate-text-tools", 1, { input_tokens: 402, output_tokens: 71, total_tokens: 473 }],
    ["vercel-ai-anthropic__generate-text-tools", 3, { input_tokens: 512, output_tokens: 16, total_tokens: 528 }],
    ["vercel-ai-anthropic__stream-text", 1, { input_tokens: 19, output_tokens: 14, total_tokens: 33 }],
  ])("%s span %i: token usage %o", (id, index, usage) => {
    expect(spans(id)[index]!.tokenUsage).toEqual(usage);
  });

  it("openai generate-text: request params, response model and id, provider as the SDK's provider id", () => {
    const s = spans("vercel-ai__generate-text")[1]!;
    expect(s.inputs).toEqual({ model: "gpt-4o-mini", temperature: 0.2, max_tokens: 64 });
    expect(s.model).toBe("gpt-4o-mini-2024-07-18");
    expect(s.provider).toBe("openai.chat");
    expect(s.outputs).toMatchObject({ id: "chatcmpl-fixture-0001", model: "gpt-4o-mini-2024-07-18" });
    expect(choices(s)).toEqual([{ index: 0, message: { role: "assistant", content: null }, finish_reason: "stop" }]);
  });

  it("tool loop: the AI SDK's finish reason tool-calls is passed through unchanged", () => {
    const [, step1, , step2] = spans("vercel-ai__generate-text-tools");
    expect(choices(step1!)).toEqual([
      { index: 0, message: { role: "assistant", content: null }, finish_reason: "tool-calls" },
    ]);
    expect(choices(step2!)).toEqual([{ index: 0, message: { role: "assistant", content: null }, finish_reason: "stop" }]);
    expect(step1!.inputs).toEqual({ model: "gpt-4o-mini" });
  });

  it("anthropic generate-text: provider anthropic.messages, response model", () => {
    const s = spans("vercel-ai-anthropic__generate-text")[1]!;
    expect(s.inputs).toEqual({ model: "claude-haiku-4-5", temperature: 0.2, max_tokens: 64 });
    expect(s.model).toBe("claude-haiku-4-5-20251001");
    expect(s.provider).toBe("anthropic.messages");
    expect(s.outputs).toMatchObject({ id: "msg_fixture_0001" });
  });

  it("error: status ERROR and the exception event on both spans, request params, no outputs or usage", () => {
    const [outer, inner] = spans("vercel-ai__generate-text-error");
    const message = "Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got 5 instead.";
    for (const s of [outer!, inner!]) {
      expect(s.status).toEqual({ code: "ERROR", message });
      expect(s.events?.map((e) => e.name)).toEqual(["exception"]);
    }
    expect(inner!.inputs).toEqual({ model: "gpt-4o-mini", temperature: 5 });
    expect(inner!.outputs).toBeUndefined();
    expect(inner!.tokenUsage).toBeUndefined();
  });
});

describe("not recovered yet (ai.* keys are not parsed)", () => {
  it("no input messages and no completion text on the provider-call spans", () => {
    for (const id of ["vercel-ai__generate-text", "vercel-ai__stream-text", "vercel-ai-anthropic__generate-text"]) {
      const s = spans(id)[1]!;
      expect(s.inputs).not.toHaveProperty("messages");
      // The text is in ai.response.text; the choice built from finish_reasons has no content.
      expect(choices(s)).toEqual([expect.objectContaining({ message: { role: "assistant", content: null } })]);
      expect(s.messageFormat).toBeUndefined();
      expect(s.attributes?.["ai.response.text"]).toEqual(expect.any(String));
    }
  });

  it("cache and reasoning token details stay in ai.usage.*", () => {
    const s = spans("vercel-ai__generate-text")[1]!;
    expect(s.tokenUsage).toEqual({ input_tokens: 26, output_tokens: 12, total_tokens: 38 });
    expect(s.attributes).toMatchObject({ "ai.usage.cachedInputTokens": 16, "ai.usage.reasoningTokens": 4 });
  });

  it("outer, tool and embedding spans carry no inputs, outputs or usage", () => {
    const ids = ["vercel-ai__generate-text", "vercel-ai__generate-text-tools", "vercel-ai__embed"];
    for (const s of ids.flatMap(spans).filter((x) => x.spanType === "UNKNOWN")) {
      expect(s.inputs).toBeUndefined();
      expect(s.outputs).toBeUndefined();
      expect(s.tokenUsage).toBeUndefined();
    }
  });
});
