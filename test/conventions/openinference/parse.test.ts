/**
 * OpenInference -> canonical: one row per mapping rule, then the captured fixtures with their exact
 * span types, token counts, texts and tool calls.
 */
import { describe, expect, it } from "vitest";
import { toMlflowSpan, type Attributes, type MlflowSpan } from "../../../src/index.js";
import { loadFixture } from "../../helpers/fixtures.js";

const KIND = "openinference.span.kind";

function parse(attributes: Attributes, extra: { events?: { name: string; attributes: Attributes }[] } = {}): MlflowSpan {
  return toMlflowSpan({ name: "span", attributes, ...extra });
}
const codes = (s: MlflowSpan) => s.diagnostics.map((d) => d.code);
const llm = (attrs: Attributes) => parse({ [KIND]: "LLM", ...attrs });
const msg = (i: number, field: string, value: Attributes[string], list = "llm.input_messages") => ({ [`${list}.${i}.message.${field}`]: value });

describe("openinference.span.kind -> span type", () => {
  it.each([
    ["LLM", "LLM"],
    ["CHAIN", "CHAIN"],
    ["TOOL", "TOOL"],
    ["AGENT", "AGENT"],
    ["RETRIEVER", "RETRIEVER"],
    ["RERANKER", "RERANKER"],
    ["EMBEDDING", "EMBEDDING"],
    ["GUARDRAIL", "GUARDRAIL"],
    ["EVALUATOR", "EVALUATOR"],
    ["PROMPT", "CHAIN"],
    ["UNKNOWN", "UNKNOWN"],
    ["llm", "LLM"],
    [" agent ", "AGENT"],
  ])("%j -> %s", (kind, type) => {
    const span = parse({ [KIND]: kind });
    expect(span.spanType).toBe(type);
    expect(codes(span)).not.toContain("unknown-span-kind");
  });

  it("an unknown kind keeps its raw value, gets a diagnostic, and the type is inferred", () => {
    const span = parse({ [KIND]: "CLASSIFIER", "input.value": "ticket" });
    expect(span.spanType).toBe("UNKNOWN");
    expect(span.attributes[KIND]).toBe("CLASSIFIER");
    expect(span.diagnostics).toContainEqual(expect.objectContaining({ code: "unknown-span-kind", severity: "warning", key: KIND }));
    expect(parse({ [KIND]: "CLASSIFIER", ...msg(0, "role", "user"), ...msg(0, "content", "hi") }).spanType).toBe("CHAT_MODEL");
    expect(codes(parse({ [KIND]: 7 }))).toContain("unknown-span-kind");
  });

  it("without a kind the type is inferred from what is present, with an info diagnostic", () => {
    const chat = parse({ ...msg(0, "role", "user"), ...msg(0, "content", "hi") });
    expect(chat.spanType).toBe("CHAT_MODEL");
    expect(parse({ "llm.prompts.0.prompt.text": "Once upon" }).spanType).toBe("LLM");
    expect(chat.diagnostics).toContainEqual(expect.objectContaining({ code: "missing-span-kind", severity: "info" }));
    expect(parse({ "embedding.embeddings.0.embedding.text": "a" }).spanType).toBe("EMBEDDING");
    expect(parse({ "retrieval.documents.0.document.content": "a" }).spanType).toBe("RETRIEVER");
    expect(parse({ "reranker.query": "q" }).spanType).toBe("RERANKER");
    expect(parse({ "llm.token_count.prompt": 3 }).spanType).toBe("LLM");
    expect(parse({ "input.value": "x" }).spanType).toBe("UNKNOWN");
  });
});

describe("flattened messages -> ChatMessage", () => {
  it("role and content", () => {
    const span = llm({ ...msg(0, "role", "system"), ...msg(0, "content", "be brief"), ...msg(1, "role", "user"), ...msg(1, "content", "hi") });
    expect(span.inputs).toEqual({ messages: [{ role: "system", content: "be brief" }, { role: "user", content: "hi" }] });
    expect(span.messageFormat).toBe("openai");
  });

  it("contents: text, image, audio (data URI and URL), video and reasoning parts stay parts", () => {
    const c = (j: number, field: string, value: Attributes[string]) => ({ [`llm.input_messages.0.message.contents.${j}.message_content.${field}`]: value });
    const span = llm({
      ...msg(0, "role", "user"),
      ...c(0, "type", "text"),
      ...c(0, "text", "what is this?"),
      ...c(1, "type", "image"),
      ...c(1, "image.image.url", "https://x/cat.png"),
      ...c(2, "type", "audio"),
      ...c(2, "audio.audio.url", "data:audio/wav;base64,UklGRg=="),
      ...c(2, "audio.audio.mime_type", "audio/wav"),
      ...c(2, "audio.audio.transcript", "hello"),
      ...c(3, "type", "audio"),
      ...c(3, "audio.audio.url", "https://x/a.mp3"),
      ...c(3, "audio.audio.mime_type", "audio/mpeg"),
      ...c(4, "type", "video"),
      ...c(4, "video.video.url", "gs://b/clip.mp4"),
      ...c(5, "type", "reasoning"),
      ...c(5, "text", "thinking"),
      ...c(5, "signature", "sig"),
    });
    expect((span.inputs as { messages: unknown[] }).messages[0]).toEqual({
      role: "user",
      content: [
        { type: "text", text: "what is this?" },
        { type: "image_url", image_url: { url: "https://x/cat.png" } },
        { type: "input_audio", input_audio: { data: "UklGRg==", format: "wav", transcript: "hello" } },
        { type: "audio", url: "https://x/a.mp3", mime_type: "audio/mpeg" },
        { type: "video", url: "gs://b/clip.mp4" },
        { type: "reasoning", text: "thinking", signature: "sig" },
      ],
    });
  });

  it("a single text part becomes a plain string; an unknown part is kept with an info diagnostic", () => {
    const one = llm({ ...msg(0, "role", "user"), "llm.input_messages.0.message.contents.0.message_content.type": "text", "llm.input_messages.0.message.contents.0.message_content.text": "hi" });
    expect((one.inputs as { messages: unknown[] }).messages[0]).toEqual({ role: "user", content: "hi" });
    const odd = llm({ ...msg(0, "role", "user"), "llm.input_messages.0.message.contents.0.message_content.type": "hologram", "llm.input_messages.0.message.contents.0.message_content.depth": 3 });
    expect((odd.inputs as { messages: unknown[] }).messages[0]).toEqual({ role: "user", content: [{ type: "hologram", depth: 3 }] });
    expect(codes(odd)).toContain("unknown-content-part");
  });

  it("tool calls, tool_call_id and name", () => {
    const tc = (k: number, field: string, value: string) => ({ [`llm.input_messages.0.message.tool_calls.${k}.tool_call.${field}`]: value });
    const span = llm({
      ...msg(0, "role", "assistant"),
      ...tc(0, "id", "call_1"),
      ...tc(0, "function.name", "get_weather"),
      ...tc(0, "function.arguments", '{"city":"Paris"}'),
      ...msg(1, "role", "tool"),
      ...msg(1, "tool_call_id", "call_1"),
      ...msg(1, "name", "get_weather"),
      ...msg(1, "content", "18C"),
    });
    expect((span.inputs as { messages: unknown[] }).messages).toEqual([
      { role: "assistant", content: null, tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }] },
      { role: "tool", content: "18C", tool_call_id: "call_1", name: "get_weather" },
    ]);
  });

  it("a tool_use content part that repeats a tool call is kept once; a tool_use part of its own is a call", () => {
    const base = "llm.output_messages.0.message";
    const span = llm({
      [`${base}.role`]: "assistant",
      [`${base}.contents.0.message_content.type`]: "text",
      [`${base}.contents.0.message_content.text`]: "Looking it up.",
      [`${base}.tool_calls.0.tool_call.id`]: "toolu_1",
      [`${base}.tool_calls.0.tool_call.function.name`]: "get_weather",
      [`${base}.tool_calls.0.tool_call.function.arguments`]: "{}",
      [`${base}.contents.1.message_content.type`]: "tool_use",
      [`${base}.contents.1.tool_call.id`]: "toolu_1",
      [`${base}.contents.1.tool_call.function.name`]: "get_weather",
      [`${base}.contents.1.tool_call.function.arguments`]: "{}",
      [`${base}.contents.2.message_content.type`]: "tool_use",
      [`${base}.contents.2.tool_call.id`]: "toolu_2",
      [`${base}.contents.2.tool_call.function.name`]: "get_time",
      [`${base}.contents.2.tool_call.function.arguments`]: '{"tz":"CET"}',
    });
    const message = (span.outputs as { choices: { message: { content: unknown; tool_calls: { id: string }[] } }[] }).choices[0]!.message;
    expect(message.content).toBe("Looking it up.");
    expect(message.tool_calls.map((c) => c.id)).toEqual(["toolu_1", "toolu_2"]);
  });

  it("a user message with tool_call_id (Anthropic tool_result) becomes a tool message", () => {
    const span = llm({ ...msg(0, "role", "user"), ...msg(0, "tool_call_id", "toolu_1"), ...msg(0, "content", '{"t":18}') });
    expect((span.inputs as { messages: unknown[] }).messages).toEqual([{ role: "tool", content: '{"t":18}', tool_call_id: "toolu_1" }]);
  });

  it("legacy function_call_name / function_call_arguments_json become a tool call", () => {
    const span = llm({ ...msg(0, "role", "assistant", "llm.output_messages"), ...msg(0, "function_call_name", "add", "llm.output_messages"), ...msg(0, "function_call_arguments_json", '{"a":1}', "llm.output_messages") });
    const message = (span.outputs as { choices: { message: unknown }[] }).choices[0]!.message;
    expect(message).toEqual({ role: "assistant", content: null, tool_calls: [{ id: "", type: "function", function: { name: "add", arguments: '{"a":1}' } }] });
  });

  it("output messages become choices with llm.finish_reason, and the response id/model come from a JSON output.value", () => {
    const span = llm({
      ...msg(0, "role", "assistant", "llm.output_messages"),
      ...msg(0, "content", "Paris.", "llm.output_messages"),
      "llm.finish_reason": "stop",
      "output.value": '{"id":"resp_1","model":"m-1","choices":[]}',
      "output.mime_type": "application/json",
    });
    expect(span.outputs).toEqual({ id: "resp_1", model: "m-1", choices: [{ index: 0, message: { role: "assistant", content: "Paris." }, finish_reason: "stop" }] });
  });

  it("legacy completions: llm.prompts (string list or prompt.text) and llm.choices", () => {
    expect(llm({ "llm.prompts": ["a", "b"] }).inputs).toEqual({ messages: [{ role: "user", content: "a" }, { role: "user", content: "b" }] });
    const span = llm({ "llm.prompts.0.prompt.text": "def fib(n):", "llm.choices.0.completion.text": " return n" });
    expect(span.inputs).toEqual({ messages: [{ role: "user", content: "def fib(n):" }] });
    expect(span.outputs).toEqual({ choices: [{ index: 0, message: { role: "assistant", content: " return n" }, finish_reason: null }] });
  });

  it("wrong value types are reported and never throw", () => {
    const span = llm({ ...msg(0, "role", 5), ...msg(0, "content", 42 as never), ...msg(0, "tool_call_id", 9) });
    expect((span.inputs as { messages: unknown[] }).messages).toEqual([{ role: "user", content: "42" }]);
    expect(codes(span)).toEqual(expect.arrayContaining(["unknown-role", "invalid-value"]));
  });

  it("gaps and unsafe keys are reported; unsafe keys stay unexpanded", () => {
    const span = llm({ ...msg(0, "role", "user"), ...msg(0, "content", "a"), ...msg(2, "role", "user"), ...msg(2, "content", "c"), "llm.input_messages.1.__proto__.x": "bad" });
    expect((span.inputs as { messages: { content: string }[] }).messages.map((m) => m.content)).toEqual(["a", "c"]);
    expect(codes(span)).toEqual(expect.arrayContaining(["indexed-key-gap", "unsafe-key"]));
    expect(span.attributes["llm.input_messages.1.__proto__.x"]).toBe("bad");
  });
});

describe("scalars: model, provider, usage, cost, parameters, tools", () => {
  it("llm.provider (host) and llm.system (API family) give one GenAI value, lower-cased", () => {
    expect(llm({ "llm.provider": "Azure", "llm.system": "openai" }).provider).toBe("azure.ai.openai");
    expect(llm({ "llm.provider": "aws", "llm.system": "anthropic" }).provider).toBe("aws.bedrock");
    expect(llm({ "llm.system": "anthropic" }).provider).toBe("anthropic");
  });

  it("without a provider key: LangChain's metadata.ls_provider, in the GenAI spelling; metadata stays", () => {
    const metadata = JSON.stringify({ ls_provider: "google_vertexai", ls_model_name: "gemini" });
    expect(llm({ metadata }).provider).toBe("gcp.vertex_ai");
    expect(llm({ metadata: JSON.stringify({ ls_provider: "vertex_ai" }) }).provider).toBe("gcp.vertex_ai");
    expect(llm({ metadata, "llm.provider": "Azure" }).provider).toBe("azure.ai.openai");
    expect(llm({ metadata: JSON.stringify({ user: "u" }) }).provider).toBeUndefined();
    expect(llm({ metadata: '{"ls_provider": ' }).diagnostics).toEqual([]);
    const lean = toMlflowSpan({ attributes: { [KIND]: "LLM", metadata } }, { keepSource: false });
    expect(lean.attributes.metadata).toBe(metadata);
  });

  it("model: response model, else llm.model_name, else the request model; embedding and reranker model names", () => {
    expect(llm({ "llm.model_name": "a", "llm.response.model_name": "b", "llm.request.model_name": "c" }).model).toBe("b");
    expect(llm({ "llm.request.model_name": "c" }).model).toBe("c");
    expect(parse({ [KIND]: "EMBEDDING", "embedding.model_name": "e" }).model).toBe("e");
    expect(parse({ [KIND]: "RERANKER", "reranker.model_name": "r" }).model).toBe("r");
  });

  it("every token count maps to its usage key; zeros are kept", () => {
    const span = llm({
      "llm.token_count.prompt": 100,
      "llm.token_count.completion": 20,
      "llm.token_count.total": 120,
      "llm.token_count.prompt_details.cache_read": 30,
      "llm.token_count.prompt_details.cache_write": 10,
      "llm.token_count.prompt_details.audio": 0,
      "llm.token_count.completion_details.reasoning": 5,
      "llm.token_count.completion_details.audio": 0,
    });
    expect(span.tokenUsage).toEqual({
      input_tokens: 100,
      output_tokens: 20,
      total_tokens: 120,
      cache_read_input_tokens: 30,
      cache_creation_input_tokens: 10,
      reasoning_tokens: 5,
      input_audio_tokens: 0,
      output_audio_tokens: 0,
    });
  });

  it("a prompt count below its cache counts (cache-exclusive) gets the cache added back", () => {
    const span = llm({ "llm.token_count.prompt": 21, "llm.token_count.completion": 11, "llm.token_count.total": 32, "llm.token_count.prompt_details.cache_read": 2048, "llm.token_count.prompt_details.cache_write": 1024 });
    expect(span.tokenUsage).toMatchObject({ input_tokens: 3093, output_tokens: 11, total_tokens: 3104 });
    expect(codes(span)).toContain("usage-cache-added");
  });

  it("bad token counts are reported and left out", () => {
    const span = llm({ "llm.token_count.prompt": -1, "llm.token_count.completion": "7" });
    expect(span.tokenUsage).toEqual({ output_tokens: 7 });
    expect(codes(span)).toContain("invalid-token-count");
  });

  it("embeddings without a completion count have output_tokens 0 (no usage-incomplete)", () => {
    const span = parse({ [KIND]: "EMBEDDING", "llm.token_count.prompt": 4, "llm.token_count.total": 4 });
    expect(span.tokenUsage).toEqual({ input_tokens: 4, output_tokens: 0, total_tokens: 4 });
    expect(codes(span)).not.toContain("usage-incomplete");
  });

  it("cost", () => {
    expect(llm({ "llm.cost.prompt": 0.002, "llm.cost.completion": 0.004, "llm.cost.total": 0.006 }).cost).toEqual({ input_cost: 0.002, output_cost: 0.004, total_cost: 0.006 });
    expect(codes(llm({ "llm.cost.total": "free" }))).toContain("invalid-value");
  });

  it("llm.invocation_parameters join the messages in inputs; invalid JSON is kept raw with a diagnostic", () => {
    const span = llm({ ...msg(0, "role", "user"), ...msg(0, "content", "hi"), "llm.invocation_parameters": '{"model":"m","temperature":0.2}' });
    expect(span.inputs).toEqual({ messages: [{ role: "user", content: "hi" }], model: "m", temperature: 0.2 });
    const bad = llm({ ...msg(0, "role", "user"), ...msg(0, "content", "hi"), "llm.invocation_parameters": "{model: m}" });
    expect(bad.inputs).toEqual({ messages: [{ role: "user", content: "hi" }] });
    expect(codes(bad)).toContain("invalid-json");
    expect(bad.attributes["llm.invocation_parameters"]).toBe("{model: m}");
  });

  it("parameters without messages (content capture off) are the inputs", () => {
    expect(llm({ "llm.invocation_parameters": '{"model":"m"}' }).inputs).toEqual({ model: "m" });
  });

  it("a system prompt found only in the parameters (Anthropic) is put back first, with an info diagnostic", () => {
    const span = llm({ ...msg(0, "role", "user"), ...msg(0, "content", "hi"), "llm.invocation_parameters": '{"system":[{"type":"text","text":"be brief"}],"max_tokens":5}' });
    expect(span.inputs).toEqual({ messages: [{ role: "system", content: "be brief" }, { role: "user", content: "hi" }], max_tokens: 5 });
    expect(span.diagnostics).toContainEqual(expect.objectContaining({ code: "system-prompt-recovered", severity: "info" }));
    const already = llm({ ...msg(0, "role", "system"), ...msg(0, "content", "x"), "llm.invocation_parameters": '{"system":"y"}' });
    expect((already.inputs as { messages: unknown[] }).messages).toHaveLength(1);
  });

  it("llm.tools: OpenAI, Anthropic and bare-name definitions become OpenAI-shaped tools", () => {
    const span = llm({
      "llm.tools.0.tool.json_schema": '{"type":"function","function":{"name":"a","description":"A","parameters":{"type":"object"},"strict":true}}',
      "llm.tools.1.tool.json_schema": '{"name":"b","description":"B","input_schema":{"type":"object"}}',
      "llm.tools.2.tool.name": "c",
      "llm.tools.2.tool.description": "C",
      "llm.tools.3.tool.json_schema": "not json",
      "llm.invocation_parameters": '{"tools":[{"name":"b"}],"tool_choice":"auto"}',
    });
    expect(span.tools).toEqual([
      { type: "function", function: { name: "a", description: "A", parameters: { type: "object" }, strict: true } },
      { type: "function", function: { name: "b", description: "B", parameters: { type: "object" } } },
      { type: "function", function: { name: "c", description: "C" } },
    ]);
    expect(codes(span)).toEqual(expect.arrayContaining(["invalid-json", "invalid-tool"]));
    // The tools are not repeated in the request parameters.
    expect(span.inputs).toEqual({ tool_choice: "auto" });
  });
});

describe("documents, reranking, embeddings, raw values", () => {
  it("retrieval documents -> [{id, page_content, metadata: {score, ...}}]", () => {
    const span = parse({
      [KIND]: "RETRIEVER",
      "input.value": "capital of France",
      "retrieval.documents.0.document.id": 7,
      "retrieval.documents.0.document.content": "Paris is the capital.",
      "retrieval.documents.0.document.score": 0.9,
      "retrieval.documents.0.document.metadata": '{"source":"wiki","score":0.1}',
      "retrieval.documents.1.document.content": "Lyon.",
      "retrieval.documents.1.document.metadata": "{'author': 'x'}",
    });
    expect(span.spanType).toBe("RETRIEVER");
    expect(span.inputs).toBe("capital of France");
    expect(span.outputs).toEqual([
      { id: "7", page_content: "Paris is the capital.", metadata: { score: 0.9, source: "wiki" } },
      { page_content: "Lyon.", metadata: { raw: "{'author': 'x'}" } },
    ]);
    expect(codes(span)).toContain("invalid-json");
  });

  it("reranker input/output documents, query and top_k", () => {
    const span = parse({
      [KIND]: "RERANKER",
      "reranker.query": "q",
      "reranker.top_k": 1,
      "reranker.model_name": "cross-encoder",
      "reranker.input_documents.0.document.content": "a",
      "reranker.input_documents.1.document.content": "b",
      "reranker.output_documents.0.document.content": "b",
      "reranker.output_documents.0.document.score": 0.8,
    });
    expect(span.inputs).toEqual({ query: "q", top_k: 1, documents: [{ page_content: "a", metadata: {} }, { page_content: "b", metadata: {} }] });
    expect(span.outputs).toEqual([{ page_content: "b", metadata: { score: 0.8 } }]);
    expect(span.model).toBe("cross-encoder");
  });

  it("embeddings: texts -> inputs.input, vectors -> outputs.data", () => {
    const span = parse({
      [KIND]: "EMBEDDING",
      "embedding.model_name": "e",
      "embedding.invocation_parameters": '{"dimensions":2}',
      "embedding.embeddings.0.embedding.text": "a",
      "embedding.embeddings.0.embedding.vector": [0.1, 0.2],
      "embedding.embeddings.1.embedding.text": "b",
      "embedding.embeddings.1.embedding.vector": "__REDACTED__",
    });
    expect(span.inputs).toEqual({ input: ["a", "b"], dimensions: 2 });
    expect(span.outputs).toEqual({ data: [{ index: 0, object: "embedding", embedding: [0.1, 0.2] }, { index: 1, object: "embedding", embedding: "__REDACTED__" }] });
  });

  it.each([
    ["application/json", '{"a":1}', { a: 1 }],
    ["text/plain", '{"a":1}', '{"a":1}'],
    [undefined, '{"a":1}', { a: 1 }],
    [undefined, "{not json", "{not json"],
    [undefined, "plain", "plain"],
    ["application/json", "[1,2]", [1, 2]],
  ])("input.value with mime %s: %s", (mime, value, expected) => {
    const attrs: Attributes = { [KIND]: "CHAIN", "input.value": value, "output.value": value };
    if (mime) Object.assign(attrs, { "input.mime_type": mime, "output.mime_type": mime });
    const span = parse(attrs);
    expect(span.inputs).toEqual(expected);
    expect(span.outputs).toEqual(expected);
  });

  it("JSON mime type with invalid JSON keeps the string and says so", () => {
    const span = parse({ [KIND]: "TOOL", "input.value": "{oops", "input.mime_type": "application/json" });
    expect(span.inputs).toBe("{oops");
    expect(codes(span)).toContain("invalid-json");
  });

  it("an LLM span without flattened messages falls back to input.value / output.value", () => {
    const span = llm({ "input.value": '{"messages":[{"role":"user","content":"hi"}]}', "input.mime_type": "application/json", "output.value": "hello", "output.mime_type": "text/plain" });
    expect(span.inputs).toEqual({ messages: [{ role: "user", content: "hi" }] });
    expect(span.outputs).toBe("hello");
    expect(span.messageFormat).toBeUndefined();
  });

  it("context keys (session.id, user.id, metadata, tag.tags, tool.*) and exception events are kept verbatim", () => {
    const attrs: Attributes = { [KIND]: "TOOL", "session.id": "s", "user.id": "u", metadata: '{"k":1}', "tag.tags": ["a"], "tool.name": "get_weather", "tool.parameters": "{}" };
    const event = { name: "exception", attributes: { "exception.type": "Error", "exception.message": "boom" } };
    const span = parse(attrs, { events: [event] });
    for (const [k, v] of Object.entries(attrs)) expect(span.attributes[k]).toEqual(v);
    expect(span.events).toEqual([event]);
  });
});

describe("precedence on mixed spans (OpenInference + GenAI)", () => {
  const mixed = {
    [KIND]: "LLM",
    "gen_ai.operation.name": "text_completion",
    ...msg(0, "role", "user"),
    ...msg(0, "content", "flattened"),
    "gen_ai.input.messages": JSON.stringify([{ role: "user", parts: [{ type: "text", content: "structured" }] }]),
    "llm.token_count.prompt": 5,
    "llm.token_count.completion": 1,
  };
  it("the explicit kind beats gen_ai.operation.name; structured GenAI messages beat flattened ones", () => {
    const span = parse(mixed);
    expect(span.conventions).toEqual(["openinference", "genai"]);
    // GenAI alone would say LLM (text_completion); the OpenInference LLM kind with messages says CHAT_MODEL.
    expect(span.spanType).toBe("CHAT_MODEL");
    expect((span.inputs as { messages: { content: unknown }[] }).messages[0]!.content).toBe("structured");
    expect(span.tokenUsage).toMatchObject({ input_tokens: 5, output_tokens: 1 });
  });
  it("mlflow.* keys on the span win over everything", () => {
    const span = parse({ ...mixed, "mlflow.spanType": '"AGENT"', "mlflow.spanInputs": '"raw"' });
    expect(span.spanType).toBe("AGENT");
    expect(span.inputs).toBe("raw");
  });
});

describe("captured fixtures", () => {
  const spansOf = (id: string) => loadFixture(`openinference/${id}`).map((s) => toMlflowSpan(s));
  const oiSpan = (id: string) => spansOf(id).find((s) => s.conventions.includes("openinference"))!;
  type Chat = { messages: { role: string; content: unknown; tool_calls?: { id: string; function: { name: string; arguments: string } }[]; tool_call_id?: string }[] };
  type Out = { choices: { message: Chat["messages"][number]; finish_reason: string | null }[] };

  it("every fixture: the HTTP span has no convention, the OpenInference span its type", () => {
    for (const [id, type] of [
      ["openinference-openai__chat", "CHAT_MODEL"],
      ["openinference-openai__chat-tools", "CHAT_MODEL"],
      ["openinference-openai__chat-tool-result", "CHAT_MODEL"],
      ["openinference-openai__chat-stream", "CHAT_MODEL"],
      ["openinference-openai__embeddings", "EMBEDDING"],
      ["openinference-anthropic__messages", "CHAT_MODEL"],
      ["openinference-anthropic__messages-tools", "CHAT_MODEL"],
      ["openinference-anthropic__messages-tool-result", "CHAT_MODEL"],
      ["openinference-anthropic__messages-stream", "CHAT_MODEL"],
      ["openinference-anthropic__messages-error", "CHAT_MODEL"],
    ] as const) {
      const spans = spansOf(id);
      expect(spans.filter((s) => s.conventions.includes("openinference")).map((s) => s.spanType), id).toEqual([type]);
      for (const s of spans.filter((x) => !x.conventions.includes("openinference"))) expect(s.spanType).toBe("UNKNOWN");
    }
  });

  it("openai chat: texts, parameters, usage with cache and reasoning details", () => {
    const span = oiSpan("openinference-openai__chat");
    expect((span.inputs as Chat).messages).toEqual([
      { role: "system", content: "You are a concise assistant. Answer in one sentence." },
      { role: "user", content: "What is the capital of France?" },
    ]);
    expect(span.inputs).toMatchObject({ model: "gpt-4o-mini", temperature: 0.2, max_tokens: 64 });
    expect((span.outputs as Out).choices).toEqual([{ index: 0, message: { role: "assistant", content: "The capital of France is Paris." }, finish_reason: "stop" }]);
    expect(span.tokenUsage).toEqual({ input_tokens: 26, output_tokens: 12, total_tokens: 38, cache_read_input_tokens: 16, reasoning_tokens: 4, input_audio_tokens: 0, output_audio_tokens: 0 });
    expect(span.model).toBe("gpt-4o-mini-2024-07-18");
    expect(span.provider).toBe("openai");
  });

  it("openai chat-tools and chat-tool-result: tool call, tool result, tools", () => {
    const tools = oiSpan("openinference-openai__chat-tools");
    const call = (tools.outputs as Out).choices[0]!;
    expect(call.finish_reason).toBe("tool_calls");
    expect(call.message.tool_calls).toEqual([{ id: "call_fixture_0001", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris","unit":"celsius"}' } }]);
    expect(tools.tools?.map((t) => t.function.name)).toEqual(["get_weather"]);
    expect(tools.tokenUsage).toMatchObject({ input_tokens: 82, output_tokens: 19, total_tokens: 101 });
    const result = oiSpan("openinference-openai__chat-tool-result");
    expect((result.inputs as Chat).messages.map((m) => m.role)).toEqual(["user", "assistant", "tool"]);
    expect((result.inputs as Chat).messages[2]).toEqual({ role: "tool", content: '{"temperature":18,"condition":"sunny"}', tool_call_id: "call_fixture_0001" });
    expect(result.tokenUsage).toMatchObject({ input_tokens: 118, output_tokens: 14, total_tokens: 132 });
  });

  it("openai chat-stream: text and finish reason, and no usage (the instrumentation records none)", () => {
    const span = oiSpan("openinference-openai__chat-stream");
    expect((span.outputs as Out).choices[0]).toEqual({ index: 0, message: { role: "assistant", content: "1, 2, 3, 4, 5." }, finish_reason: "stop" });
    expect(span.tokenUsage).toBeUndefined();
    expect(span.model).toBe("gpt-4o-mini");
  });

  it("openai embeddings: two texts, two 8-dimension vectors, the embedding model", () => {
    const span = oiSpan("openinference-openai__embeddings");
    expect((span.inputs as { input: string[] }).input).toEqual(["The quick brown fox", "jumps over the lazy dog"]);
    const data = (span.outputs as { data: { index: number; embedding: number[] }[] }).data;
    expect(data.map((d) => [d.index, d.embedding.length])).toEqual([[0, 8], [1, 8]]);
    expect(data[0]!.embedding[0]).toBeCloseTo(-0.5651, 4);
    expect(span.model).toBe("text-embedding-3-small");
    expect(span.tokenUsage).toBeUndefined();
  });

  it("anthropic messages: system prompt recovered, prompt tokens include the cache (3093 = 21 + 2048 + 1024)", () => {
    const span = oiSpan("openinference-anthropic__messages");
    expect((span.inputs as Chat).messages).toEqual([
      { role: "system", content: "You are a concise assistant. Answer in one sentence." },
      { role: "user", content: "What is the capital of France?" },
    ]);
    expect(span.inputs).not.toHaveProperty("system");
    expect(span.tokenUsage).toEqual({ input_tokens: 3093, output_tokens: 11, total_tokens: 3104, cache_read_input_tokens: 2048, cache_creation_input_tokens: 1024 });
    expect(codes(span)).toEqual(["system-prompt-recovered"]);
    expect(span.model).toBe("claude-haiku-4-5-20251001");
    expect(span.inputs).toMatchObject({ model: "claude-haiku-4-5", max_tokens: 256, temperature: 0.2 });
    expect((span.outputs as Out).choices[0]!.finish_reason).toBe("end_turn");
  });

  it("anthropic messages-tools: the doubly recorded tool call is kept once, next to the text", () => {
    const span = oiSpan("openinference-anthropic__messages-tools");
    const message = (span.outputs as Out).choices[0]!.message;
    expect(message.content).toBe("I'll look up the current weather in Paris.");
    expect(message.tool_calls).toEqual([{ id: "toolu_fixture_0001", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris","unit":"celsius"}' } }]);
    expect(span.tools).toEqual([
      {
        type: "function",
        function: {
          name: "get_weather",
          description: "Get the current weather for a city.",
          parameters: { type: "object", properties: { city: { type: "string", description: "City name, e.g. Paris" }, unit: { type: "string", enum: ["celsius", "fahrenheit"] } }, required: ["city"] },
        },
      },
    ]);
    expect(span.tokenUsage).toMatchObject({ input_tokens: 402, output_tokens: 71, total_tokens: 473 });
  });

  it("anthropic messages-tool-result: the tool_result user turn is a tool message", () => {
    const span = oiSpan("openinference-anthropic__messages-tool-result");
    const messages = (span.inputs as Chat).messages;
    expect(messages.map((m) => m.role)).toEqual(["user", "assistant", "tool"]);
    expect(messages[1]!.tool_calls).toHaveLength(1);
    expect(messages[2]).toEqual({ role: "tool", content: '{"temperature":18,"condition":"sunny"}', tool_call_id: "toolu_fixture_0001" });
    expect(span.tokenUsage).toMatchObject({ input_tokens: 512, output_tokens: 16, total_tokens: 528 });
  });

  it("openinference-core agent: AGENT, two LLM spans and a TOOL span, context keys kept", () => {
    const spans = spansOf("openinference-core__agent");
    expect(spans.map((s) => [s.name, s.spanType])).toEqual([["weather_agent", "AGENT"], ["plan", "CHAT_MODEL"], ["get_weather", "TOOL"], ["answer", "CHAT_MODEL"]]);
    const [agent, plan, tool, answer] = spans as [MlflowSpan, MlflowSpan, MlflowSpan, MlflowSpan];
    expect(agent.inputs).toBe("What's the weather in Paris?");
    expect(agent.outputs).toBe("It is 18 °C and sunny in Paris.");
    expect((plan.inputs as Chat).messages[1]!.content).toEqual([
      { type: "text", text: "What's the weather in Paris?" },
      { type: "image_url", image_url: { url: "https://example.com/paris.png" } },
    ]);
    expect(plan.inputs).toMatchObject({ temperature: 0, model: "gpt-4o-mini" });
    expect(plan.model).toBe("gpt-4o-mini-2024-07-18");
    expect((plan.outputs as Out).choices[0]!.message.tool_calls).toEqual([{ id: "call_core_0001", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }]);
    expect(plan.tokenUsage).toEqual({ input_tokens: 120, output_tokens: 18, total_tokens: 138, cache_read_input_tokens: 64 });
    expect(plan.tools?.map((t) => t.function.name)).toEqual(["get_weather"]);
    expect(tool.inputs).toEqual({ city: "Paris" });
    expect(tool.outputs).toEqual({ city: "Paris", temperature: 18, condition: "sunny" });
    expect(tool.attributes["tool.name"]).toBe("get_weather");
    expect((answer.outputs as Out).choices[0]!.message.content).toEqual([
      { type: "reasoning", text: "The tool says sunny, 18 degrees.", signature: "sig-core" },
      { type: "text", text: "It is 18 °C and sunny in Paris." },
    ]);
    expect(answer.tokenUsage).toEqual({ input_tokens: 160, output_tokens: 12, total_tokens: 172 });
    for (const s of spans) {
      expect(s.attributes["session.id"]).toBe("session-core-1");
      expect(s.attributes["user.id"]).toBe("user-core-1");
      expect(s.diagnostics).toEqual([]);
    }
  });

  it("openinference-core rag: CHAIN, EMBEDDING, RETRIEVER, RERANKER, PROMPT (as CHAIN) and LLM", () => {
    const spans = spansOf("openinference-core__rag");
    expect(spans.map((s) => s.spanType)).toEqual(["CHAIN", "EMBEDDING", "RETRIEVER", "RERANKER", "CHAIN", "CHAT_MODEL"]);
    const [, embed, retrieve, rerank, prompt, generate] = spans as MlflowSpan[];
    expect(embed!.inputs).toEqual({ input: ["capital of France"] });
    expect(embed!.outputs).toEqual({ data: [{ index: 0, object: "embedding", embedding: [0.25, -0.5, 0.125] }] });
    expect(embed!.model).toBe("text-embedding-3-small");
    expect(retrieve!.inputs).toBe("What is the capital of France?");
    expect(retrieve!.outputs).toEqual([
      { id: "doc-1", page_content: "Paris is the capital of France.", metadata: { score: 0.92, source: "atlas", page: 12 } },
      { id: "doc-2", page_content: "Lyon is known for its cuisine.", metadata: { score: 0.41, source: "guide" } },
      { id: "3", page_content: "The Seine flows through Paris.", metadata: { score: 0.77, source: "rivers" } },
    ]);
    expect(rerank!.inputs).toMatchObject({ query: "What is the capital of France?", top_k: 2 });
    expect((rerank!.inputs as { documents: unknown[] }).documents).toHaveLength(3);
    expect((rerank!.outputs as { id: string }[]).map((d) => d.id)).toEqual(["doc-1", "3"]);
    expect(rerank!.model).toBe("cross-encoder/ms-marco-MiniLM-L-6-v2");
    expect(prompt!.attributes["openinference.span.kind"]).toBe("PROMPT");
    expect(prompt!.attributes["llm.prompt_template.template"]).toBe("Context:\n{context}\n\nQuestion: {question}");
    expect(generate!.tokenUsage).toEqual({ input_tokens: 3093, output_tokens: 3, total_tokens: 3096, cache_read_input_tokens: 2048, cache_creation_input_tokens: 1024 });
    expect(generate!.provider).toBe("anthropic");
  });

  it("openinference-core guardrail-evaluator: GUARDRAIL (one failing) and EVALUATOR", () => {
    const spans = spansOf("openinference-core__guardrail-evaluator");
    expect(spans.map((s) => s.spanType)).toEqual(["GUARDRAIL", "GUARDRAIL", "EVALUATOR"]);
    expect(spans[0]!.outputs).toEqual({ allowed: true });
    expect(spans[1]!.status?.code).toBe("ERROR");
    expect(spans[1]!.outputs).toBeUndefined();
    expect(spans[2]!.inputs).toEqual(["Paris", "Paris"]);
    expect(spans[2]!.outputs).toEqual({ score: 1, label: "correct" });
  });

  it("anthropic messages-stream and messages-error", () => {
    const stream = oiSpan("openinference-anthropic__messages-stream");
    expect((stream.outputs as Out).choices[0]!.message.content).toBe("1, 2, 3, 4, 5.");
    expect(stream.tokenUsage).toEqual({ input_tokens: 19, output_tokens: 14, total_tokens: 33 });
    const error = oiSpan("openinference-anthropic__messages-error");
    expect(error.status?.code).toBe("ERROR");
    expect(error.outputs).toBeUndefined();
    expect(error.tokenUsage).toBeUndefined();
    expect(error.events?.map((e) => e.name)).toEqual(["exception"]);
    expect((error.inputs as Chat).messages).toEqual([{ role: "user", content: "Name three primary colors." }]);
  });
});

describe("keepSource: false keeps what was only partly usable", () => {
  it("a content that is not a string is read as its JSON text, and the attribute keeps the value", () => {
    const attrs = { "openinference.span.kind": "LLM", "llm.input_messages.0.message.role": "user", "llm.input_messages.0.message.content": 968 };
    const lean = toMlflowSpan({ attributes: attrs }, { keepSource: false });
    expect((lean.inputs as { messages: unknown[] }).messages).toEqual([{ role: "user", content: "968" }]);
    expect(lean.attributes).toEqual({ "llm.input_messages.0.message.content": 968 });
  });

  it("a tool whose json_schema is not a tool is left out of tools, and its key stays", () => {
    const attrs = { "openinference.span.kind": "LLM", "llm.tools.0.tool.json_schema": 0, "llm.tools.1.tool.name": "f" };
    const lean = toMlflowSpan({ attributes: attrs }, { keepSource: false });
    expect(lean.tools?.map((t) => t.function.name)).toEqual(["f"]);
    expect(lean.attributes).toEqual({ "llm.tools.0.tool.json_schema": 0 });
  });
});
