/** Attribute -> canonical field, one row per rule of the Vercel AI SDK parser (docs/vercel-ai.md lists the same rules). */
import { describe, expect, it } from "vitest";
import { detectConventions, toMlflowSpan, type Attributes, type MlflowSpan } from "../../../src/index.js";

const span = (attributes: Attributes): MlflowSpan => toMlflowSpan({ name: "s", attributes });
const j = (v: unknown) => JSON.stringify(v);
const codes = (s: MlflowSpan) => s.diagnostics.map((d) => d.code);
const messages = (s: MlflowSpan) => (s.inputs as { messages: unknown[] }).messages;
const reply = (s: MlflowSpan) => (s.outputs as { choices: { message: unknown; finish_reason: unknown }[] }).choices[0];
const model = (prompt: unknown[], extra: Attributes = {}) => span({ "ai.operationId": "ai.generateText.doGenerate", "ai.prompt.messages": j(prompt), ...extra });

describe("detection", () => {
  it("the SDK's namespaces mark a span; another ai.* key does not", () => {
    expect(detectConventions({ attributes: { "ai.operationId": "ai.toolCall" } })).toEqual(["vercel-ai"]);
    expect(detectConventions({ attributes: { "ai.usage.inputTokens": 1, "gen_ai.request.model": "m" } })).toEqual(["vercel-ai", "genai"]);
    expect(detectConventions({ attributes: { "ai.session": "x", "ai.operationIdentifier": "y" } })).toEqual([]);
  });
});

describe("span type from ai.operationId", () => {
  it.each([
    ["ai.generateText", "LLM"],
    ["ai.streamText", "LLM"],
    ["ai.generateObject", "LLM"],
    ["ai.streamObject", "LLM"],
    ["ai.generateText.doGenerate", "CHAT_MODEL"],
    ["ai.streamText.doStream", "CHAT_MODEL"],
    ["ai.generateObject.doGenerate", "CHAT_MODEL"],
    ["ai.streamObject.doStream", "CHAT_MODEL"],
    ["ai.toolCall", "TOOL"],
    ["ai.embed", "EMBEDDING"],
    ["ai.embedMany", "EMBEDDING"],
    ["ai.embed.doEmbed", "EMBEDDING"],
    ["ai.embedMany.doEmbed", "EMBEDDING"],
    ["ai.rerank", "RERANKER"],
    ["ai.rerank.doRerank", "RERANKER"],
  ])("%s -> %s", (operation, type) => {
    expect(span({ "ai.operationId": operation }).spanType).toBe(type);
  });

  it("an unknown operation gives unknown-operation and the type is inferred", () => {
    const s = span({ "ai.operationId": "ai.workflowAgent.stream", "ai.usage.inputTokens": 3, "ai.usage.outputTokens": 0 });
    expect(s.spanType).toBe("LLM");
    expect(codes(s)).toEqual(["unknown-operation"]);
    expect(s.attributes["ai.operationId"]).toBe("ai.workflowAgent.stream");
    expect(span({ "ai.prompt.messages": j([{ role: "user", content: "hi" }]) }).spanType).toBe("CHAT_MODEL");
    expect(span({ "ai.toolCall.name": "f", "ai.toolCall.args": "{}" }).spanType).toBe("TOOL");
  });

  it("an explicit mlflow.spanType wins", () => {
    expect(span({ "mlflow.spanType": '"AGENT"', "ai.operationId": "ai.generateText" }).spanType).toBe("AGENT");
  });
});

describe("model, provider and settings", () => {
  it("response model over the requested one; the requested one in inputs.model", () => {
    const s = model([{ role: "user", content: "hi" }], { "ai.model.id": "gpt-4o", "ai.response.model": "gpt-4o-2024-08-06", "ai.response.text": "ok" });
    expect(s.model).toBe("gpt-4o-2024-08-06");
    expect(s.inputs).toMatchObject({ model: "gpt-4o" });
    expect(s.outputs).toMatchObject({ model: "gpt-4o-2024-08-06" });
  });

  it.each([
    ["openai.chat", "openai"],
    ["openai.responses", "openai"],
    ["anthropic.messages", "anthropic"],
    ["google.generative-ai", "gcp.gemini"],
    ["google.vertex.chat", "gcp.vertex_ai"],
    ["amazon-bedrock", "aws.bedrock"],
    ["azure.chat", "azure.ai.openai"],
    ["mistral.chat", "mistral_ai"],
    ["xai.chat", "x_ai"],
    ["groq.chat", "groq"],
  ])("provider %s -> %s", (raw, provider) => {
    expect(span({ "ai.model.provider": raw }).provider).toBe(provider);
  });

  it("gen_ai.provider.name, where present, wins over the SDK's provider id; gen_ai.system does not", () => {
    expect(span({ "ai.model.provider": "openai.chat", "gen_ai.system": "openai.chat" }).provider).toBe("openai");
    expect(span({ "ai.model.provider": "openai.chat", "gen_ai.provider.name": "azure.ai.openai" }).provider).toBe("azure.ai.openai");
  });

  it("call settings become request parameters; maxRetries and others stay attributes; a wrong type is reported", () => {
    const s = model([{ role: "user", content: "hi" }], {
      "ai.settings.maxOutputTokens": 64,
      "ai.settings.temperature": 0.5,
      "ai.settings.topP": 0.9,
      "ai.settings.topK": 40,
      "ai.settings.presencePenalty": 0.1,
      "ai.settings.frequencyPenalty": 0.2,
      "ai.settings.seed": 7,
      "ai.settings.stopSequences": ["END"],
      "ai.settings.maxRetries": 2,
    });
    expect(s.inputs).toEqual({
      messages: [{ role: "user", content: "hi" }],
      max_tokens: 64, temperature: 0.5, top_p: 0.9, top_k: 40, presence_penalty: 0.1, frequency_penalty: 0.2, seed: 7, stop: ["END"],
    });
    const bad = model([{ role: "user", content: "hi" }], { "ai.settings.temperature": "hot" });
    expect(codes(bad)).toEqual(["invalid-value"]);
    expect(bad.inputs).toEqual({ messages: [{ role: "user", content: "hi" }] });
  });

  it("AI SDK 4's maxTokens is read when maxOutputTokens is absent", () => {
    expect(model([{ role: "user", content: "hi" }], { "ai.settings.maxTokens": 10 }).inputs).toMatchObject({ max_tokens: 10 });
  });
});

describe("token usage", () => {
  it("counts, cache and reasoning details, the total", () => {
    const s = span({
      "ai.usage.inputTokens": 30, "ai.usage.outputTokens": 12, "ai.usage.totalTokens": 42,
      "ai.usage.inputTokenDetails.cacheReadTokens": 16, "ai.usage.inputTokenDetails.cacheWriteTokens": 4, "ai.usage.inputTokenDetails.noCacheTokens": 10,
      "ai.usage.outputTokenDetails.reasoningTokens": 5, "ai.usage.outputTokenDetails.textTokens": 7,
    });
    expect(s.tokenUsage).toEqual({ input_tokens: 30, output_tokens: 12, total_tokens: 42, cache_read_input_tokens: 16, cache_creation_input_tokens: 4, reasoning_tokens: 5 });
  });

  it("AI SDK 4 spellings (promptTokens, completionTokens) and the older flat cache/reasoning keys", () => {
    const s = span({ "ai.usage.promptTokens": 9, "ai.usage.completionTokens": 3, "ai.usage.cachedInputTokens": 2, "ai.usage.reasoningTokens": 1 });
    expect(s.tokenUsage).toEqual({ input_tokens: 9, output_tokens: 3, total_tokens: 12, cache_read_input_tokens: 2, reasoning_tokens: 1 });
  });

  it("AI SDK 5 with Anthropic: a non-zero cache count in ai.response.providerMetadata, whatever its layout, is added; zeros and nulls add nothing", () => {
    const meta = (usage: object, top: object = {}) =>
      span({ "ai.usage.inputTokens": 10, "ai.usage.outputTokens": 2, "ai.response.providerMetadata": JSON.stringify({ anthropic: { usage: { input_tokens: 10, ...usage }, ...top } }, null, 1) }).tokenUsage;
    expect(meta({ cache_read_input_tokens: 4 })).toEqual({ input_tokens: 14, output_tokens: 2, total_tokens: 16, cache_read_input_tokens: 4 });
    expect(meta({ cache_creation_input_tokens: 0 }, { cacheCreationInputTokens: 3 })).toEqual({ input_tokens: 10, output_tokens: 2, total_tokens: 12 });
    expect(meta({}, { cacheCreationInputTokens: 3 })).toEqual({ input_tokens: 13, output_tokens: 2, total_tokens: 15, cache_creation_input_tokens: 3 });
    expect(meta({ cache_creation_input_tokens: "5" })).toEqual({ input_tokens: 15, output_tokens: 2, total_tokens: 17, cache_creation_input_tokens: 5 });
    expect(meta({ cache_creation_input_tokens: 0, cache_read_input_tokens: 0 }, { cacheCreationInputTokens: null })).toEqual({ input_tokens: 10, output_tokens: 2, total_tokens: 12 });
    // Anthropic's input count written as 10.0 or "10" is the same count; one that differs adds nothing.
    const text = (input: string) => `{"anthropic":{"usage":{"input_tokens": ${input} ,"cache_read_input_tokens":4}}}`;
    const withText = (input: string) => span({ "ai.usage.inputTokens": 10, "ai.usage.outputTokens": 2, "ai.response.providerMetadata": text(input) }).tokenUsage;
    for (const same of ["10", "10.0", "1e1", '"10"']) expect(withText(same)).toMatchObject({ input_tokens: 14, cache_read_input_tokens: 4 });
    for (const other of ["1", "100", "11"]) expect(withText(other)).toEqual({ input_tokens: 10, output_tokens: 2, total_tokens: 12 });
  });

  it("a zero is a real count", () => {
    expect(span({ "ai.usage.inputTokens": 0, "ai.usage.outputTokens": 0 }).tokenUsage).toEqual({ input_tokens: 0, output_tokens: 0, total_tokens: 0 });
  });

  it("a bad count is reported and ignored; breakdowns that do not add up stay attributes with keepSource: false", () => {
    const s = span({ "ai.usage.inputTokens": "many", "ai.usage.outputTokens": 2 });
    expect(codes(s)).toContain("invalid-token-count");
    expect(s.tokenUsage).toMatchObject({ output_tokens: 2 });
    const lean = toMlflowSpan({ attributes: { "ai.usage.inputTokens": 10, "ai.usage.outputTokens": 2, "ai.usage.inputTokenDetails.noCacheTokens": 3, "ai.usage.outputTokenDetails.textTokens": 2 } }, { keepSource: false });
    expect(lean.attributes).toEqual({ "ai.usage.inputTokenDetails.noCacheTokens": 3 });
  });

  it("the GenAI counts on the same span agree and add nothing; the GenAI parser fills a count ai.usage lacks", () => {
    expect(span({ "ai.usage.inputTokens": 5, "ai.usage.outputTokens": 1, "gen_ai.usage.input_tokens": 5, "gen_ai.usage.output_tokens": 1 }).tokenUsage).toEqual({ input_tokens: 5, output_tokens: 1, total_tokens: 6 });
    expect(span({ "ai.usage.inputTokens": 5, "gen_ai.usage.output_tokens": 1 }).tokenUsage).toEqual({ input_tokens: 5, output_tokens: 1, total_tokens: 6 });
  });
});

describe("prompt messages (ai.prompt.messages)", () => {
  it("system, user text parts, assistant text + reasoning + tool calls, tool results", () => {
    const s = model([
      { role: "system", content: "be brief" },
      { role: "user", content: [{ type: "text", text: "hi" }, { type: "text", text: "there" }] },
      { role: "assistant", content: [{ type: "reasoning", text: "think" }, { type: "text", text: "calling" }, { type: "tool-call", toolCallId: "c1", toolName: "f", input: { a: 1 } }] },
      { role: "tool", content: [{ type: "tool-result", toolCallId: "c1", toolName: "f", output: { type: "json", value: { ok: true } } }] },
    ]);
    expect(messages(s)).toEqual([
      { role: "system", content: "be brief" },
      { role: "user", content: [{ type: "text", text: "hi" }, { type: "text", text: "there" }] },
      { role: "assistant", content: [{ type: "reasoning", text: "think" }, { type: "text", text: "calling" }], tool_calls: [{ id: "c1", type: "function", function: { name: "f", arguments: '{"a":1}' } }] },
      { role: "tool", content: '{"ok":true}', tool_call_id: "c1" },
    ]);
    expect(s.messageFormat).toBe("openai");
    expect(s.diagnostics).toEqual([]);
  });

  it("each tool result of one tool message becomes a tool message of its own", () => {
    const s = model([{ role: "tool", content: [
      { type: "tool-result", toolCallId: "a", toolName: "f", output: { type: "text", value: "plain" } },
      { type: "tool-result", toolCallId: "b", toolName: "f", output: { type: "error-text", value: "boom" } },
      { type: "tool-result", toolCallId: "c", toolName: "f", output: { type: "content", value: [{ type: "text", text: "x" }, { type: "text", text: "y" }] } },
      { type: "tool-result", toolCallId: "d", toolName: "f", output: { type: "execution-denied", reason: "not allowed" } },
      // AI SDK 4: `result`, any value.
      { type: "tool-result", toolCallId: "e", toolName: "f", result: { t: 18 } },
    ] }]);
    expect(messages(s)).toEqual([
      { role: "tool", content: "plain", tool_call_id: "a" },
      { role: "tool", content: "boom", tool_call_id: "b" },
      { role: "tool", content: "xy", tool_call_id: "c" },
      { role: "tool", content: "not allowed", tool_call_id: "d" },
      { role: "tool", content: '{"t":18}', tool_call_id: "e" },
    ]);
  });

  it("media parts stay media parts: images as image_url, audio as input_audio, documents as file", () => {
    const s = model([{ role: "user", content: [
      { type: "file", mediaType: "image/png", data: "iVBORw0K" },
      { type: "file", mediaType: "image/jpeg", data: "https://example.com/cat.jpg" },
      { type: "file", mediaType: "audio/wav", data: "UklGRg==" },
      { type: "file", mediaType: "application/pdf", data: "JVBERi0=", filename: "a.pdf" },
      // Caller-level image part (ai.prompt) and AI SDK 4's mimeType.
      { type: "image", image: "https://example.com/dog.png" },
      { type: "file", mimeType: "image/gif", data: "R0lGOD" },
    ] }]);
    expect(messages(s)).toEqual([{ role: "user", content: [
      { type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0K" } },
      { type: "image_url", image_url: { url: "https://example.com/cat.jpg" } },
      { type: "input_audio", input_audio: { data: "UklGRg==", format: "wav" } },
      { type: "file", file: { file_data: "data:application/pdf;base64,JVBERi0=", filename: "a.pdf" } },
      { type: "image_url", image_url: { url: "https://example.com/dog.png" } },
      { type: "image_url", image_url: { url: "data:image/gif;base64,R0lGOD" } },
    ] }]);
  });

  it("AI SDK 4 tool calls carry args instead of input", () => {
    const s = model([{ role: "assistant", content: [{ type: "tool-call", toolCallId: "c1", toolName: "f", args: { q: "x" } }] }]);
    expect(messages(s)).toEqual([{ role: "assistant", content: null, tool_calls: [{ id: "c1", type: "function", function: { name: "f", arguments: '{"q":"x"}' } }] }]);
  });

  it("an unknown part type is kept as it came, with unknown-content-part", () => {
    const s = model([{ role: "assistant", content: [{ type: "source", url: "https://x", sourceType: "url" }] }]);
    expect(messages(s)).toEqual([{ role: "assistant", content: [{ type: "source", url: "https://x", sourceType: "url" }] }]);
    expect(codes(s)).toEqual(["unknown-content-part"]);
  });

  it("an entry that is no message is left out with invalid-message; the attribute then stays with keepSource: false", () => {
    const attributes = { "ai.operationId": "ai.generateText.doGenerate", "ai.prompt.messages": j([{ role: "user", content: "hi" }, 42, { content: "no role" }]) };
    const s = toMlflowSpan({ attributes }, { keepSource: false });
    expect(messages(s)).toEqual([{ role: "user", content: "hi" }]);
    expect(codes(s)).toEqual(["invalid-message", "invalid-message"]);
    expect(s.attributes["ai.prompt.messages"]).toBe(attributes["ai.prompt.messages"]);
  });

  it("not JSON: invalid-json, kept raw, no inputs; JSON that is no list: invalid-message", () => {
    const s = model([], { "ai.prompt.messages": "[{oops" });
    expect(codes(s)).toEqual(["invalid-json"]);
    expect(s.inputs).toBeUndefined();
    expect(codes(model([], { "ai.prompt.messages": '{"role":"user"}' }))).toEqual(["invalid-message"]);
  });
});

describe("outer call prompt (ai.prompt)", () => {
  it.each([
    [{ system: "sys", prompt: "q" }, [{ role: "system", content: "sys" }, { role: "user", content: "q" }]],
    [{ prompt: [{ role: "user", content: [{ type: "text", text: "q" }] }] }, [{ role: "user", content: "q" }]],
    [{ system: "sys", messages: [{ role: "user", content: "q" }, { role: "assistant", content: "a" }] }, [{ role: "system", content: "sys" }, { role: "user", content: "q" }, { role: "assistant", content: "a" }]],
    [{ system: { role: "system", content: "sys" }, prompt: "q" }, [{ role: "system", content: "sys" }, { role: "user", content: "q" }]],
  ])("%j", (prompt, expected) => {
    expect(messages(span({ "ai.operationId": "ai.generateText", "ai.prompt": j(prompt) }))).toEqual(expected);
  });

  it("a provider request's messages win over a caller prompt on the same span", () => {
    const s = span({ "ai.prompt": j({ prompt: "caller" }), "ai.prompt.messages": j([{ role: "user", content: "provider" }]) });
    expect(messages(s)).toEqual([{ role: "user", content: "provider" }]);
  });
});

describe("response", () => {
  it("text, reasoning and the finish reason in the SDK's vocabulary mapped to OpenAI's", () => {
    const s = model([{ role: "user", content: "hi" }], { "ai.response.text": "ok", "ai.response.reasoning": "hmm", "ai.response.finishReason": "content-filter", "ai.response.id": "r1" });
    expect(s.outputs).toEqual({ id: "r1", choices: [{ index: 0, message: { role: "assistant", content: [{ type: "reasoning", text: "hmm" }, { type: "text", text: "ok" }] }, finish_reason: "content_filter" }] });
  });

  it.each([
    ["stop", "stop"],
    ["length", "length"],
    ["tool-calls", "tool_calls"],
    ["content-filter", "content_filter"],
    ["error", "error"],
    ["other", "other"],
  ])("finish reason %s -> %s", (raw, canonical) => {
    expect(reply(model([], { "ai.response.finishReason": raw }))!.finish_reason).toBe(canonical);
  });

  it("tool calls (input as JSON text; AI SDK 4's args) and an entry that is no tool call", () => {
    const s = model([], { "ai.response.toolCalls": j([{ toolCallId: "c1", toolName: "f", input: '{"a":1}' }, { toolCallId: "c2", toolName: "g", args: { b: 2 } }, { nope: 1 }]) });
    expect(reply(s)!.message).toEqual({
      role: "assistant",
      content: null,
      tool_calls: [
        { id: "c1", type: "function", function: { name: "f", arguments: '{"a":1}' } },
        { id: "c2", type: "function", function: { name: "g", arguments: '{"b":2}' } },
      ],
    });
    expect(codes(s)).toEqual(["invalid-value"]);
  });

  it("a generated object is the reply's text", () => {
    const s = span({ "ai.operationId": "ai.generateObject", "ai.prompt": j({ prompt: "q" }), "ai.response.object": '{"name":"x"}', "ai.response.finishReason": "stop" });
    expect(reply(s)).toEqual({ index: 0, message: { role: "assistant", content: '{"name":"x"}' }, finish_reason: "stop" });
  });
});

describe("tools offered (ai.prompt.tools, ai.prompt.toolChoice)", () => {
  const fn = j({ type: "function", name: "f", description: "d", inputSchema: { type: "object" } });
  it("function tools (inputSchema; AI SDK 4's parameters); provider tools are not ChatTools and keep the attribute", () => {
    const attributes = { "ai.operationId": "ai.generateText.doGenerate", "ai.prompt.messages": "[]", "ai.prompt.tools": [fn, j({ name: "g", parameters: { type: "object" } }), j({ type: "provider", id: "openai.web_search", name: "web_search", args: {} })] };
    const s = toMlflowSpan({ attributes }, { keepSource: false });
    expect(s.tools).toEqual([
      { type: "function", function: { name: "f", description: "d", parameters: { type: "object" } } },
      { type: "function", function: { name: "g", parameters: { type: "object" } } },
    ]);
    expect(s.diagnostics).toEqual([]);
    expect(s.attributes["ai.prompt.tools"]).toBe(attributes["ai.prompt.tools"]);
  });

  it("an entry that is not JSON or has no name: invalid-tool", () => {
    const s = model([], { "ai.prompt.tools": [fn, "{oops", j({ type: "function" })] });
    expect(s.tools?.map((t) => t.function.name)).toEqual(["f"]);
    expect(codes(s)).toEqual(["invalid-tool", "invalid-tool"]);
  });

  it.each([
    [{ type: "auto" }, "auto"],
    [{ type: "none" }, "none"],
    [{ type: "required" }, "required"],
    [{ type: "tool", toolName: "f" }, { type: "function", function: { name: "f" } }],
  ])("tool choice %j -> %j", (choice, expected) => {
    expect(model([], { "ai.prompt.toolChoice": j(choice) }).inputs).toMatchObject({ tool_choice: expected });
  });
});

describe("tool calls, embeddings, reranking", () => {
  it("tool span: args in, result out (JSON parsed; text that is not JSON stays text)", () => {
    const s = span({ "ai.operationId": "ai.toolCall", "ai.toolCall.name": "f", "ai.toolCall.id": "c1", "ai.toolCall.args": '{"q":1}', "ai.toolCall.result": "plain text" });
    expect(s.spanType).toBe("TOOL");
    expect(s.inputs).toEqual({ q: 1 });
    expect(s.outputs).toBe("plain text");
    // The input / output spellings of some releases.
    const t = span({ "ai.operationId": "ai.toolCall", "ai.toolCall.input": "[1]", "ai.toolCall.output": "2" });
    expect([t.inputs, t.outputs]).toEqual([[1], 2]);
  });

  it("embedMany: each value and each vector is its own JSON string", () => {
    const s = span({ "ai.operationId": "ai.embedMany", "ai.values": ['"a"', '"b"'], "ai.embeddings": ["[1,2]", "[3,4]"], "ai.usage.tokens": 2 });
    expect(s.inputs).toEqual({ input: ["a", "b"] });
    expect(s.outputs).toEqual({ data: [{ index: 0, object: "embedding", embedding: [1, 2] }, { index: 1, object: "embedding", embedding: [3, 4] }] });
    expect(s.tokenUsage).toEqual({ input_tokens: 2 });
  });

  it("an embedding list item that is not JSON: invalid-json, the attribute kept, no outputs", () => {
    const s = toMlflowSpan({ attributes: { "ai.operationId": "ai.embedMany", "ai.embeddings": ["[1,2", "[3]"] } }, { keepSource: false });
    expect(codes(s)).toEqual(["invalid-json"]);
    expect(s.outputs).toBeUndefined();
    expect(s.attributes).toHaveProperty("ai.embeddings");
  });

  it("rerank: the documents sent and the ranking returned", () => {
    const s = span({ "ai.operationId": "ai.rerank.doRerank", "ai.documents": ['"paris"', '"lyon"'], "ai.ranking": [j({ index: 1, relevanceScore: 0.9 })] });
    expect(s.spanType).toBe("RERANKER");
    expect(s.inputs).toEqual({ documents: ["paris", "lyon"] });
    expect(s.outputs).toEqual([{ index: 1, relevanceScore: 0.9 }]);
  });
});

describe("hostile values", () => {
  it("__proto__ keys in parts and wrong value types never throw and never reach a prototype", () => {
    const s = model([{ role: "user", content: [JSON.parse('{"type":"weird","__proto__":{"polluted":1}}')] }], { "ai.response.toolCalls": 5, "ai.prompt.tools": 7, "ai.response.text": 9, "ai.values": "x" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(codes(s)).toEqual(expect.arrayContaining(["unknown-content-part", "invalid-value", "invalid-tool"]));
  });
});
