/**
 * Emitting GenAI attributes: every fixture's translation is written back and its message JSON is
 * checked against the message schemas (src/conventions/genai.ts, written from the official JSON
 * schemas and at least as strict for every part type we write).
 */
import { describe, expect, it } from "vitest";
import { fromMlflowSpan, toMlflowSpan, type Attributes, type MlflowSpan } from "../../../src/index.js";
import { GenAiInputMessagesSchema, GenAiOutputMessagesSchema, GenAiPartSchema, GenAiSystemInstructionsSchema, GenAiToolDefinitionsSchema } from "../../../src/schemas/genai.js";
import { listFixtures, loadFixture } from "../../helpers/fixtures.js";
import { itFixture } from "../../helpers/known-failures.js";

function validateMessageJson(attributes: Attributes): void {
  const check = (key: string, schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } }) => {
    const raw = attributes[key];
    if (raw === undefined) return;
    expect(typeof raw, key).toBe("string");
    const result = schema.safeParse(JSON.parse(raw as string));
    expect(result.success, `${key}: ${JSON.stringify(result.error)}`).toBe(true);
  };
  check("gen_ai.input.messages", GenAiInputMessagesSchema);
  check("gen_ai.output.messages", GenAiOutputMessagesSchema);
  check("gen_ai.system_instructions", GenAiSystemInstructionsSchema);
  check("gen_ai.tool.definitions", GenAiToolDefinitionsSchema);
}

/** The canonical fields a GenAI span carries without loss (see docs/genai.md, "Round trip"). */
function carried(s: MlflowSpan) {
  const inputs = s.inputs as { messages?: unknown } | undefined;
  const outputs = s.outputs as { choices?: unknown } | undefined;
  return {
    spanType: s.spanType,
    messages: inputs?.messages,
    choices: outputs?.choices,
    tokenUsage: s.tokenUsage,
    model: s.model,
    provider: s.provider,
    tools: s.tools,
  };
}

describe("emit every fixture as GenAI", () => {
  for (const fixture of listFixtures()) {
    it(`${fixture.id}: message JSON matches the schemas`, () => {
      for (const source of loadFixture(fixture)) {
        const canonical = toMlflowSpan(source);
        for (const includeDeprecated of [false, true]) {
          const emitted = fromMlflowSpan(canonical, { to: "genai", includeDeprecated });
          validateMessageJson(emitted.attributes);
          expect(Object.keys(emitted.attributes).some((k) => k.startsWith("mlflow."))).toBe(false);
        }
      }
    });
  }

  // GenAI captures, plus the AI SDK's (whose spans MLflow users export as GenAI as well).
  const genaiFixtures = listFixtures().filter((f) => /^(genai|vercel-ai)\//.test(f.id) || /traceloop-(openai|anthropic)__/.test(f.id));
  for (const fixture of genaiFixtures) {
    itFixture("genai-emit", fixture.id)(`${fixture.id}: emit then parse gives back the same canonical fields`, () => {
      for (const source of loadFixture(fixture)) {
        const canonical = toMlflowSpan(source);
        if (!canonical.conventions.includes("genai") && !canonical.conventions.includes("vercel-ai")) continue;
        const back = toMlflowSpan(fromMlflowSpan(canonical, { to: "genai" }));
        expect(carried(back)).toEqual(carried(canonical));
      }
    });
  }
});

describe("retrieval spans", () => {
  const retriever: MlflowSpan = {
    name: "retrieve",
    spanType: "RETRIEVER",
    inputs: "capital of France",
    outputs: [
      { id: "d1", page_content: "Paris", metadata: { score: 0.9, source: "wiki", text: "raw" } },
      { page_content: "Lyon", metadata: {} },
    ],
    attributes: {},
    conventions: [],
    diagnostics: [],
  };

  it("writes the query text and the documents as the spec's {id, score} objects with content", () => {
    const out = fromMlflowSpan(retriever, { to: "genai" });
    expect(out.attributes["gen_ai.operation.name"]).toBe("retrieval");
    expect(out.attributes["gen_ai.retrieval.query.text"]).toBe("capital of France");
    expect(JSON.parse(out.attributes["gen_ai.retrieval.documents"] as string)).toEqual([
      { id: "d1", score: 0.9, content: "Paris", source: "wiki", text: "raw" },
      { content: "Lyon" },
    ]);
  });

  it("reads back the same query and documents", () => {
    const back = toMlflowSpan(fromMlflowSpan(retriever, { to: "genai" }));
    expect(back.spanType).toBe("RETRIEVER");
    expect(back.inputs).toEqual(retriever.inputs);
    expect(back.outputs).toEqual(retriever.outputs);
  });
});

describe("emitGenAi", () => {
  const chat: MlflowSpan = toMlflowSpan({
    name: "whatever",
    attributes: {
      "mlflow.spanType": '"CHAT_MODEL"',
      "mlflow.spanInputs": JSON.stringify({ model: "claude-haiku-4-5", temperature: 0.2, stop: "END", messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "Hi" }] }),
      "mlflow.spanOutputs": JSON.stringify({ id: "msg_1", choices: [{ index: 0, message: { role: "assistant", content: "Hello" }, finish_reason: "end_turn" }] }),
      "mlflow.chat.tokenUsage": JSON.stringify({ input_tokens: 10, output_tokens: 2, total_tokens: 12, cache_read_input_tokens: 4 }),
      "mlflow.llm.model": '"claude-haiku-4-5-20251001"',
      "mlflow.llm.provider": '"anthropic"',
      "llm.model_name": "dropped (OpenInference)",
      "server.address": "api.anthropic.com",
      "gen_ai.conversation.id": "conv-1",
    },
  });

  it("writes operation, name, kind, provider, models, parameters, usage, finish reasons and messages", () => {
    const out = fromMlflowSpan(chat, { to: "genai" });
    expect(out.name).toBe("chat claude-haiku-4-5");
    expect(out.kind).toBe("CLIENT");
    expect(out.attributes).toEqual({
      "server.address": "api.anthropic.com",
      "gen_ai.conversation.id": "conv-1",
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "anthropic",
      "gen_ai.request.model": "claude-haiku-4-5",
      "gen_ai.response.model": "claude-haiku-4-5-20251001",
      "gen_ai.request.temperature": 0.2,
      "gen_ai.request.stop_sequences": ["END"],
      // Anthropic takes the system prompt apart from the history: it goes to system_instructions.
      "gen_ai.system_instructions": JSON.stringify([{ type: "text", content: "Be brief." }]),
      "gen_ai.input.messages": JSON.stringify([{ role: "user", parts: [{ type: "text", content: "Hi" }] }]),
      "gen_ai.output.messages": JSON.stringify([{ role: "assistant", parts: [{ type: "text", content: "Hello" }], finish_reason: "end_turn" }]),
      "gen_ai.response.finish_reasons": ["end_turn"],
      "gen_ai.response.id": "msg_1",
      "gen_ai.usage.input_tokens": 10,
      "gen_ai.usage.output_tokens": 2,
      "gen_ai.usage.cache_read.input_tokens": 4,
    });
  });

  it("token usage in the newest spec form: the cache-creation count under cache_write and cache_creation, audio counts per modality", () => {
    const span = { ...chat, tokenUsage: { input_tokens: 1200, output_tokens: 40, total_tokens: 1240, cache_read_input_tokens: 300, cache_creation_input_tokens: 500, reasoning_tokens: 7, input_audio_tokens: 90, output_audio_tokens: 12 } };
    const a = fromMlflowSpan(span, { to: "genai" }).attributes;
    const usage = Object.fromEntries(Object.entries(a).filter(([k]) => k.startsWith("gen_ai.usage.")));
    expect(usage).toEqual({
      "gen_ai.usage.input_tokens": 1200,
      "gen_ai.usage.output_tokens": 40,
      "gen_ai.usage.cache_read.input_tokens": 300,
      // The newest name (semantic-conventions-genai) and the released one, while the rename is unreleased.
      "gen_ai.usage.cache_write.input_tokens": 500,
      "gen_ai.usage.cache_creation.input_tokens": 500,
      "gen_ai.usage.reasoning.output_tokens": 7,
      "gen_ai.usage.audio.input_tokens": 90,
      "gen_ai.usage.audio.output_tokens": 12,
    });
    // Read back: every count, the total as input + output.
    expect(toMlflowSpan(fromMlflowSpan(span, { to: "genai" })).tokenUsage).toEqual(span.tokenUsage);
  });

  it("writes no audio or cache key the canonical usage does not have", () => {
    const a = fromMlflowSpan({ ...chat, tokenUsage: { input_tokens: 10, output_tokens: 2 } }, { to: "genai" }).attributes;
    expect(Object.keys(a).filter((k) => k.startsWith("gen_ai.usage.")).sort()).toEqual(["gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens"]);
  });

  it("reads the newest keys alone: cache_write without cache_creation, audio counts", () => {
    const s = toMlflowSpan(
      {
        name: "chat m",
        attributes: {
          "gen_ai.operation.name": "chat",
          "gen_ai.provider.name": "openai",
          "gen_ai.request.model": "m",
          "gen_ai.usage.input_tokens": 100,
          "gen_ai.usage.output_tokens": 20,
          "gen_ai.usage.cache_write.input_tokens": 30,
          "gen_ai.usage.audio.input_tokens": 8,
          "gen_ai.usage.audio.output_tokens": 4,
        },
      },
      { keepSource: false },
    );
    expect(s.tokenUsage).toEqual({ input_tokens: 100, output_tokens: 20, total_tokens: 120, cache_creation_input_tokens: 30, input_audio_tokens: 8, output_audio_tokens: 4 });
    expect(Object.keys(s.attributes).filter((k) => k.startsWith("gen_ai.usage."))).toEqual([]);
  });

  it("includeDeprecated also writes gen_ai.system, prompt/completion tokens and gen_ai.prompt/completion", () => {
    const a = fromMlflowSpan(chat, { to: "genai", includeDeprecated: true }).attributes;
    expect(a["gen_ai.system"]).toBe("anthropic");
    expect(a["gen_ai.usage.prompt_tokens"]).toBe(10);
    expect(a["gen_ai.usage.completion_tokens"]).toBe(2);
    expect(JSON.parse(a["gen_ai.prompt"] as string)).toHaveLength(2);
    expect(JSON.parse(a["gen_ai.completion"] as string)).toEqual([{ role: "assistant", content: "Hello" }]);
  });

  it("system messages stay in the history for providers that send them there", () => {
    const openai = { ...chat, provider: "openai" };
    const a = fromMlflowSpan(openai, { to: "genai" }).attributes;
    expect(a["gen_ai.system_instructions"]).toBeUndefined();
    expect(JSON.parse(a["gen_ai.input.messages"] as string)[0]).toEqual({ role: "system", parts: [{ type: "text", content: "Be brief." }] });
  });

  it("tool spans: execute_tool, INTERNAL, arguments and result", () => {
    const tool = toMlflowSpan({ name: "get_weather", attributes: { "mlflow.spanType": '"TOOL"', "mlflow.spanInputs": '{"city":"Paris"}', "mlflow.spanOutputs": '"sunny"' } });
    const out = fromMlflowSpan(tool, { to: "genai" });
    expect(out.name).toBe("execute_tool get_weather");
    expect(out.kind).toBe("INTERNAL");
    expect(out.attributes).toEqual({
      "gen_ai.operation.name": "execute_tool",
      "gen_ai.tool.call.arguments": '{"city":"Paris"}',
      "gen_ai.tool.call.result": "sunny",
      "gen_ai.tool.name": "get_weather",
    });
  });

  it("an ERROR span without error.type gets error.type _OTHER", () => {
    const failed = toMlflowSpan({ name: "x", attributes: { "gen_ai.operation.name": "chat" }, status: { code: "ERROR" } });
    expect(fromMlflowSpan(failed, { to: "genai" }).attributes["error.type"]).toBe("_OTHER");
  });

  it("an ERROR span whose exception event names the type gets that type as error.type", () => {
    const events = [
      { name: "log", attributes: { "exception.type": "NotAnException" } },
      { name: "exception", attributes: { "exception.message": "no type" } },
      { name: "exception", attributes: { "exception.type": "RateLimitError", "exception.message": "429" } },
      { name: "exception", attributes: { "exception.type": "Later" } },
    ];
    const failed = toMlflowSpan({ name: "x", attributes: { "gen_ai.operation.name": "chat" }, status: { code: "ERROR" }, events });
    expect(fromMlflowSpan(failed, { to: "genai" }).attributes["error.type"]).toBe("RateLimitError");
    // An error.type the source wrote wins over the event.
    const typed = toMlflowSpan({ name: "x", attributes: { "gen_ai.operation.name": "chat", "error.type": "400" }, status: { code: "ERROR" }, events });
    expect(fromMlflowSpan(typed, { to: "genai" }).attributes["error.type"]).toBe("400");
  });

  it("captured: the aws-sdk Bedrock error span (no error.type, an exception event) gets the exception's type", () => {
    const span = loadFixture("genai/otel-aws-sdk-bedrock__converse-error").map((s) => toMlflowSpan(s)).find((s) => s.status?.code === "ERROR")!;
    expect(span.attributes["error.type"]).toBeUndefined();
    expect(fromMlflowSpan(span, { to: "genai" }).attributes["error.type"]).toBe("ValidationException");
  });

  it("media, reasoning, refusal and tool parts are written in the spec shapes", () => {
    const media = toMlflowSpan({
      attributes: {
        "mlflow.spanType": '"CHAT_MODEL"',
        "mlflow.spanInputs": JSON.stringify({
          messages: [
            {
              role: "user",
              content: [
                { type: "text", text: "see" },
                { type: "image_url", image_url: { url: "data:image/png;base64,AAAA" } },
                { type: "image_url", image_url: { url: "https://x/y.png" } },
                { type: "input_audio", input_audio: { data: "BBBB", format: "mp3" } },
                { type: "file", file: { file_id: "file-1" } },
              ],
            },
            { role: "tool", tool_call_id: "c1", content: "42" },
          ],
        }),
        "mlflow.spanOutputs": JSON.stringify({
          choices: [{ index: 0, message: { role: "assistant", content: [{ type: "reasoning", text: "think" }], refusal: "no", tool_calls: [{ id: "c2", type: "function", function: { name: "f", arguments: "not json" } }] }, finish_reason: "tool_calls" }],
        }),
      },
    });
    const a = fromMlflowSpan(media, { to: "genai" }).attributes;
    expect(JSON.parse(a["gen_ai.input.messages"] as string)).toEqual([
      {
        role: "user",
        parts: [
          { type: "text", content: "see" },
          { type: "blob", modality: "image", mime_type: "image/png", content: "AAAA" },
          { type: "uri", modality: "image", uri: "https://x/y.png" },
          { type: "blob", modality: "audio", mime_type: "audio/mp3", content: "BBBB" },
          { type: "file", modality: "document", file_id: "file-1" },
        ],
      },
      { role: "tool", parts: [{ type: "tool_call_response", id: "c1", response: "42" }] },
    ]);
    expect(JSON.parse(a["gen_ai.output.messages"] as string)).toEqual([
      {
        role: "assistant",
        parts: [
          { type: "reasoning", content: "think" },
          { type: "refusal", content: "no" },
          { type: "tool_call", id: "c2", name: "f", arguments: "not json" },
        ],
        finish_reason: "tool_call",
      },
    ]);
    validateMessageJson(a);
  });
});

describe("message schemas are at least as strict as the official ones", () => {
  it.each([
    [{ type: "text" }, "text part without content"],
    [{ type: "tool_call", id: "x" }, "tool_call without name"],
    [{ type: "tool_call_response", id: "x" }, "tool_call_response without response"],
    [{ type: "blob", modality: "image" }, "blob without content"],
    [{ type: "uri", uri: "https://x" }, "uri without modality"],
    [{ content: "no type" }, "part without type"],
  ])("rejects %j (%s)", (part, _why) => {
    expect(GenAiPartSchema.safeParse(part).success).toBe(false);
  });
  it("rejects a message without parts and accepts a generic part", () => {
    expect(GenAiInputMessagesSchema.safeParse([{ role: "user" }]).success).toBe(false);
    expect(GenAiInputMessagesSchema.safeParse([{ role: "user", parts: [{ type: "x-custom", any: 1 }] }]).success).toBe(true);
  });
});
