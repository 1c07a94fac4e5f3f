/**
 * The issue-13 fixtures (docs/issue-13-fixtures.md) are there to show one class of loss each. These
 * tests pin the raw fact each one carries, read through the public decoder, so that a re-capture
 * that stops showing the class (a new instrumentation version, a changed mock reply) fails here
 * instead of silently turning a fixture into a no-op. What the translation makes of the facts is
 * the golden's business (fixtures.test.ts), not this file's.
 */
import { describe, expect, it } from "vitest";
import type { DecodedSpan } from "../../src/index.js";
import { loadFixture } from "../helpers/fixtures.js";

const SYSTEM = "You are a concise assistant. Answer in one sentence.";

function only(id: string): DecodedSpan {
  const spans = loadFixture(id);
  expect(spans).toHaveLength(1);
  return spans[0]!;
}

function json(value: unknown): unknown {
  expect(typeof value).toBe("string");
  return JSON.parse(value as string) as unknown;
}

/** An event's attributes (optional in the span-like event type). */
function eventAttributes(event: { attributes?: Record<string, unknown> | undefined }): Record<string, unknown> {
  return event.attributes ?? {};
}

function keys(span: DecodedSpan, pattern: RegExp): string[] {
  return Object.keys(span.attributes).filter((k) => pattern.test(k));
}

describe("issue 13: content the fixtures hold outside the flattened keys", () => {
  it("otel-openai 0.22 Responses: input and output messages in two operation.details records", () => {
    const span = only("genai/otel-openai-022__responses");
    const details = span.events.filter((e) => e.name === "gen_ai.client.inference.operation.details");
    expect(details).toHaveLength(2);
    expect(Object.keys(eventAttributes(details[0]!))).toContain("gen_ai.input.messages");
    expect(Object.keys(eventAttributes(details[0]!))).not.toContain("gen_ai.output.messages");
    expect(eventAttributes(details[1]!)["gen_ai.output.messages"]).toEqual([
      {
        role: "assistant",
        parts: [{ type: "text", content: "The capital of France is Paris." }],
        finish_reason: "stop",
      },
    ]);
    // A plain string, not the JSON list of parts.
    expect(span.attributes["gen_ai.system_instructions"]).toBe(SYSTEM);
  });

  it("otel-openai 0.22 Responses: tool-call ids only in call_id", () => {
    const span = only("genai/otel-openai-022__responses-tool-result");
    const input = eventAttributes(span.events.find((e) => "gen_ai.input.messages" in eventAttributes(e))!)["gen_ai.input.messages"];
    const parts = (input as Array<{ parts: Array<Record<string, unknown>> }>).flatMap((m) => m.parts);
    const call = parts.find((p) => p["type"] === "tool_call")!;
    expect(call["call_id"]).toBe("call_fixture_0001");
    expect(typeof call["id"]).not.toBe("string");
  });

  it("Bedrock InvokeModel under OpenInference: the system prompt only in input.value", () => {
    for (const [id, system] of [
      ["openinference/openinference-bedrock__invoke-anthropic", SYSTEM],
      ["openinference/openinference-bedrock__invoke-nova", [{ text: SYSTEM }]],
    ] as const) {
      const span = only(id);
      expect((json(span.attributes["input.value"]) as { system: unknown }).system).toEqual(system);
      expect(keys(span, /^llm\.input_messages\.\d+\.message\.role$/).map((k) => span.attributes[k])).toEqual(["user"]);
    }
  });

  it("Bedrock Converse under OpenInference: the tool result only in input.value, the cache only in output.value", () => {
    const result = only("openinference/openinference-bedrock__converse-tool-result");
    const input = json(result.attributes["input.value"]) as { messages: Array<{ content: Array<Record<string, unknown>> }> };
    expect(input.messages[2]!.content[0]!["toolResult"]).toMatchObject({
      toolUseId: "tooluse_fixture_0001",
      content: [{ json: { temperature: 18, condition: "sunny" } }],
    });
    expect(keys(result, /^llm\.input_messages\.2\.message\.(content|contents\.)/)).toEqual([]);
    expect(json(result.attributes["llm.tools.0.tool.json_schema"])).toMatchObject({ toolSpec: { name: "get_weather" } });

    const cached = only("openinference/openinference-bedrock__converse");
    expect((json(cached.attributes["output.value"]) as { usage: unknown }).usage).toEqual({
      inputTokens: 21,
      outputTokens: 11,
      totalTokens: 2592,
      cacheReadInputTokens: 2048,
      cacheWriteInputTokens: 512,
    });
    expect(keys(cached, /prompt_details/)).toEqual([]);
    expect(cached.attributes["llm.provider"]).toBe("aws");
  });

  it("LangChain under OpenInference: image part and earlier tool call only in input.value", () => {
    const span = only("openinference/openinference-langchain-more__history-tools-image");
    const raw = span.attributes["input.value"] as string;
    expect(raw).toContain('"image_url"');
    expect(raw).toContain('"call_fixture_0001"');
    expect(keys(span, /^llm\.input_messages\.1\.message\.(content|contents\.)/)).toEqual([]);
    expect(keys(span, /^llm\.input_messages\.2\.message\.tool_calls/)).toEqual([]);
  });

  it("OpenInference Anthropic: the image data only in input.value", () => {
    const span = only("openinference/openinference-anthropic-more__messages-image");
    expect(span.attributes["llm.input_messages.0.message.contents.0.message_content.image.media_type"]).toBe("image/png");
    expect(keys(span, /image\.image\.url|image\.url/)).toEqual([]);
    expect(span.attributes["input.value"] as string).toContain('"data":"iVBORw0KGgo');
  });

  it("AI SDK 7 GenAI spans: tool definitions with inputSchema", () => {
    const chat = loadFixture("genai/ai-sdk-otel__anthropic-tools").find((s) => s.name.startsWith("chat "))!;
    const tools = json(chat.attributes["gen_ai.tool.definitions"]) as Array<Record<string, unknown>>;
    expect(tools[0]).toMatchObject({ type: "function", name: "get_weather", inputSchema: { type: "object" } });
  });

  it("Traceloop Cohere rerank: documents as documents.N.index", () => {
    const span = only("openllmetry/traceloop-cohere__rerank");
    expect(keys(span, /^documents\./).map((k) => [k, span.attributes[k]])).toEqual([
      ["documents.0.index", "Berlin is the capital of Germany."],
      ["documents.1.index", "Paris is the capital and largest city of France."],
      ["documents.2.index", "The Eiffel Tower stands in Paris."],
      ["documents.3.index", "Madrid is the capital of Spain."],
    ]);
  });

  it("OpenLIT embeddings: gen_ai.input.messages is the plain input string", () => {
    expect(only("genai/openlit-openai__embeddings-string").attributes["gen_ai.input.messages"]).toBe("The quick brown fox");
  });

  it("Traceloop Anthropic streaming: the tool call is recorded with empty arguments", () => {
    const span = only("openllmetry/traceloop-anthropic-more__stream-tools");
    const output = json(span.attributes["gen_ai.output.messages"]) as Array<{ parts: Array<Record<string, unknown>> }>;
    expect(output[0]!.parts.find((p) => p["type"] === "tool_call")).toMatchObject({ name: "get_weather", arguments: {} });
  });
});

describe("issue 13: token counts whose meaning depends on the source", () => {
  it("Traceloop Anthropic 0.27: cache-exclusive input larger than the cache", () => {
    const a = only("openllmetry/traceloop-anthropic-more__cache-uncached-larger").attributes;
    expect([a["gen_ai.usage.input_tokens"], a["gen_ai.usage.cache_read.input_tokens"], a["gen_ai.usage.cache_creation.input_tokens"]]).toEqual([
      5000, 2000, 500,
    ]);
    expect(a["gen_ai.usage.total_tokens"]).toBe(5015);
  });

  it("AI SDK 5 with Anthropic: cache-exclusive prompt count, cache only in provider metadata", () => {
    for (const span of loadFixture("vercel-ai/vercel-ai-v5__anthropic-generate-text")) {
      expect(span.attributes["ai.usage.promptTokens"]).toBe(21);
      expect(keys(span, /cache/i).filter((k) => k !== "ai.response.providerMetadata")).toEqual([]);
      const meta = json(span.attributes["ai.response.providerMetadata"]) as {
        anthropic: { cacheCreationInputTokens: number; usage: { cache_read_input_tokens: number } };
      };
      expect([meta.anthropic.usage.cache_read_input_tokens, meta.anthropic.cacheCreationInputTokens]).toEqual([2048, 1024]);
    }
  });

  it("AI SDK 7: input includes the cache", () => {
    const chat = loadFixture("genai/ai-sdk-otel__anthropic-generate-text").find((s) => s.name.startsWith("chat "))!;
    expect(chat.attributes["gen_ai.usage.input_tokens"]).toBe(21 + 2048 + 1024);
  });
});

describe("issue 13: session keys", () => {
  it("otel-openai 0.22 Responses: gen_ai.conversation.id", () => {
    expect(only("genai/otel-openai-022__responses-conversation").attributes["gen_ai.conversation.id"]).toBe("conv_fixture_0001");
  });
});

describe("issue 13: AI SDK 7 operations", () => {
  it("agent_step, decide and extract spans", () => {
    const ops = (id: string): unknown[] => loadFixture(id).map((s) => s.attributes["gen_ai.operation.name"]);
    expect(ops("genai/ai-sdk-otel__anthropic-tools")).toEqual([
      "invoke_agent",
      "agent_step",
      "chat",
      "execute_tool",
      "agent_step",
      "chat",
    ]);
    expect(ops("genai/ai-sdk-otel__decide")).toEqual(["decide", "decide"]);
    expect(ops("genai/ai-sdk-otel__extract")).toEqual(["extract", "extract"]);
    expect(loadFixture("genai/ai-sdk-otel__decide")[0]!.attributes["ai.decision.answers"]).toBeTypeOf("string");
  });
});

describe("issue 13: the model only in MLflow's span inputs / outputs", () => {
  it("MLflow 3.9 OpenAI autolog (built from source): no model key, the request's and the response's model in the JSON", () => {
    for (const id of ["mlflow/mlflow-autolog__chat", "mlflow/mlflow-autolog__chat-tools"]) {
      const span = only(id);
      expect(span.attributes["mlflow.spanType"], id).toBe('"CHAT_MODEL"');
      expect((json(span.attributes["mlflow.spanInputs"]) as { model: unknown }).model, id).toBe("gpt-4o-mini");
      expect((json(span.attributes["mlflow.spanOutputs"]) as { model: unknown }).model, id).toBe("gpt-4o-mini-2024-07-18");
      // No mlflow.llm.model, gen_ai.*.model or llm.model_name: only the plain kwarg `model`, a key no
      // convention (nor MLflow's server) reads as the model.
      expect(keys(span, /model/), id).toEqual(["model"]);
    }
  });
});
