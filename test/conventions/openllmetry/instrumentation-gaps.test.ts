/**
 * Traceloop instrumentations' gaps (issue 13): two shapes the chat reading got wrong, and one loss at
 * the source pinned so that a re-capture which records it fails here:
 * - Cohere rerank (`@traceloop/instrumentation-cohere` 0.27): the documents sent are under
 *   `documents.<i>.index`, the ranking under `gen_ai.completion.<r>.relevanceScore` / `.content`; read as
 *   `{query, documents, top_n}` -> ranked documents with scores (src/conventions/openllmetry/parse/rerank.ts);
 * - streamed tool calls under `@traceloop/instrumentation-anthropic` 0.27, whose arguments the stream
 *   wrapper never joins: `{}` is kept and a `tool-arguments-not-captured` warning says it is not the
 *   call's input (parse/stream-args.ts);
 * - Traceloop Bedrock 0.27 does not record a Nova body's system block (nothing to recover).
 */
import { describe, expect, it } from "vitest";
import { fromMlflowSpan, toMlflowSpan, type Attributes, type MlflowSpan, type SpanLike } from "../../../src/index.js";
import { loadFixture } from "../../helpers/fixtures.js";

const only = (id: string): MlflowSpan => {
  const spans = loadFixture(id).map((s) => toMlflowSpan(s));
  expect(spans).toHaveLength(1);
  return spans[0]!;
};
const codes = (s: MlflowSpan) => s.diagnostics.map((d) => d.code);
const DOCUMENTS = [
  "Berlin is the capital of Germany.",
  "Paris is the capital and largest city of France.",
  "The Eiffel Tower stands in Paris.",
  "Madrid is the capital of Spain.",
];

describe("Traceloop Cohere rerank", () => {
  it("traceloop-cohere__rerank: query, the four documents and top_n in; the ranked texts with their scores out; no invented tokens", () => {
    const s = only("openllmetry/traceloop-cohere__rerank");
    expect(s.spanType).toBe("RERANKER");
    expect(s.inputs).toEqual({ query: "What is the capital of France?", documents: DOCUMENTS, top_n: 3 });
    expect(s.outputs).toEqual([
      { page_content: "Paris is the capital and largest city of France.", metadata: { score: 0.9 } },
      { page_content: "Berlin is the capital of Germany.", metadata: { score: 0.5 } },
      { page_content: "The Eiffel Tower stands in Paris.", metadata: { score: 0.1 } },
    ]);
    // Billed search units, as Traceloop writes them (and MLflow stores them): no input or output count.
    expect(s.tokenUsage).toEqual({ total_tokens: 1 });
    expect(s.messageFormat).toBeUndefined();
    expect(s.diagnostics).toEqual([]);
    // The plain documents.* / topN keys belong to no convention: they stay, even without the source.
    const lean = loadFixture("openllmetry/traceloop-cohere__rerank").map((x) => toMlflowSpan(x, { keepSource: false }))[0]!;
    expect(Object.keys(lean.attributes).filter((k) => k.startsWith("documents.") || k === "topN")).toHaveLength(5);
    expect(Object.keys(lean.attributes).filter((k) => k.startsWith("gen_ai.prompt.") || k.startsWith("gen_ai.completion."))).toEqual([]);
  });

  it("traceloop-cohere__rerank-objects: results without documents keep their scores, and the loss is said once per result", () => {
    const s = only("openllmetry/traceloop-cohere__rerank-objects");
    expect(s.inputs).toEqual({ query: "Where is the Eiffel Tower?", documents: DOCUMENTS, top_n: 2 });
    expect(s.outputs).toEqual([
      { page_content: "", metadata: { score: 0.9 } },
      { page_content: "", metadata: { score: 0.5 } },
    ]);
    expect(s.diagnostics.map((d) => [d.code, d.severity, d.key])).toEqual([
      ["rerank-document-not-recorded", "info", "gen_ai.completion.0.relevanceScore"],
      ["rerank-document-not-recorded", "info", "gen_ai.completion.1.relevanceScore"],
    ]);
  });

  const rerank = (extra: Attributes): MlflowSpan =>
    toMlflowSpan({ name: "cohere.rerank", attributes: { "llm.request.type": "rerank", "gen_ai.system": "Cohere", "gen_ai.request.model": "rerank-v3.5", ...extra } });

  it("content capture off: the instrumentation writes each result's index as its content, kept as metadata.index", () => {
    const s = rerank({ topN: 2, "gen_ai.completion.0.content": 2, "gen_ai.completion.0.relevanceScore": 0.8, "gen_ai.completion.1.content": 0, "gen_ai.completion.1.relevanceScore": 0.3 });
    expect(s.spanType).toBe("RERANKER");
    expect(s.inputs).toEqual({ top_n: 2 });
    expect(s.outputs).toEqual([
      { page_content: "", metadata: { index: 2, score: 0.8 } },
      { page_content: "", metadata: { index: 0, score: 0.3 } },
    ]);
    expect(codes(s)).not.toContain("rerank-document-not-recorded");
  });

  it("an index with the documents recorded gives the document's text", () => {
    const s = rerank({ "gen_ai.prompt.0.role": "user", "gen_ai.prompt.0.user": "q", "documents.0.index": "a", "documents.1.index": "b", "gen_ai.completion.0.content": 1, "gen_ai.completion.0.relevanceScore": 0.7 });
    expect(s.inputs).toEqual({ query: "q", documents: ["a", "b"] });
    expect(s.outputs).toEqual([{ page_content: "b", metadata: { index: 1, score: 0.7 } }]);
  });

  it("not a rerank: a chat span's indexed prompts and completions stay chat messages", () => {
    const s = toMlflowSpan({
      name: "cohere.chat",
      attributes: { "llm.request.type": "chat", "gen_ai.system": "Cohere", "gen_ai.prompt.0.role": "user", "gen_ai.prompt.0.user": "hi", "documents.0.index": "a", "gen_ai.completion.0.content": "hello" },
    });
    expect(s.spanType).toBe("CHAT_MODEL");
    expect((s.inputs as { messages: unknown }).messages).toEqual([{ role: "user", content: "hi" }]);
  });

  it("a rerank whose completions are not ranked results (no relevanceScore) is left to the chat reading", () => {
    const s = rerank({ "gen_ai.prompt.0.role": "user", "gen_ai.prompt.0.user": "q", "gen_ai.completion.0.content": "text" });
    expect((s.inputs as { messages?: unknown }).messages).toEqual([{ role: "user", content: "q" }]);
  });

  it("the OpenLLMetry emitter's rerank span (entity input next to the copied documents.* keys) reads back the same", () => {
    const first = only("openllmetry/traceloop-cohere__rerank");
    const emitted = fromMlflowSpan(first, { to: "openllmetry" });
    expect(Object.keys(emitted.attributes ?? {}).filter((k) => k.startsWith("gen_ai.prompt.") || k.startsWith("gen_ai.completion."))).toEqual([]);
    const second = toMlflowSpan(emitted);
    expect([second.spanType, second.inputs, second.outputs, second.tokenUsage]).toEqual([first.spanType, first.inputs, first.outputs, first.tokenUsage]);
  });
});

describe("Traceloop Anthropic streamed tool calls", () => {
  it("traceloop-anthropic-more__stream-tools: the call keeps {} and gets a tool-arguments-not-captured warning", () => {
    const s = only("openllmetry/traceloop-anthropic-more__stream-tools");
    const choice = (s.outputs as { choices: { message: { tool_calls: { function: { name: string; arguments: string } }[] }; finish_reason: unknown }[] }).choices[0]!;
    expect(choice.message.tool_calls.map((c) => c.function)).toEqual([{ name: "get_weather", arguments: "{}" }]);
    expect(choice.finish_reason).toBeNull();
    expect(s.diagnostics.map((d) => [d.code, d.severity, d.key])).toEqual([["tool-arguments-not-captured", "warning", "gen_ai.output.messages"]]);
    expect(s.diagnostics[0]!.message).toContain('"get_weather" (toolu_fixture_0001)');
  });

  it("the non-streamed call of the same version records its arguments and gets no warning", () => {
    const s = loadFixture("openllmetry/traceloop-anthropic__messages-tools").map((x) => toMlflowSpan(x)).find((x) => x.scope?.version === "0.27.0")!;
    expect(JSON.stringify(s.outputs)).toContain('{\\"city\\":\\"Paris\\",\\"unit\\":\\"celsius\\"}');
    expect(codes(s)).not.toContain("tool-arguments-not-captured");
  });

  const streamed = (version: string, args: unknown, finish = ""): SpanLike => ({
    name: "chat claude-haiku-4-5",
    scope: { name: "@traceloop/instrumentation-anthropic", version },
    attributes: {
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "anthropic",
      "gen_ai.usage.input_tokens": 10,
      "gen_ai.usage.output_tokens": 5,
      "gen_ai.usage.total_tokens": 15,
      "gen_ai.output.messages": JSON.stringify([{ role: "assistant", finish_reason: finish, parts: [{ type: "tool_call", id: "t1", name: "f", arguments: args }] }]),
    },
  });

  it.each([
    ["0.27.0, {}: warned", "0.27.0", {}, "", true],
    ["0.26.1, {} as JSON text: warned", "0.26.1", "{}", "", true],
    ["0.27.0, arguments present", "0.27.0", { a: 1 }, "", false],
    ["0.27.0, a finish reason (not streamed)", "0.27.0", {}, "tool_call", false],
    ["0.28.0 (not checked)", "0.28.0", {}, "", false],
  ])("%s", (_, version, args, finish, warned) => {
    expect(codes(toMlflowSpan(streamed(version, args, finish))).includes("tool-arguments-not-captured")).toBe(warned);
  });

  it("another scope with the same record is not warned", () => {
    const s = streamed("0.27.0", {});
    expect(codes(toMlflowSpan({ ...s, scope: { name: "@traceloop/instrumentation-openai", version: "0.27.0" } }))).not.toContain("tool-arguments-not-captured");
  });
});

describe("Traceloop Bedrock: a loss at the source", () => {
  it("traceloop-bedrock__invoke-nova: the Nova system block is in no attribute, and the translation has the user turn only", () => {
    const source = loadFixture("openllmetry/traceloop-bedrock__invoke-nova");
    expect(source).toHaveLength(1);
    expect(JSON.stringify(source[0]!.attributes)).not.toContain("concise assistant");
    const s = toMlflowSpan(source[0]!);
    expect((s.inputs as { messages: unknown }).messages).toEqual([{ role: "user", content: "What is the capital of France?" }]);
    expect(s.diagnostics).toEqual([]);
  });
});
