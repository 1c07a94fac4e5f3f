/** Attribute -> canonical field, one row per GenAI rule (docs/genai.md lists the same rules). */
import { describe, expect, it } from "vitest";
import { toMlflowSpan, type Attributes, type MlflowSpan } from "../../../src/index.js";
import { ParseContext } from "../../../src/readers/context.js";
import { parseGenAi } from "../../../src/conventions/genai/parse/index.js";
import { runParser } from "../../../src/pipeline/translate.js";

interface Ev {
  name: string;
  attributes: Attributes;
}
const span = (attributes: Attributes, events: Ev[] = []): MlflowSpan => toMlflowSpan({ name: "s", attributes, events });
const j = (v: unknown) => JSON.stringify(v);
const codes = (s: MlflowSpan) => s.diagnostics.map((d) => d.code);
const user = (text: string) => j([{ role: "user", parts: [{ type: "text", content: text }] }]);

describe("span type from gen_ai.operation.name", () => {
  it.each([
    ["chat", "CHAT_MODEL"],
    ["text_completion", "LLM"],
    ["generate_content", "LLM"],
    ["embeddings", "EMBEDDING"],
    ["execute_tool", "TOOL"],
    ["create_agent", "AGENT"],
    ["invoke_agent", "AGENT"],
    ["retrieval", "RETRIEVER"],
    ["invoke_workflow", "WORKFLOW"],
    ["search_memory", "MEMORY"],
  ])("%s -> %s", (operation, type) => {
    expect(span({ "gen_ai.operation.name": operation }).spanType).toBe(type);
  });

  it("an unknown operation gives unknown-operation and the type is inferred (LLM when there is usage)", () => {
    const s = span({ "gen_ai.operation.name": "frobnicate", "gen_ai.usage.input_tokens": 3, "gen_ai.usage.output_tokens": 1 });
    expect(s.spanType).toBe("LLM");
    expect(codes(s)).toContain("unknown-operation");
    expect(span({ "gen_ai.operation.name": "frobnicate" }).spanType).toBe("UNKNOWN");
  });

  it("without an operation: messages -> CHAT_MODEL, tool keys -> TOOL, agent keys -> AGENT", () => {
    expect(span({ "gen_ai.input.messages": user("hi") }).spanType).toBe("CHAT_MODEL");
    expect(span({ "gen_ai.tool.name": "f", "gen_ai.tool.call.arguments": "{}" }).spanType).toBe("TOOL");
    expect(span({ "gen_ai.agent.name": "planner" }).spanType).toBe("AGENT");
  });

  it("an explicit mlflow.spanType wins", () => {
    expect(span({ "mlflow.spanType": '"AGENT"', "gen_ai.operation.name": "chat" }).spanType).toBe("AGENT");
  });
});

describe("model and provider", () => {
  it("response model over request model; both kept (inputs.model, outputs.model)", () => {
    const s = span({
      "gen_ai.operation.name": "chat",
      "gen_ai.request.model": "gpt-4o",
      "gen_ai.response.model": "gpt-4o-2024-08-06",
      "gen_ai.output.messages": j([{ role: "assistant", parts: [{ type: "text", content: "ok" }], finish_reason: "stop" }]),
    });
    expect(s.model).toBe("gpt-4o-2024-08-06");
    expect(s.inputs).toMatchObject({ model: "gpt-4o" });
    expect(s.outputs).toMatchObject({ model: "gpt-4o-2024-08-06" });
    expect(span({ "gen_ai.request.model": "m" }).model).toBe("m");
  });

  it("gen_ai.provider.name, falling back to the deprecated gen_ai.system (lower-cased, old names renamed)", () => {
    expect(span({ "gen_ai.provider.name": "anthropic", "gen_ai.system": "OpenAI" }).provider).toBe("anthropic");
    expect(span({ "gen_ai.system": "OpenAI" }).provider).toBe("openai");
    expect(span({ "gen_ai.system": "az.ai.inference" }).provider).toBe("azure.ai.inference");
  });
});

describe("request parameters into inputs", () => {
  it("maps every request key to its OpenAI-style name", () => {
    const s = span({
      "gen_ai.operation.name": "chat",
      "gen_ai.input.messages": user("hi"),
      "gen_ai.request.temperature": 0.2,
      "gen_ai.request.top_p": 0.9,
      "gen_ai.request.top_k": 40,
      "gen_ai.request.max_tokens": 64,
      "gen_ai.request.frequency_penalty": 0.1,
      "gen_ai.request.presence_penalty": 0.3,
      "gen_ai.request.stop_sequences": ["\n\n"],
      "gen_ai.request.seed": 7,
      "gen_ai.request.choice.count": 2,
      "gen_ai.request.stream": true,
    });
    expect(s.inputs).toEqual({
      messages: [{ role: "user", content: "hi" }],
      temperature: 0.2,
      top_p: 0.9,
      top_k: 40,
      max_tokens: 64,
      frequency_penalty: 0.1,
      presence_penalty: 0.3,
      stop: ["\n\n"],
      seed: 7,
      n: 2,
      stream: true,
    });
  });

  it("the deprecated gen_ai.openai.request.seed is read; the generic key wins", () => {
    expect(span({ "gen_ai.openai.request.seed": 3 }).inputs).toEqual({ seed: 3 });
    expect(span({ "gen_ai.openai.request.seed": 3, "gen_ai.request.seed": 4 }).inputs).toEqual({ seed: 4 });
  });

  it("a parameter of the wrong type is left out with invalid-value", () => {
    const s = span({ "gen_ai.request.temperature": "hot" });
    expect(s.inputs).toBeUndefined();
    expect(codes(s)).toContain("invalid-value");
  });
});

describe("token usage", () => {
  it("input/output tokens, total computed", () => {
    expect(span({ "gen_ai.usage.input_tokens": 26, "gen_ai.usage.output_tokens": 12 }).tokenUsage).toEqual({ input_tokens: 26, output_tokens: 12, total_tokens: 38 });
  });
  it("deprecated prompt_tokens / completion_tokens", () => {
    expect(span({ "gen_ai.usage.prompt_tokens": 5, "gen_ai.usage.completion_tokens": 2 }).tokenUsage).toEqual({ input_tokens: 5, output_tokens: 2, total_tokens: 7 });
  });
  it("cache read / creation (spec keys and the cache_write variant), reasoning, a given total", () => {
    expect(
      span({
        "gen_ai.usage.input_tokens": 100,
        "gen_ai.usage.output_tokens": 10,
        "gen_ai.usage.total_tokens": 110,
        "gen_ai.usage.cache_read.input_tokens": 40,
        "gen_ai.usage.cache_write.input_tokens": 20,
        "gen_ai.usage.reasoning.output_tokens": 4,
      }).tokenUsage,
    ).toEqual({ input_tokens: 100, output_tokens: 10, total_tokens: 110, cache_read_input_tokens: 40, cache_creation_input_tokens: 20, reasoning_tokens: 4 });
    expect(span({ "gen_ai.usage.input_tokens": 9, "gen_ai.usage.output_tokens": 1, "gen_ai.usage.cache_creation.input_tokens": 3 }).tokenUsage?.cache_creation_input_tokens).toBe(3);
  });
  it("zeros are real counts", () => {
    expect(span({ "gen_ai.usage.input_tokens": 0, "gen_ai.usage.output_tokens": 0 }).tokenUsage).toEqual({ input_tokens: 0, output_tokens: 0, total_tokens: 0 });
  });
  it("embeddings report an input count alone: {input_tokens} (nothing invented), no usage-incomplete warning", () => {
    const s = span({ "gen_ai.operation.name": "embeddings", "gen_ai.usage.input_tokens": 9 });
    expect(s.tokenUsage).toEqual({ input_tokens: 9 });
    expect(codes(s)).not.toContain("usage-incomplete");
  });
  it("an input count below the cache counts excludes them (Anthropic meaning): cache added, usage-cache-added", () => {
    const s = span({
      "gen_ai.usage.input_tokens": 21,
      "gen_ai.usage.output_tokens": 11,
      "gen_ai.usage.total_tokens": 32,
      "gen_ai.usage.cache_read.input_tokens": 2048,
      "gen_ai.usage.cache_creation.input_tokens": 1024,
    });
    expect(s.tokenUsage).toEqual({ input_tokens: 3093, output_tokens: 11, total_tokens: 3104, cache_read_input_tokens: 2048, cache_creation_input_tokens: 1024 });
    expect(codes(s)).toContain("usage-cache-added");
  });
  it("a count that is not a non-negative integer is ignored with invalid-token-count", () => {
    const s = span({ "gen_ai.usage.input_tokens": "lots", "gen_ai.usage.output_tokens": 2 });
    expect(s.tokenUsage).toEqual({ output_tokens: 2 });
    expect(codes(s)).toContain("invalid-token-count");
  });
});

describe("structured messages", () => {
  it("system instructions become the first message; output messages become choices", () => {
    const s = span({
      "gen_ai.operation.name": "chat",
      "gen_ai.system_instructions": j([{ type: "text", content: "Be brief." }]),
      "gen_ai.input.messages": user("What is 2+2?"),
      "gen_ai.output.messages": j([{ role: "assistant", parts: [{ type: "text", content: "4" }], finish_reason: "stop" }]),
    });
    expect(s.inputs).toEqual({ messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "What is 2+2?" }] });
    expect(s.outputs).toEqual({ choices: [{ index: 0, message: { role: "assistant", content: "4" }, finish_reason: "stop" }] });
    expect(s.messageFormat).toBe("openai");
  });

  it("tool calls, tool_call finish reason -> tool_calls, tool responses -> tool messages", () => {
    const s = span({
      "gen_ai.input.messages": j([
        { role: "user", parts: [{ type: "tool_call_response", id: "c1", response: [{ type: "text", text: "18C" }] }, { type: "text", content: "and now?" }] },
      ]),
      "gen_ai.output.messages": j([{ role: "assistant", parts: [{ type: "tool_call", id: "c2", name: "f", arguments: { a: 1 } }], finish_reason: "tool_call" }]),
    });
    expect((s.inputs as { messages: unknown }).messages).toEqual([
      { role: "tool", content: "18C", tool_call_id: "c1" },
      { role: "user", content: "and now?" },
    ]);
    expect(s.outputs).toEqual({
      choices: [{ index: 0, message: { role: "assistant", content: null, tool_calls: [{ id: "c2", type: "function", function: { name: "f", arguments: '{"a":1}' } }] }, finish_reason: "tool_calls" }],
    });
  });

  it("media parts stay media parts; reasoning stays a part", () => {
    const s = span({
      "gen_ai.input.messages": j([
        {
          role: "user",
          parts: [
            { type: "text", content: "look" },
            { type: "blob", modality: "image", mime_type: "image/png", content: "iVBO" },
            { type: "uri", modality: "image", uri: "https://x/y.png" },
            { type: "blob", modality: "audio", mime_type: "audio/wav", content: "UklG" },
            { type: "file", modality: "document", file_id: "file-1" },
          ],
        },
      ]),
      "gen_ai.output.messages": j([{ role: "assistant", parts: [{ type: "reasoning", content: "hmm" }, { type: "text", content: "a cat" }], finish_reason: "stop" }]),
    });
    expect((s.inputs as { messages: { content: unknown }[] }).messages[0]!.content).toEqual([
      { type: "text", text: "look" },
      { type: "image_url", image_url: { url: "data:image/png;base64,iVBO" } },
      { type: "image_url", image_url: { url: "https://x/y.png" } },
      { type: "input_audio", input_audio: { data: "UklG", format: "wav" } },
      { type: "file", file: { file_id: "file-1", modality: "document" } },
    ]);
    expect((s.outputs as { choices: { message: { content: unknown } }[] }).choices[0]!.message.content).toEqual([
      { type: "reasoning", text: "hmm" },
      { type: "text", text: "a cat" },
    ]);
  });

  it("older part shapes are normalised (text under `text`, `result`, `content` instead of parts, file_data)", () => {
    const s = span({
      "gen_ai.input.messages": j([
        { role: "user", content: "plain" },
        { role: "user", parts: [{ type: "text", text: "old text" }] },
        { role: "tool", parts: [{ type: "tool_call_response", id: "c1", result: "done" }] },
        { role: "user", parts: [{ type: "file_data", uri: "gs://b/o.png", mime_type: "image/png" }] },
      ]),
    });
    expect((s.inputs as { messages: unknown }).messages).toEqual([
      { role: "user", content: "plain" },
      { role: "user", content: "old text" },
      { role: "tool", content: "done", tool_call_id: "c1" },
      { role: "user", content: [{ type: "image_url", image_url: { url: "gs://b/o.png", mime_type: "image/png" } }] },
    ]);
    expect(s.diagnostics).toEqual([]);
  });

  it("finish reasons come from gen_ai.response.finish_reasons when the message has none", () => {
    const s = span({
      "gen_ai.output.messages": j([{ role: "assistant", parts: [{ type: "text", content: "x" }] }]),
      "gen_ai.response.finish_reasons": ["length"],
      "gen_ai.response.id": "resp-1",
    });
    expect(s.outputs).toEqual({ id: "resp-1", choices: [{ index: 0, message: { role: "assistant", content: "x" }, finish_reason: "length" }] });
  });

  it("gen_ai.tool.definitions (flat spec shape and the nested OpenAI shape) -> tools", () => {
    const flat = { type: "function", name: "f", description: "d", parameters: { type: "object" } };
    const nested = { type: "function", function: { name: "g", parameters: { type: "object" } } };
    expect(span({ "gen_ai.tool.definitions": j([flat, nested]) }).tools).toEqual([
      { type: "function", function: { name: "f", description: "d", parameters: { type: "object" } } },
      { type: "function", function: { name: "g", parameters: { type: "object" } } },
    ]);
  });

  it("bad JSON gives invalid-json; a bad message gives invalid-message and is left out", () => {
    expect(codes(span({ "gen_ai.input.messages": "[{not json" }))).toContain("invalid-json");
    const s = span({ "gen_ai.input.messages": j([{ role: "user" }, { role: "user", parts: [{ type: "text", content: "ok" }] }]) });
    expect(codes(s)).toContain("invalid-message");
    expect(s.inputs).toEqual({ messages: [{ role: "user", content: "ok" }] });
    expect(s.attributes["gen_ai.input.messages"]).toBeTypeOf("string");
  });
});

describe("content events", () => {
  const body = (name: string, b: unknown): Ev => ({ name, attributes: { "event.name": name, body: b as Attributes[string] } });

  it("system/user/assistant/tool message events and gen_ai.choice", () => {
    const s = span({ "gen_ai.operation.name": "chat" }, [
      body("gen_ai.system.message", { content: "sys" }),
      body("gen_ai.user.message", { content: "hi" }),
      body("gen_ai.assistant.message", { tool_calls: [{ id: "c1", type: "function", function: { name: "f", arguments: '{"x":1}' } }] }),
      body("gen_ai.tool.message", { id: "c1", content: "42" }),
      body("gen_ai.choice", { index: 0, finish_reason: "stop", message: { content: "done" } }),
    ]);
    expect(s.inputs).toEqual({
      messages: [
        { role: "system", content: "sys" },
        { role: "user", content: "hi" },
        { role: "assistant", content: null, tool_calls: [{ id: "c1", type: "function", function: { name: "f", arguments: '{"x":1}' } }] },
        { role: "tool", content: "42", tool_call_id: "c1" },
      ],
    });
    expect(s.outputs).toEqual({ choices: [{ index: 0, message: { role: "assistant", content: "done" }, finish_reason: "stop" }] });
  });

  it("the older gen_ai.event.content JSON attribute is read as the body", () => {
    const s = span({}, [{ name: "gen_ai.user.message", attributes: { "gen_ai.event.content": j({ role: "user", content: "old" }) } }]);
    expect(s.inputs).toEqual({ messages: [{ role: "user", content: "old" }] });
  });

  it("gen_ai.client.inference.operation.details carries structured messages", () => {
    const s = span({ "gen_ai.operation.name": "chat" }, [
      {
        name: "gen_ai.client.inference.operation.details",
        attributes: {
          "gen_ai.input.messages": [{ role: "user", parts: [{ type: "text", content: "q" }] }] as unknown as Attributes[string],
          "gen_ai.output.messages": user("unused").replace("user", "assistant"),
          "gen_ai.response.finish_reasons": ["stop"],
        },
      },
    ]);
    expect(s.inputs).toEqual({ messages: [{ role: "user", content: "q" }] });
    expect(s.outputs).toEqual({ choices: [{ index: 0, message: { role: "assistant", content: "unused" }, finish_reason: "stop" }] });
  });

  it("events without content (capture off) keep the structure and say so", () => {
    const s = span({}, [body("gen_ai.user.message", {})]);
    expect(s.inputs).toEqual({ messages: [{ role: "user", content: null }] });
    expect(codes(s)).toContain("content-not-captured");
  });
});

describe("deprecated content strings", () => {
  it("gen_ai.prompt / gen_ai.completion as plain text or JSON message lists", () => {
    expect(span({ "gen_ai.prompt": "Say hi" }).inputs).toEqual({ messages: [{ role: "user", content: "Say hi" }] });
    expect(span({ "gen_ai.prompt": j([{ role: "system", content: "s" }, { role: "user", content: "u" }]) }).inputs).toEqual({
      messages: [{ role: "system", content: "s" }, { role: "user", content: "u" }],
    });
    expect(span({ "gen_ai.completion": "hi", "gen_ai.response.finish_reasons": ["stop"] }).outputs).toEqual({
      choices: [{ index: 0, message: { role: "assistant", content: "hi" }, finish_reason: "stop" }],
    });
  });
});

describe("precedence", () => {
  it("structured messages over events over gen_ai.prompt", () => {
    const ev: Ev = { name: "gen_ai.user.message", attributes: { body: { content: "from event" } } };
    expect(span({ "gen_ai.input.messages": user("structured"), "gen_ai.prompt": "raw" }, [ev]).inputs).toEqual({ messages: [{ role: "user", content: "structured" }] });
    expect(span({ "gen_ai.prompt": "raw" }, [ev]).inputs).toEqual({ messages: [{ role: "user", content: "from event" }] });
  });

  it("mlflow.spanInputs wins and is not extended with request parameters", () => {
    const s = span({ "mlflow.spanInputs": j({ q: 1 }), "gen_ai.input.messages": user("x"), "gen_ai.request.temperature": 1 });
    expect(s.inputs).toEqual({ q: 1 });
  });

  it("indexed gen_ai.prompt.N.* keys are left to the OpenLLMetry parser", () => {
    const attributes = { "gen_ai.prompt.0.role": "user", "gen_ai.prompt.0.content": "hi", "gen_ai.completion.0.content": "yo", "gen_ai.request.model": "m" };
    expect(span(attributes).conventions).toEqual(["openllmetry", "genai"]);
    // The GenAI parser alone reads only the model; the indexed keys are the OpenLLMetry parser's.
    const ctx = new ParseContext(attributes, [], "s", undefined, undefined);
    runParser(parseGenAi, ctx);
    expect([...ctx.consumed]).toEqual(["gen_ai.request.model"]);
    expect(ctx.current("inputs")?.value).toEqual({ model: "m" });
  });
});

describe("tool execution spans", () => {
  it("arguments -> inputs, result -> outputs (JSON parsed when JSON)", () => {
    const s = span({ "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "get_weather", "gen_ai.tool.call.id": "c1", "gen_ai.tool.call.arguments": j({ city: "Paris" }), "gen_ai.tool.call.result": "sunny" });
    expect(s.spanType).toBe("TOOL");
    expect(s.inputs).toEqual({ city: "Paris" });
    expect(s.outputs).toBe("sunny");
    expect(s.attributes["gen_ai.tool.name"]).toBe("get_weather");
  });
});

describe("retrieval spans", () => {
  it("the query text is the inputs, the documents the outputs (content -> page_content, score and the rest -> metadata)", () => {
    const s = span({
      "gen_ai.operation.name": "retrieval",
      "gen_ai.retrieval.query.text": "capital of France",
      "gen_ai.retrieval.documents": j([{ id: "d1", score: 0.9, content: "Paris is the capital.", source: "wiki" }, { id: 7, score: 0.5, text: "Lyon" }, { id: "d3", score: 0.1 }]),
    });
    expect(s.spanType).toBe("RETRIEVER");
    expect(s.inputs).toBe("capital of France");
    expect(s.outputs).toEqual([
      { id: "d1", page_content: "Paris is the capital.", metadata: { score: 0.9, source: "wiki" } },
      { id: "7", page_content: "Lyon", metadata: { score: 0.5 } },
      { id: "d3", page_content: "", metadata: { score: 0.1 } },
    ]);
    expect(s.diagnostics).toEqual([]);
  });

  it("without an operation the retrieval keys make it a RETRIEVER", () => {
    expect(span({ "gen_ai.retrieval.query.text": "q" }).spanType).toBe("RETRIEVER");
  });

  it("an entry that is no document: invalid-document, left out, the attribute kept with keepSource: false", () => {
    const documents = j([{ id: "d1", score: 1, content: "a" }, "b", null]);
    const s = toMlflowSpan({ attributes: { "gen_ai.operation.name": "retrieval", "gen_ai.retrieval.documents": documents } }, { keepSource: false });
    expect(s.outputs).toEqual([{ id: "d1", page_content: "a", metadata: { score: 1 } }]);
    expect(codes(s)).toEqual(["invalid-document"]);
    expect(s.attributes["gen_ai.retrieval.documents"]).toBe(documents);
  });

  it("not a list, not JSON, a query that is not a string: diagnosed and kept raw", () => {
    expect(codes(span({ "gen_ai.retrieval.documents": '{"id":"d1"}' }))).toEqual(["invalid-value"]);
    expect(codes(span({ "gen_ai.retrieval.documents": "[{" }))).toEqual(["invalid-json"]);
    expect(codes(span({ "gen_ai.retrieval.query.text": 5 }))).toEqual(["invalid-value"]);
  });
});

describe("errors", () => {
  it("error.type and status stay on the span, with no diagnostics", () => {
    const s = toMlflowSpan({ name: "chat m", attributes: { "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.request.model": "m", "error.type": "BadRequestError" }, status: { code: 2, message: "400" } });
    expect(s.status).toEqual({ code: "ERROR", message: "400" });
    expect(s.attributes["error.type"]).toBe("BadRequestError");
    expect(s.diagnostics).toEqual([]);
    expect(s.outputs).toBeUndefined();
  });
});

describe("keepSource: false keeps structured values that were read only in part", () => {
  it("gen_ai.input.messages with a message left out stays in attributes; a clean one is dropped", () => {
    const partial = JSON.stringify([true, { role: "user", parts: [{ type: "text", content: "hi" }] }]);
    const lean = toMlflowSpan({ attributes: { "gen_ai.operation.name": "chat", "gen_ai.input.messages": partial } }, { keepSource: false });
    expect((lean.inputs as { messages: unknown[] }).messages).toEqual([{ role: "user", content: "hi" }]);
    expect(lean.attributes).toEqual({ "gen_ai.input.messages": partial });
    const clean = JSON.stringify([{ role: "user", parts: [{ type: "text", content: "hi" }] }]);
    expect(toMlflowSpan({ attributes: { "gen_ai.operation.name": "chat", "gen_ai.input.messages": clean } }, { keepSource: false }).attributes).toEqual({});
  });

  it("gen_ai.tool.definitions with an entry that is no tool stays in attributes", () => {
    const defs = JSON.stringify([0, { type: "function", name: "f" }]);
    const lean = toMlflowSpan({ attributes: { "gen_ai.operation.name": "chat", "gen_ai.tool.definitions": defs } }, { keepSource: false });
    expect(lean.tools?.map((t) => t.function.name)).toEqual(["f"]);
    expect(lean.attributes).toEqual({ "gen_ai.tool.definitions": defs });
  });

  it("gen_ai.tool.definitions none of whose entries is readable (Gemini CLI's functionDeclarations groups) gives no tools, not an empty list", () => {
    const defs = JSON.stringify([{ functionDeclarations: [{ name: "list_directory", parametersJsonSchema: { type: "object" } }] }]);
    const lean = toMlflowSpan({ attributes: { "gen_ai.operation.name": "chat", "gen_ai.tool.definitions": defs } }, { keepSource: false });
    expect(lean.tools).toBeUndefined();
    expect(lean.attributes).toEqual({ "gen_ai.tool.definitions": defs });
    expect(lean.diagnostics.map((d) => d.code)).toContain("invalid-value");
    // An empty list is a real "no tools".
    expect(span({ "gen_ai.operation.name": "chat", "gen_ai.tool.definitions": "[]" }).tools).toEqual([]);
  });

  it("gen_ai.output.messages none of whose messages is readable (Gemini contents) gives no outputs, not an empty choice list", () => {
    const out = JSON.stringify([{ role: "model", parts: [{ text: "Paris." }] }]);
    const parsed = toMlflowSpan({ attributes: { "gen_ai.operation.name": "chat", "gen_ai.output.messages": out } }, { keepSource: false });
    expect(parsed.outputs).toBeUndefined();
    expect(parsed.attributes).toEqual({ "gen_ai.output.messages": out });
    expect(parsed.diagnostics.map((d) => d.code)).toContain("invalid-message");
  });

  it("gen_ai.input.messages none of whose messages is readable gives no input messages, not an empty list", () => {
    const input = JSON.stringify([{ callId: "c1", name: "list_directory", args: { dir_path: "." } }]);
    const parsed = toMlflowSpan({ attributes: { "gen_ai.operation.name": "chat", "gen_ai.input.messages": input } }, { keepSource: false });
    expect((parsed.inputs as Record<string, unknown> | undefined)?.["messages"]).toBeUndefined();
    expect(parsed.attributes).toEqual({ "gen_ai.input.messages": input });
  });
});
