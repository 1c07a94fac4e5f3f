/**
 * canonical -> OpenInference: the exact flattened keys Phoenix reads, span kinds, and the fixtures
 * coming back unchanged through emit -> parse.
 */
import { describe, expect, it } from "vitest";
import { fromMlflowSpan, toMlflowSpan, type MlflowSpan, type SpanType } from "../../../src/index.js";
import { listFixtures, loadFixture } from "../../helpers/fixtures.js";

function canonical(fields: Partial<MlflowSpan>): MlflowSpan {
  return { name: "span", spanType: "LLM", attributes: {}, conventions: [], diagnostics: [], ...fields };
}
const emit = (fields: Partial<MlflowSpan>) => fromMlflowSpan(canonical(fields), { to: "openinference" });

describe("emitted attributes", () => {
  it("a chat span: flattened messages, parts, tool calls, parameters, tools, usage, model, provider", () => {
    const out = emit({
      spanType: "CHAT_MODEL",
      model: "gpt-4o-2024",
      provider: "openai",
      inputs: {
        messages: [
          { role: "system", content: "be brief" },
          { role: "user", content: [{ type: "text", text: "what is this?" }, { type: "image_url", image_url: { url: "https://x/cat.png" } }] },
          { role: "assistant", content: null, tool_calls: [{ id: "c1", type: "function", function: { name: "look", arguments: '{"q":1}' } }] },
          { role: "tool", content: "a cat", tool_call_id: "c1", name: "look" },
        ],
        model: "gpt-4o",
        temperature: 0.1,
      },
      outputs: { id: "r1", choices: [{ index: 0, message: { role: "assistant", content: "A cat." }, finish_reason: "stop" }] },
      tools: [{ type: "function", function: { name: "look", description: "Look", parameters: { type: "object" } } }],
      tokenUsage: { input_tokens: 10, output_tokens: 3, total_tokens: 13, cache_read_input_tokens: 4, reasoning_tokens: 1 },
      cost: { input_cost: 0.1, total_cost: 0.2 },
    });
    expect(out.attributes).toEqual({
      "openinference.span.kind": "LLM",
      "llm.model_name": "gpt-4o-2024",
      "llm.request.model_name": "gpt-4o",
      "llm.response.model_name": "gpt-4o-2024",
      "llm.provider": "openai",
      "llm.system": "openai",
      "llm.input_messages.0.message.role": "system",
      "llm.input_messages.0.message.content": "be brief",
      "llm.input_messages.1.message.role": "user",
      "llm.input_messages.1.message.contents.0.message_content.type": "text",
      "llm.input_messages.1.message.contents.0.message_content.text": "what is this?",
      "llm.input_messages.1.message.contents.1.message_content.type": "image",
      "llm.input_messages.1.message.contents.1.message_content.image.image.url": "https://x/cat.png",
      "llm.input_messages.2.message.role": "assistant",
      "llm.input_messages.2.message.tool_calls.0.tool_call.id": "c1",
      "llm.input_messages.2.message.tool_calls.0.tool_call.function.name": "look",
      "llm.input_messages.2.message.tool_calls.0.tool_call.function.arguments": '{"q":1}',
      "llm.input_messages.3.message.role": "tool",
      "llm.input_messages.3.message.content": "a cat",
      "llm.input_messages.3.message.tool_call_id": "c1",
      "llm.input_messages.3.message.name": "look",
      "llm.invocation_parameters": '{"model":"gpt-4o","temperature":0.1}',
      "llm.output_messages.0.message.role": "assistant",
      "llm.output_messages.0.message.content": "A cat.",
      "llm.finish_reason": "stop",
      "llm.tools.0.tool.json_schema": '{"type":"function","function":{"name":"look","description":"Look","parameters":{"type":"object"}}}',
      "llm.tools.0.tool.name": "look",
      "llm.tools.0.tool.description": "Look",
      "llm.token_count.prompt": 10,
      "llm.token_count.completion": 3,
      "llm.token_count.total": 13,
      "llm.token_count.prompt_details.cache_read": 4,
      "llm.token_count.completion_details.reasoning": 1,
      "llm.cost.prompt": 0.1,
      "llm.cost.total": 0.2,
      "input.value": expect.any(String),
      "input.mime_type": "application/json",
      "output.value": '{"id":"r1","choices":[{"index":0,"message":{"role":"assistant","content":"A cat."},"finish_reason":"stop"}]}',
      "output.mime_type": "application/json",
    });
  });

  it("audio, video, reasoning and other parts", () => {
    const out = emit({
      inputs: {
        messages: [
          {
            role: "user",
            content: [
              { type: "input_audio", input_audio: { data: "UklGRg==", format: "wav" } },
              { type: "video", url: "gs://b/c.mp4" },
              { type: "reasoning", text: "hmm", signature: "s" },
              { type: "file", file: { file_id: "f1", filename: "a.pdf" } },
            ],
          },
        ],
      },
    });
    const p = "llm.input_messages.0.message.contents";
    expect(out.attributes).toMatchObject({
      [`${p}.0.message_content.type`]: "audio",
      [`${p}.0.message_content.audio.audio.url`]: "data:audio/wav;base64,UklGRg==",
      [`${p}.0.message_content.audio.audio.mime_type`]: "audio/wav",
      [`${p}.1.message_content.type`]: "video",
      [`${p}.1.message_content.video.video.url`]: "gs://b/c.mp4",
      [`${p}.2.message_content.type`]: "reasoning",
      [`${p}.2.message_content.text`]: "hmm",
      [`${p}.2.message_content.signature`]: "s",
      [`${p}.3.message_content.type`]: "file",
      [`${p}.3.message_content.file.file_id`]: "f1",
      [`${p}.3.message_content.file.filename`]: "a.pdf",
    });
  });

  it.each<[SpanType, string]>([
    ["LLM", "LLM"],
    ["CHAT_MODEL", "LLM"],
    ["EMBEDDING", "EMBEDDING"],
    ["RETRIEVER", "RETRIEVER"],
    ["RERANKER", "RERANKER"],
    ["TOOL", "TOOL"],
    ["AGENT", "AGENT"],
    ["CHAIN", "CHAIN"],
    ["GUARDRAIL", "GUARDRAIL"],
    ["EVALUATOR", "EVALUATOR"],
    ["PARSER", "CHAIN"],
    ["MEMORY", "CHAIN"],
    ["WORKFLOW", "CHAIN"],
    ["TASK", "CHAIN"],
    ["UNKNOWN", "UNKNOWN"],
  ])("span type %s -> kind %s", (type, kind) => {
    expect(emit({ spanType: type }).attributes["openinference.span.kind"]).toBe(kind);
  });

  it("a source kind that maps to the same type (PROMPT) or an unknown kind on an UNKNOWN span is kept", () => {
    expect(emit({ spanType: "CHAIN", attributes: { "openinference.span.kind": "PROMPT" } }).attributes["openinference.span.kind"]).toBe("PROMPT");
    expect(emit({ spanType: "UNKNOWN", attributes: { "openinference.span.kind": "CLASSIFIER" } }).attributes["openinference.span.kind"]).toBe("CLASSIFIER");
    expect(emit({ spanType: "AGENT", attributes: { "openinference.span.kind": "PROMPT" } }).attributes["openinference.span.kind"]).toBe("AGENT");
  });

  it("mlflow.spanType is written only where the kind cannot say the type, and the type comes back", () => {
    const chat = { inputs: { messages: [{ role: "user" as const, content: "hi" }] } };
    const cases: [SpanType, Partial<MlflowSpan>, string | undefined][] = [
      // The LLM kind: the reader says CHAT_MODEL with chat messages or choices, LLM without.
      ["CHAT_MODEL", { inputs: { model: "gpt-4o-mini", temperature: 0.2 } }, '"CHAT_MODEL"'],
      ["CHAT_MODEL", {}, '"CHAT_MODEL"'],
      ["CHAT_MODEL", chat, undefined],
      ["LLM", chat, '"LLM"'],
      ["LLM", { inputs: { prompt: "Once" }, outputs: "upon" }, undefined],
      // The CHAIN kind stands for four more types.
      ["MEMORY", { inputs: { q: 1 } }, '"MEMORY"'],
      ["WORKFLOW", {}, '"WORKFLOW"'],
      ["TASK", {}, '"TASK"'],
      ["PARSER", {}, '"PARSER"'],
      ["CHAIN", {}, undefined],
      ["AGENT", {}, undefined],
      ["UNKNOWN", {}, undefined],
    ];
    for (const [spanType, fields, marker] of cases) {
      const out = fromMlflowSpan(canonical({ ...fields, spanType }), { to: "openinference" });
      expect({ spanType, marker: out.attributes["mlflow.spanType"] }).toEqual({ spanType, marker });
      expect({ spanType, back: toMlflowSpan(out).spanType }).toEqual({ spanType, back: spanType });
    }
  });

  it("reranker input documents as plain texts (Cohere through OpenLLMetry) and top_n", () => {
    const span = toMlflowSpan(loadFixture("openllmetry/traceloop-cohere__rerank").find((s) => s.name.includes("rerank"))!);
    expect(span.inputs).toMatchObject({ documents: ["Berlin is the capital of Germany.", "Paris is the capital and largest city of France.", "The Eiffel Tower stands in Paris.", "Madrid is the capital of Spain."], top_n: 3 });
    const attrs = fromMlflowSpan(span, { to: "openinference" }).attributes!;
    expect(attrs["reranker.input_documents.1.document.content"]).toBe("Paris is the capital and largest city of France.");
    expect(attrs["reranker.input_documents.3.document.content"]).toBe("Madrid is the capital of Spain.");
    expect(attrs["reranker.top_k"]).toBe(3);
    expect(toMlflowSpan({ attributes: attrs }).inputs).toMatchObject({ query: "What is the capital of France?", top_k: 3, documents: [{ page_content: "Berlin is the capital of Germany." }, {}, {}, { page_content: "Madrid is the capital of Spain." }] });
  });
  it("retriever documents, reranker lists, embeddings", () => {
    const docs = [{ id: "1", page_content: "Paris.", metadata: { score: 0.9, source: "wiki" } }, { page_content: "Lyon.", metadata: {} }];
    expect(emit({ spanType: "RETRIEVER", inputs: "capital?", outputs: docs }).attributes).toMatchObject({
      "input.value": "capital?",
      "input.mime_type": "text/plain",
      "retrieval.documents.0.document.id": "1",
      "retrieval.documents.0.document.content": "Paris.",
      "retrieval.documents.0.document.score": 0.9,
      "retrieval.documents.0.document.metadata": '{"source":"wiki"}',
      "retrieval.documents.1.document.content": "Lyon.",
    });
    const rr = emit({ spanType: "RERANKER", model: "ce", inputs: { query: "q", top_k: 1, documents: docs }, outputs: [docs[0]] }).attributes;
    expect(rr).toMatchObject({ "reranker.query": "q", "reranker.top_k": 1, "reranker.model_name": "ce", "reranker.input_documents.1.document.content": "Lyon.", "reranker.output_documents.0.document.score": 0.9 });
    const emb = emit({ spanType: "EMBEDDING", model: "e", inputs: { input: ["a", "b"], dimensions: 2 }, outputs: { data: [{ index: 0, embedding: [0.5, 1] }, { index: 1, embedding: [0, 1] }] } }).attributes;
    expect(emb).toMatchObject({
      "embedding.model_name": "e",
      "embedding.embeddings.0.embedding.text": "a",
      "embedding.embeddings.0.embedding.vector": [0.5, 1],
      "embedding.embeddings.1.embedding.text": "b",
      "embedding.invocation_parameters": '{"dimensions":2}',
    });
    expect(emb).not.toHaveProperty("llm.model_name");
  });

  it("a tool span is named from tool.name, gen_ai.tool.name or the span name", () => {
    expect(emit({ spanType: "TOOL", name: "get_weather", inputs: { city: "Paris" }, outputs: "18C" }).attributes).toMatchObject({
      "tool.name": "get_weather",
      "input.value": '{"city":"Paris"}',
      "input.mime_type": "application/json",
      "output.value": "18C",
      "output.mime_type": "text/plain",
    });
    expect(emit({ spanType: "TOOL", attributes: { "gen_ai.tool.name": "t", "gen_ai.tool.description": "d" } }).attributes).toMatchObject({ "tool.name": "t", "tool.description": "d" });
  });

  it("keeps keys of no convention and OpenInference keys it does not write; drops other conventions' and its own rewritten keys", () => {
    const out = emit({
      // JSON.parse makes "__proto__" an own key, as OTLP decoding does.
      attributes: Object.assign(JSON.parse('{"__proto__":"own"}') as Record<string, string>, {
        "http.method": "POST",
        "session.id": "s1",
        "llm.prompt_template.template": "Hi {name}",
        "llm.input_messages.9.message.role": "user",
        "gen_ai.request.model": "x",
        "traceloop.span.kind": "task",
        "mlflow.spanType": '"LLM"',
      }),
    });
    expect(out.attributes["http.method"]).toBe("POST");
    expect(out.attributes["session.id"]).toBe("s1");
    expect(out.attributes["llm.prompt_template.template"]).toBe("Hi {name}");
    expect(Object.prototype.hasOwnProperty.call(out.attributes, "__proto__")).toBe(true);
    for (const gone of ["llm.input_messages.9.message.role", "gen_ai.request.model", "traceloop.span.kind", "mlflow.spanType"]) expect(out.attributes).not.toHaveProperty(gone);
  });

  it("keeps the envelope", () => {
    const out = emit({ name: "n", kind: "CLIENT", status: { code: "ERROR", message: "x" }, traceId: "a".repeat(32), spanId: "b".repeat(16), events: [{ name: "exception", attributes: {} }] });
    expect(out).toMatchObject({ name: "n", kind: "CLIENT", status: { code: "ERROR", message: "x" }, traceId: "a".repeat(32), spanId: "b".repeat(16), events: [{ name: "exception", attributes: {} }] });
  });
});

describe("every OpenInference fixture survives canonical -> OpenInference -> canonical", () => {
  const FIELDS = ["inputs", "outputs", "tokenUsage", "model", "provider", "tools", "cost", "messageFormat"] as const;
  for (const fixture of listFixtures().filter((f) => f.id.startsWith("openinference/"))) {
    it(fixture.id, () => {
      for (const span of loadFixture(fixture)) {
        const first = toMlflowSpan(span);
        if (first.conventions.length === 0) continue;
        const again = toMlflowSpan(fromMlflowSpan(first, { to: "openinference" }));
        for (const field of FIELDS) expect(again[field], `${span.name}: ${field}`).toEqual(first[field]);
        expect(again.spanType).toBe(first.spanType);
        expect(again.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
      }
    });
  }
});
