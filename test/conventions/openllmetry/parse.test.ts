/**
 * OpenLLMetry -> canonical span: the captured legacy fixtures (exact texts, tool calls, token counts,
 * span types), one table row per attribute rule, envelopes, retrieval, precedence and bad input.
 * Attribute maps written by hand (not captured) are marked "hand-written".
 */
import { describe, expect, it } from "vitest";
import { toMlflowSpan, type Attributes, type MlflowSpan, type SpanEvent } from "../../../src/index.js";
import { loadFixture } from "../../helpers/fixtures.js";

const span = (attributes: Attributes, events?: SpanEvent[]): MlflowSpan => toMlflowSpan({ name: "s", attributes, ...(events ? { events } : {}) });
const fixture = (id: string): MlflowSpan => toMlflowSpan(loadFixture(id)[0]!);
const codes = (s: MlflowSpan) => s.diagnostics.map((d) => d.code);

describe("captured legacy fixtures (OpenLLMetry 0.22)", () => {
  it("openai chat: system + user prompt, one choice, usage from both conventions", () => {
    const s = fixture("openllmetry/traceloop-legacy-openai__chat");
    expect(s.spanType).toBe("CHAT_MODEL");
    expect(s.conventions).toEqual(["openllmetry", "genai"]);
    expect(s.inputs).toMatchObject({
      messages: [
        { role: "system", content: "You are a concise assistant. Answer in one sentence." },
        { role: "user", content: "What is the capital of France?" },
      ],
    });
    expect((s.outputs as { choices: unknown[] }).choices).toEqual([
      { index: 0, message: { role: "assistant", content: "The capital of France is Paris." }, finish_reason: "stop" },
    ]);
    expect(s.tokenUsage).toEqual({ input_tokens: 26, output_tokens: 12, total_tokens: 38 });
    expect(s.messageFormat).toBe("openai");
    expect(codes(s)).toEqual([]);
  });

  it("openai chat-tools: the tool call (no id in 0.22) and the function definitions", () => {
    const s = fixture("openllmetry/traceloop-legacy-openai__chat-tools");
    expect(s.spanType).toBe("CHAT_MODEL");
    expect((s.outputs as { choices: unknown[] }).choices).toEqual([
      {
        index: 0,
        message: {
          role: "assistant",
          content: null,
          tool_calls: [{ id: "", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris","unit":"celsius"}' } }],
        },
        finish_reason: "tool_calls",
      },
    ]);
    expect(s.tools).toEqual([
      {
        type: "function",
        function: {
          name: "get_weather",
          description: "Get the current weather for a city.",
          parameters: {
            type: "object",
            properties: { city: { type: "string", description: "City name, e.g. Paris" }, unit: { type: "string", enum: ["celsius", "fahrenheit"] } },
            required: ["city"],
            additionalProperties: false,
          },
        },
      },
    ]);
    expect(s.tokenUsage).toEqual({ input_tokens: 82, output_tokens: 19, total_tokens: 101 });
  });

  it('openai chat-tool-result: the assistant turn recorded as "null" has null content', () => {
    const s = fixture("openllmetry/traceloop-legacy-openai__chat-tool-result");
    expect((s.inputs as { messages: unknown[] }).messages).toEqual([
      { role: "user", content: "What's the weather like in Paris today?" },
      { role: "assistant", content: null },
      { role: "tool", content: '{"temperature":18,"condition":"sunny"}' },
    ]);
    expect(s.tokenUsage).toEqual({ input_tokens: 118, output_tokens: 14, total_tokens: 132 });
  });

  it("openai chat-stream: no usage recorded by the instrumentation, none invented", () => {
    const s = fixture("openllmetry/traceloop-legacy-openai__chat-stream");
    expect(s.spanType).toBe("CHAT_MODEL");
    expect(s.tokenUsage).toBeUndefined();
    expect((s.outputs as { choices: { message: { content: string } }[] }).choices[0]!.message.content).toBe("1, 2, 3, 4, 5.");
  });

  it("anthropic messages: JSON content blocks become text", () => {
    const s = fixture("openllmetry/traceloop-legacy-anthropic__messages");
    expect(s.spanType).toBe("CHAT_MODEL");
    expect((s.outputs as { choices: unknown[] }).choices).toEqual([
      { index: 0, message: { role: "assistant", content: "The capital of France is Paris." }, finish_reason: "end_turn" },
    ]);
    expect(s.tokenUsage).toEqual({ input_tokens: 21, output_tokens: 11, total_tokens: 32 });
  });

  it("anthropic messages-tools: tool_use block -> tool call with its id", () => {
    const s = fixture("openllmetry/traceloop-legacy-anthropic__messages-tools");
    expect((s.outputs as { choices: unknown[] }).choices).toEqual([
      {
        index: 0,
        message: {
          role: "assistant",
          content: "I'll look up the current weather in Paris.",
          tool_calls: [{ id: "toolu_fixture_0001", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris","unit":"celsius"}' } }],
        },
        finish_reason: "tool_use",
      },
    ]);
    expect(s.tokenUsage).toEqual({ input_tokens: 402, output_tokens: 71, total_tokens: 473 });
  });

  it("anthropic messages-tool-result: tool_result block -> tool message", () => {
    const s = fixture("openllmetry/traceloop-legacy-anthropic__messages-tool-result");
    expect((s.inputs as { messages: unknown[] }).messages).toEqual([
      { role: "user", content: "What's the weather like in Paris today?" },
      {
        role: "assistant",
        content: "I'll look up the current weather in Paris.",
        tool_calls: [{ id: "toolu_fixture_0001", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris","unit":"celsius"}' } }],
      },
      { role: "tool", content: '{"temperature":18,"condition":"sunny"}', tool_call_id: "toolu_fixture_0001" },
    ]);
    expect(s.tokenUsage).toEqual({ input_tokens: 512, output_tokens: 16, total_tokens: 528 });
  });

  it("anthropic messages-stream and messages-error", () => {
    const stream = fixture("openllmetry/traceloop-legacy-anthropic__messages-stream");
    expect(stream.tokenUsage).toEqual({ input_tokens: 19, output_tokens: 14, total_tokens: 33 });
    expect((stream.outputs as { choices: { finish_reason: unknown }[] }).choices[0]!.finish_reason).toBeNull();
    const error = fixture("openllmetry/traceloop-legacy-anthropic__messages-error");
    expect(error.spanType).toBe("CHAT_MODEL");
    expect(error.status?.code).toBe("ERROR");
    expect(error.outputs).toBeUndefined();
  });
});

describe("attribute -> canonical field (hand-written)", () => {
  const rows: { name: string; attrs: Attributes; check: (s: MlflowSpan) => void }[] = [
    { name: "traceloop.span.kind=workflow", attrs: { "traceloop.span.kind": "workflow" }, check: (s) => expect(s.spanType).toBe("WORKFLOW") },
    { name: "traceloop.span.kind=task", attrs: { "traceloop.span.kind": "task" }, check: (s) => expect(s.spanType).toBe("TASK") },
    { name: "traceloop.span.kind=agent", attrs: { "traceloop.span.kind": "agent" }, check: (s) => expect(s.spanType).toBe("AGENT") },
    { name: "traceloop.span.kind=tool", attrs: { "traceloop.span.kind": "tool" }, check: (s) => expect(s.spanType).toBe("TOOL") },
    { name: "traceloop.span.kind=session (JS)", attrs: { "traceloop.span.kind": "session" }, check: (s) => expect(s.spanType).toBe("CHAIN") },
    { name: "traceloop.span.kind=unknown", attrs: { "traceloop.span.kind": "unknown" }, check: (s) => expect(s.spanType).toBe("UNKNOWN") },
    { name: "llm.request.type=chat", attrs: { "llm.request.type": "chat" }, check: (s) => expect(s.spanType).toBe("CHAT_MODEL") },
    { name: "llm.request.type=completion", attrs: { "llm.request.type": "completion" }, check: (s) => expect(s.spanType).toBe("LLM") },
    { name: "llm.request.type=embedding", attrs: { "llm.request.type": "embedding" }, check: (s) => expect(s.spanType).toBe("EMBEDDING") },
    { name: "llm.request.type=rerank", attrs: { "llm.request.type": "rerank" }, check: (s) => expect(s.spanType).toBe("RERANKER") },
    {
      name: "gen_ai.prompt.N.role/content",
      attrs: { "gen_ai.prompt.0.role": "user", "gen_ai.prompt.0.content": "hi" },
      check: (s) => expect(s.inputs).toEqual({ messages: [{ role: "user", content: "hi" }] }),
    },
    {
      name: "gen_ai.prompt.N.tool_calls.K.* and tool_call_id",
      attrs: {
        "gen_ai.prompt.0.role": "assistant",
        "gen_ai.prompt.0.tool_calls.0.id": "c1",
        "gen_ai.prompt.0.tool_calls.0.name": "f",
        "gen_ai.prompt.0.tool_calls.0.arguments": '{"a":1}',
        "gen_ai.prompt.1.role": "tool",
        "gen_ai.prompt.1.content": "42",
        "gen_ai.prompt.1.tool_call_id": "c1",
      },
      check: (s) =>
        expect(s.inputs).toEqual({
          messages: [
            { role: "assistant", content: null, tool_calls: [{ id: "c1", type: "function", function: { name: "f", arguments: '{"a":1}' } }] },
            { role: "tool", content: "42", tool_call_id: "c1" },
          ],
        }),
    },
    {
      name: "gen_ai.completion.N.function_call.* (legacy OpenAI functions)",
      attrs: { "gen_ai.completion.0.role": "assistant", "gen_ai.completion.0.function_call.name": "f", "gen_ai.completion.0.function_call.arguments": "{}" },
      check: (s) =>
        expect((s.outputs as { choices: { message: unknown }[] }).choices[0]!.message).toEqual({
          role: "assistant",
          content: null,
          tool_calls: [{ id: "", type: "function", function: { name: "f", arguments: "{}" } }],
        }),
    },
    {
      name: "gen_ai.completion.N.finish_reason tool_call -> tool_calls",
      attrs: { "gen_ai.completion.0.content": "x", "gen_ai.completion.0.finish_reason": "tool_call" },
      check: (s) => expect(s.outputs).toEqual({ choices: [{ index: 0, message: { role: "assistant", content: "x" }, finish_reason: "tool_calls" }] }),
    },
    {
      name: "llm.response.finish_reason (Python, once per span)",
      attrs: { "gen_ai.completion.0.content": "x", "llm.response.finish_reason": "length" },
      check: (s) => expect((s.outputs as { choices: { finish_reason: string }[] }).choices[0]!.finish_reason).toBe("length"),
    },
    {
      name: "content JSON parts: OpenAI image_url kept, Anthropic image and thinking converted",
      attrs: {
        "gen_ai.prompt.0.role": "user",
        "gen_ai.prompt.0.content": JSON.stringify([
          { type: "text", text: "what is this?" },
          { type: "image_url", image_url: { url: "https://x/y.png" } },
          { type: "image", source: { type: "base64", media_type: "image/jpeg", data: "AAAA" } },
        ]),
        "gen_ai.completion.0.content": JSON.stringify([{ type: "thinking", thinking: "hmm" }, { type: "text", text: "a cat" }]),
      },
      check: (s) => {
        expect((s.inputs as { messages: { content: unknown }[] }).messages[0]!.content).toEqual([
          { type: "text", text: "what is this?" },
          { type: "image_url", image_url: { url: "https://x/y.png" } },
          { type: "image_url", image_url: { url: "data:image/jpeg;base64,AAAA" } },
        ]);
        expect((s.outputs as { choices: { message: { content: unknown } }[] }).choices[0]!.message.content).toEqual([
          { type: "reasoning", text: "hmm" },
          { type: "text", text: "a cat" },
        ]);
      },
    },
    {
      name: "text that merely starts with [ stays text",
      attrs: { "gen_ai.prompt.0.content": "[INST] hi [/INST]", "gen_ai.prompt.1.content": "[1, 2]" },
      check: (s) => expect((s.inputs as { messages: { content: unknown }[] }).messages.map((m) => m.content)).toEqual(["[INST] hi [/INST]", "[1, 2]"]),
    },
    {
      name: "Python Anthropic: a `thinking` completion joins the reply as a reasoning part, with its finish reason",
      attrs: {
        "gen_ai.completion.0.finish_reason": "end_turn",
        "gen_ai.completion.0.role": "thinking",
        "gen_ai.completion.0.content": "let me think",
        "gen_ai.completion.1.role": "assistant",
        "gen_ai.completion.1.content": "42",
      },
      check: (s) =>
        expect(s.outputs).toEqual({
          choices: [{ index: 0, message: { role: "assistant", content: [{ type: "reasoning", text: "let me think" }, { type: "text", text: "42" }] }, finish_reason: "end_turn" }],
        }),
    },
    {
      name: "Python Anthropic: tool_use both in the content JSON and as tool_calls keys is one tool call",
      attrs: {
        "gen_ai.prompt.0.role": "assistant",
        "gen_ai.prompt.0.content": '[{"type":"text","text":"ok"},{"type":"tool_use","id":"t1","name":"f","input":{"a":1}}]',
        "gen_ai.prompt.0.tool_calls.0.id": "t1",
        "gen_ai.prompt.0.tool_calls.0.name": "f",
        "gen_ai.prompt.0.tool_calls.0.arguments": '{"a": 1}',
      },
      check: (s) =>
        expect(s.inputs).toEqual({
          messages: [{ role: "assistant", content: "ok", tool_calls: [{ id: "t1", type: "function", function: { name: "f", arguments: '{"a":1}' } }] }],
        }),
    },
    {
      name: "Python Anthropic: legacy text-completion prompt as gen_ai.prompt.0.user",
      attrs: { "gen_ai.prompt.0.user": "Human: hi" },
      check: (s) => {
        expect(s.inputs).toEqual({ messages: [{ role: "user", content: "Human: hi" }] });
        expect(codes(s)).toEqual([]);
      },
    },
    {
      name: "llm.request.functions.N.input_schema (Python Anthropic)",
      attrs: { "llm.request.functions.0.name": "f", "llm.request.functions.0.input_schema": '{"type":"object"}' },
      check: (s) => expect(s.tools).toEqual([{ type: "function", function: { name: "f", parameters: { type: "object" } } }]),
    },
    {
      name: "llm.request.functions.N.* (Python `parameters`)",
      attrs: { "llm.request.functions.0.name": "f", "llm.request.functions.0.parameters": '{"type":"object"}' },
      check: (s) => expect(s.tools).toEqual([{ type: "function", function: { name: "f", parameters: { type: "object" } } }]),
    },
    {
      name: "llm.* request parameters join the messages",
      attrs: {
        "gen_ai.prompt.0.content": "hi",
        "llm.top_k": 5,
        "llm.frequency_penalty": 0.5,
        "llm.presence_penalty": 0.1,
        "llm.request.repetition_penalty": 1.1,
        "llm.chat.stop_sequences": ["END"],
        "llm.is_streaming": true,
        "llm.user": "u1",
      },
      check: (s) =>
        expect(s.inputs).toEqual({
          messages: [{ role: "user", content: "hi" }],
          top_k: 5,
          frequency_penalty: 0.5,
          presence_penalty: 0.1,
          repetition_penalty: 1.1,
          stop: ["END"],
          stream: true,
          user: "u1",
        }),
    },
    {
      name: "llm.usage.total_tokens alone: total kept, no side invented, usage-incomplete",
      attrs: { "llm.request.type": "chat", "llm.usage.total_tokens": 7 },
      check: (s) => {
        expect(s.tokenUsage).toEqual({ total_tokens: 7 });
        expect(codes(s)).toContain("usage-incomplete");
      },
    },
    {
      name: "llm.usage.total_tokens + one gen_ai side: the other side derived",
      attrs: { "llm.request.type": "chat", "llm.usage.total_tokens": 7, "gen_ai.usage.prompt_tokens": 5 },
      check: (s) => expect(s.tokenUsage).toEqual({ input_tokens: 5, output_tokens: 2, total_tokens: 7 }),
    },
    {
      name: "the first releases' llm.usage.prompt_tokens / completion_tokens are the input / output counts",
      attrs: { "llm.request.type": "chat", "llm.usage.prompt_tokens": 100, "llm.usage.completion_tokens": 5, "llm.usage.total_tokens": 105 },
      check: (s) => {
        expect(s.tokenUsage).toEqual({ input_tokens: 100, output_tokens: 5, total_tokens: 105 });
        expect(s.diagnostics).toEqual([]);
      },
    },
    {
      name: "a gen_ai.usage count wins over the legacy llm.usage one only where it is missing (counts are never changed)",
      attrs: { "llm.request.type": "chat", "llm.usage.prompt_tokens": 100, "gen_ai.usage.completion_tokens": 5 },
      check: (s) => expect(s.tokenUsage).toEqual({ input_tokens: 100, output_tokens: 5, total_tokens: 105 }),
    },
    {
      name: "traceloop.span.kind task is generic: a GenAI operation on the span says more (LangChain tool runs)",
      attrs: { "traceloop.span.kind": "task", "gen_ai.operation.name": "execute_tool" },
      check: (s) => expect(s.spanType).toBe("TOOL"),
    },
    {
      name: "traceloop.span.kind task without an operation is TASK; workflow, agent and tool win over an operation",
      attrs: { "traceloop.span.kind": "task", "llm.usage.total_tokens": 3 },
      check: (s) => {
        expect(s.spanType).toBe("TASK");
        expect(span({ "traceloop.span.kind": "agent", "gen_ai.operation.name": "chat" }).spanType).toBe("AGENT");
        expect(span({ "traceloop.span.kind": "workflow", "gen_ai.operation.name": "invoke_agent" }).spanType).toBe("WORKFLOW");
      },
    },
    {
      name: "traceloop.entity.input {args: [a, b], kwargs: {}} -> [a, b]",
      attrs: { "traceloop.span.kind": "task", "traceloop.entity.input": '{"args":["Paris",3],"kwargs":{}}' },
      check: (s) => expect(s.inputs).toEqual(["Paris", 3]),
    },
    {
      name: "traceloop.entity.input {args: [], kwargs} -> kwargs",
      attrs: { "traceloop.span.kind": "tool", "traceloop.entity.input": '{"args":[],"kwargs":{"city":"Paris"}}', "traceloop.entity.output": '{"t":18}' },
      check: (s) => {
        expect(s.inputs).toEqual({ city: "Paris" });
        expect(s.outputs).toEqual({ t: 18 });
      },
    },
    {
      name: "traceloop.entity.input {args: [x], kwargs: {}} -> x",
      attrs: { "traceloop.span.kind": "task", "traceloop.entity.input": '{"args":["hello"],"kwargs":{}}', "traceloop.entity.output": "done" },
      check: (s) => {
        expect(s.inputs).toBe("hello");
        expect(s.outputs).toBe("done");
      },
    },
    {
      name: "traceloop.entity.output is the JSON of any value (the SDKs stringify strings and numbers too)",
      attrs: { "traceloop.span.kind": "task", "traceloop.entity.input": '"Paris"', "traceloop.entity.output": "60" },
      check: (s) => {
        expect(s.inputs).toBe("Paris");
        expect(s.outputs).toBe(60);
        expect(s.diagnostics).toEqual([]);
      },
    },
    {
      name: "hand-written prose that only starts like JSON stays a string, without a diagnostic",
      attrs: { "traceloop.span.kind": "task", "traceloop.entity.input": "true story", "traceloop.entity.output": "-- none --" },
      check: (s) => {
        expect(s.inputs).toBe("true story");
        expect(s.outputs).toBe("-- none --");
        expect(s.diagnostics).toEqual([]);
      },
    },
    {
      name: "traceloop.entity.input with several args and kwargs stays whole",
      attrs: { "traceloop.span.kind": "task", "traceloop.entity.input": '{"args":[1,2],"kwargs":{"k":3}}' },
      check: (s) => expect(s.inputs).toEqual({ args: [1, 2], kwargs: { k: 3 } }),
    },
    {
      name: "LangChain {inputs, tags, metadata, kwargs} / {outputs, kwargs}",
      attrs: {
        "traceloop.span.kind": "workflow",
        "traceloop.entity.input": '{"inputs":{"question":"q"},"tags":[],"metadata":{},"kwargs":{"name":"RunnableSequence"}}',
        "traceloop.entity.output": '{"outputs":"answer","kwargs":{"tags":[]}}',
      },
      check: (s) => {
        expect(s.spanType).toBe("WORKFLOW");
        expect(s.inputs).toEqual({ question: "q" });
        expect(s.outputs).toBe("answer");
      },
    },
    {
      name: "workflow/entity/association keys stay as attributes",
      attrs: { "traceloop.span.kind": "workflow", "traceloop.workflow.name": "w", "traceloop.entity.name": "w", "traceloop.association.properties.user_id": "u" },
      check: (s) => {
        expect(s.attributes["traceloop.workflow.name"]).toBe("w");
        expect(s.attributes["traceloop.association.properties.user_id"]).toBe("u");
      },
    },
  ];
  for (const row of rows) it(row.name, () => row.check(span(row.attrs)));
});

describe("vector-database spans (hand-written)", () => {
  it("db.query.result events -> RETRIEVER documents (Chroma shape)", () => {
    const s = span({ "db.system": "chroma", "db.operation": "query", "db.chroma.query.n_results": 2 }, [
      { name: "db.query.result", attributes: { "db.query.result.id": "d1", "db.query.result.distance": 0.12, "db.query.result.metadata": '{"source":"a.txt"}', "db.query.result.document": "Paris is the capital." } },
      { name: "db.query.result", attributes: { "db.query.result.id": "d2", "db.query.result.score": 0.5, "db.query.result.document": "Lyon is a city." } },
    ]);
    expect(s.conventions).toEqual(["openllmetry"]);
    expect(s.spanType).toBe("RETRIEVER");
    expect(s.outputs).toEqual([
      { id: "d1", page_content: "Paris is the capital.", metadata: { source: "a.txt", distance: 0.12 } },
      { id: "d2", page_content: "Lyon is a city.", metadata: { score: 0.5 } },
    ]);
  });

  it("deprecated db.vector.query.result.N.* keys (Pinecone JS shape)", () => {
    const s = span({
      "db.system": "pinecone",
      "db.vector.query.top_k": 1,
      "db.vector.query.result.0.id": "v1",
      "db.vector.query.result.0.score": 0.9,
      "db.vector.query.result.0.metadata": '{"text":"hello","page":3}',
    });
    expect(s.spanType).toBe("RETRIEVER");
    expect(s.outputs).toEqual([{ id: "v1", page_content: "hello", metadata: { text: "hello", page: 3, score: 0.9 } }]);
  });

  it("db.search.result events (Milvus shape)", () => {
    const s = span({ "db.system": "milvus", "db.milvus.search.collection_name": "c" }, [
      { name: "db.search.result", attributes: { "db.search.result.id": 7, "db.search.result.distance": 0.3, "db.search.result.entity": '{"text":"doc","lang":"en"}' } },
    ]);
    expect(s.spanType).toBe("RETRIEVER");
    expect(s.outputs).toEqual([{ id: "7", page_content: "doc", metadata: { lang: "en", distance: 0.3 } }]);
  });

  it("a query without results is still a RETRIEVER; writes are not", () => {
    expect(span({ "db.system": "pinecone", "db.vector.query.top_k": 3 }).spanType).toBe("RETRIEVER");
    expect(span({ "db.system": "chroma", "db.operation": "add", "db.chroma.add.ids_count": 3 }).spanType).toBe("UNKNOWN");
  });

  it("a plain SQL span is not OpenLLMetry", () => {
    expect(span({ "db.system": "postgresql", "db.operation": "query" }).conventions).toEqual([]);
  });
});

describe("precedence on mixed spans", () => {
  it("traceloop.span.kind beats llm.request.type", () => {
    expect(span({ "traceloop.span.kind": "agent", "llm.request.type": "chat" }).spanType).toBe("AGENT");
  });

  it("indexed prompts beat traceloop.entity.input", () => {
    const s = span({ "gen_ai.prompt.0.content": "hi", "traceloop.entity.input": '{"args":["raw"],"kwargs":{}}' });
    expect(s.inputs).toEqual({ messages: [{ role: "user", content: "hi" }] });
  });

  it("structured gen_ai.input.messages (GenAI parser) beat indexed prompts", () => {
    const s = span({
      "gen_ai.prompt.0.content": "indexed",
      "gen_ai.input.messages": JSON.stringify([{ role: "user", parts: [{ type: "text", content: "structured" }] }]),
    });
    expect((s.inputs as { messages: { content: unknown }[] }).messages[0]!.content).toBe("structured");
  });

  it("mlflow.* values win over everything", () => {
    const s = span({ "mlflow.spanType": '"LLM"', "traceloop.span.kind": "tool" });
    expect(s.spanType).toBe("LLM");
  });

  it("gen_ai.operation.name and llm.request.type agree or the OpenLLMetry one (parsed first) stays on a tie", () => {
    expect(span({ "llm.request.type": "completion", "gen_ai.operation.name": "chat" }).spanType).toBe("LLM");
  });
});

describe("bad input (hand-written)", () => {
  it("unknown span kind and request type: a diagnostic, the type inferred", () => {
    const s = span({ "traceloop.span.kind": "banana", "llm.request.type": "juggle", "gen_ai.prompt.0.content": "x" });
    expect(s.spanType).toBe("CHAT_MODEL");
    expect(s.diagnostics.filter((d) => d.code === "unknown-value").map((d) => d.key)).toEqual(["traceloop.span.kind", "llm.request.type"]);
  });

  it("gaps, huge indices and __proto__ segments", () => {
    const s = span({
      "gen_ai.prompt.0.content": "a",
      "gen_ai.prompt.2.content": "b",
      "gen_ai.prompt.4294967295.content": "huge",
      "gen_ai.prompt.__proto__.content": "evil",
    });
    expect((s.inputs as { messages: { content: unknown }[] }).messages.map((m) => m.content)).toEqual(["a", "b"]);
    expect(codes(s)).toEqual(expect.arrayContaining(["indexed-key-gap", "index-too-large", "unsafe-key"]));
    expect(({} as Record<string, unknown>).content).toBeUndefined();
  });

  it("keys under the prefix without an index are left alone", () => {
    const s = span({ "gen_ai.prompt.0.content": "a", "gen_ai.prompt.foo": "bar" }, undefined);
    expect((s.inputs as { messages: unknown[] }).messages).toHaveLength(1);
    const lean = toMlflowSpan({ attributes: { "gen_ai.prompt.0.content": "a", "gen_ai.prompt.foo": "bar" } }, { keepSource: false });
    expect(lean.attributes).toEqual({ "gen_ai.prompt.foo": "bar" });
  });

  it("wrong value types are diagnosed and kept", () => {
    const s = span({ "llm.request.type": 3, "llm.top_k": "five", "llm.usage.total_tokens": -1, "gen_ai.prompt.0.content": "x" });
    expect(codes(s)).toEqual(expect.arrayContaining(["invalid-value", "invalid-token-count"]));
    expect(s.attributes["llm.top_k"]).toBe("five");
    expect(s.tokenUsage).toBeUndefined();
  });

  it("a malformed entity input gives no inputs and stays in attributes", () => {
    const s = span({ "traceloop.span.kind": "task", "traceloop.entity.input": '{"args":[' });
    expect(s.inputs).toBeUndefined();
    expect(codes(s)).toContain("invalid-json");
    expect(s.attributes["traceloop.entity.input"]).toBe('{"args":[');
  });

  it("a function without a name or with a non-object schema", () => {
    const s = span({ "llm.request.functions.0.description": "d", "llm.request.functions.1.name": "g", "llm.request.functions.1.parameters": "nope" });
    expect(s.tools).toEqual([{ type: "function", function: { name: "g" } }]);
    expect(codes(s).filter((c) => c === "invalid-value")).toHaveLength(2);
    // Only the keys of the function that was read are consumed.
    const kept = toMlflowSpan({ name: "s", attributes: { "llm.request.functions.0.description": "d", "llm.request.functions.1.name": "g", "llm.request.functions.1.parameters": "nope" } }, { keepSource: false });
    expect(Object.keys(kept.attributes).filter((k) => k.startsWith("llm.request.functions."))).toEqual(["llm.request.functions.0.description"]);
  });

  it("functions: keys are consumed by list position, so after an index gap the later keys stay", () => {
    const attributes = { "llm.request.functions.0.name": "f", "llm.request.functions.2.name": "g", "llm.request.functions.2.description": "d" };
    const s = toMlflowSpan({ name: "s", attributes }, { keepSource: false });
    expect(s.tools).toEqual([
      { type: "function", function: { name: "f" } },
      { type: "function", function: { name: "g", description: "d" } },
    ]);
    expect(codes(s)).toContain("indexed-key-gap");
    expect(Object.keys(s.attributes).filter((k) => k.startsWith("llm.request.functions."))).toEqual(["llm.request.functions.2.name", "llm.request.functions.2.description"]);
  });

  it("keepSource: false drops exactly the consumed keys", () => {
    const s = toMlflowSpan(loadFixture("openllmetry/traceloop-legacy-openai__chat-tools")[0]!, { keepSource: false });
    expect(s.attributes).toEqual({});
  });
});
