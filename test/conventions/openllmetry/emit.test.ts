/**
 * Canonical -> OpenLLMetry: the attributes written, and fixture round trips (parse -> emit -> parse
 * keeps every canonical field this convention can carry).
 */
import { describe, expect, it } from "vitest";
import { fromMlflowSpan, toMlflowSpan, type MlflowSpan } from "../../../src/index.js";
import { listFixtures, loadFixture } from "../../helpers/fixtures.js";
import { entityInput, entityOutput } from "../../../src/conventions/openllmetry/emit.js";
import { itFixture } from "../../helpers/known-failures.js";
import { NORMALIZERS, stripOf, withoutPaths } from "../../properties/losses.js";

const base = (fields: Partial<MlflowSpan>): MlflowSpan => ({ name: "s", spanType: "UNKNOWN", attributes: {}, conventions: [], diagnostics: [], ...fields });

describe("emitted attributes", () => {
  it("a chat span: gen_ai.input/output.messages as GenAI JSON (0.5), the 0.5 operation, provider and usage keys", () => {
    const s = toMlflowSpan(loadFixture("openllmetry/traceloop-legacy-anthropic__messages-tool-result")[0]!);
    const out = fromMlflowSpan(s, { to: "openllmetry" });
    expect(out.kind).toBe("CLIENT");
    expect(out.attributes).toMatchObject({
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "anthropic",
      "gen_ai.request.model": "claude-haiku-4-5",
      "gen_ai.response.model": "claude-haiku-4-5-20251001",
      "gen_ai.request.max_tokens": 256,
      "gen_ai.response.finish_reasons": ["end_turn"],
      "gen_ai.usage.input_tokens": 512,
      "gen_ai.usage.output_tokens": 16,
      "gen_ai.usage.total_tokens": 528,
    });
    expect(JSON.parse(out.attributes["gen_ai.input.messages"] as string)).toEqual([
      { role: "user", parts: [{ type: "text", content: "What's the weather like in Paris today?" }] },
      {
        role: "assistant",
        parts: [
          { type: "text", content: "I'll look up the current weather in Paris." },
          { type: "tool_call", id: "toolu_fixture_0001", name: "get_weather", arguments: { city: "Paris", unit: "celsius" } },
        ],
      },
      { role: "tool", parts: [{ type: "tool_call_response", id: "toolu_fixture_0001", response: '{"temperature":18,"condition":"sunny"}' }] },
    ]);
    expect(JSON.parse(out.attributes["gen_ai.output.messages"] as string)).toEqual([
      { role: "assistant", parts: [{ type: "text", content: "It is currently 18 °C and sunny in Paris." }], finish_reason: "end_turn" },
    ]);
    // The keys semconv_ai 0.5 replaced are not written: no indexed messages, no llm.* keys.
    for (const key of ["llm.request.type", "gen_ai.system", "gen_ai.usage.prompt_tokens", "gen_ai.usage.completion_tokens", "llm.usage.total_tokens", "traceloop.entity.input"]) {
      expect(out.attributes[key], key).toBeUndefined();
    }
    expect(Object.keys(out.attributes).filter((k) => k.startsWith("gen_ai.prompt.") || k.startsWith("gen_ai.completion."))).toEqual([]);
  });

  it("tools as one gen_ai.tool.definitions JSON array (0.5), no llm.request.functions.N.*", () => {
    const s = toMlflowSpan(loadFixture("openllmetry/traceloop-legacy-openai__chat-tools")[0]!);
    const out = fromMlflowSpan(s, { to: "openllmetry" });
    const defs = JSON.parse(out.attributes["gen_ai.tool.definitions"] as string) as Array<Record<string, unknown>>;
    expect(defs).toHaveLength(1);
    expect(defs[0]).toMatchObject({ type: "function", name: "get_weather", description: "Get the current weather for a city.", parameters: { type: "object", required: ["city"] } });
    expect(Object.keys(out.attributes).filter((k) => k.startsWith("llm.request.functions."))).toEqual([]);
  });

  it("request parameters under their 0.5 names; usage cache and reasoning counts in the dotted keys", () => {
    const span = base({
      spanType: "CHAT_MODEL",
      inputs: { messages: [{ role: "user", content: "hi" }], top_k: 40, frequency_penalty: 0.5, stop: ["END"], stream: true, user: "u-1", repetition_penalty: 1.1, reasoning_effort: "low" },
      tokenUsage: { input_tokens: 10, output_tokens: 5, total_tokens: 15, cache_read_input_tokens: 4, cache_creation_input_tokens: 2, reasoning_tokens: 3 },
    });
    const out = fromMlflowSpan(span, { to: "openllmetry" });
    expect(out.attributes).toMatchObject({
      "gen_ai.request.top_k": 40,
      "gen_ai.request.frequency_penalty": 0.5,
      "gen_ai.request.stop_sequences": ["END"],
      "gen_ai.is_streaming": true,
      "gen_ai.user": "u-1",
      "gen_ai.request.repetition_penalty": 1.1,
      "gen_ai.request.reasoning_effort": "low",
      "gen_ai.usage.cache_read.input_tokens": 4,
      "gen_ai.usage.cache_creation.input_tokens": 2,
      "gen_ai.usage.reasoning_tokens": 3,
    });
    for (const key of ["llm.top_k", "llm.frequency_penalty", "llm.chat.stop_sequences", "llm.is_streaming", "llm.user", "llm.request.repetition_penalty", "gen_ai.usage.cache_read_input_tokens", "gen_ai.usage.cache_creation_input_tokens"]) {
      expect(out.attributes[key], key).toBeUndefined();
    }
    const back = toMlflowSpan(out);
    expect(back.inputs).toEqual(span.inputs);
    expect(back.tokenUsage).toEqual(span.tokenUsage);
  });

  it("wrapper spans: traceloop.span.kind and entity input/output; unrelated and traceloop keys kept", () => {
    const span = base({
      spanType: "TOOL",
      inputs: { city: "Paris" },
      outputs: { temperature: 18 },
      attributes: { "traceloop.entity.name": "get_weather", "traceloop.workflow.name": "w", "http.method": "GET", "openinference.span.kind": "TOOL", "mlflow.spanType": '"TOOL"' },
    });
    const out = fromMlflowSpan(span, { to: "openllmetry" });
    expect(out.attributes).toEqual({
      "traceloop.span.kind": "tool",
      "traceloop.entity.name": "get_weather",
      "traceloop.workflow.name": "w",
      "http.method": "GET",
      "traceloop.entity.input": '{"args":[],"kwargs":{"city":"Paris"}}',
      "traceloop.entity.output": '{"temperature":18}',
    });
  });

  it.each([
    ["WORKFLOW", "workflow"],
    ["TASK", "task"],
    ["AGENT", "agent"],
    ["TOOL", "tool"],
    ["CHAIN", "task"],
  ] as const)("%s -> traceloop.span.kind %s", (type, kind) => {
    expect(fromMlflowSpan(base({ spanType: type }), { to: "openllmetry" }).attributes["traceloop.span.kind"]).toBe(kind);
  });

  it.each([
    ["CHAT_MODEL", "chat"],
    ["LLM", "text_completion"],
    ["EMBEDDING", "embeddings"],
    ["RERANKER", "rerank"],
  ] as const)("%s -> gen_ai.operation.name %s, never llm.request.type; gen_ai.is_streaming only on a span with no other OpenLLMetry key", (type, operation) => {
    const bare = fromMlflowSpan(base({ spanType: type }), { to: "openllmetry" }).attributes;
    expect(bare["gen_ai.operation.name"]).toBe(operation);
    expect(bare["llm.request.type"]).toBeUndefined();
    expect(bare["gen_ai.is_streaming"]).toBe(false);
    const counted = fromMlflowSpan(base({ spanType: type, tokenUsage: { input_tokens: 3, output_tokens: 2, total_tokens: 5 } }), { to: "openllmetry" }).attributes;
    expect(counted["gen_ai.operation.name"]).toBe(operation);
    expect(counted["llm.request.type"]).toBeUndefined();
    expect(counted["gen_ai.is_streaming"]).toBeUndefined();
  });

  it.each([
    ["GUARDRAIL", "guard"],
    ["RETRIEVER", "vector_db_retrieve"],
  ] as const)("%s -> gen_ai.operation.name %s", (type, operation) => {
    expect(fromMlflowSpan(base({ spanType: type }), { to: "openllmetry" }).attributes["gen_ai.operation.name"]).toBe(operation);
  });

  it("a guardrail has no Traceloop kind (JS 0.27 guard spans have none) and reads back as GUARDRAIL", () => {
    const out = fromMlflowSpan(base({ spanType: "GUARDRAIL", inputs: { text: "x" }, outputs: { status: "PASSED" } }), { to: "openllmetry" });
    expect(out.attributes["traceloop.span.kind"]).toBeUndefined();
    expect(toMlflowSpan(out).spanType).toBe("GUARDRAIL");
  });

  it("CHAIN is written as task; a source gen_ai.operation.name (AI SDK 7 agent_step) is kept, so it reads back as CHAIN", () => {
    const kept = fromMlflowSpan(base({ spanType: "CHAIN", attributes: { "gen_ai.operation.name": "agent_step" } }), { to: "openllmetry" });
    expect(kept.attributes).toMatchObject({ "traceloop.span.kind": "task", "gen_ai.operation.name": "agent_step" });
    expect(toMlflowSpan(kept).spanType).toBe("CHAIN");
    // Without one, the type is lost (the task-kind loss).
    const bare = fromMlflowSpan(base({ spanType: "CHAIN" }), { to: "openllmetry" });
    expect(bare.attributes["gen_ai.operation.name"]).toBeUndefined();
    expect(toMlflowSpan(bare).spanType).toBe("TASK");
    // A tool's source operation is not copied: TOOL has its own kind.
    expect(fromMlflowSpan(base({ spanType: "TOOL", attributes: { "gen_ai.operation.name": "execute_tool" } }), { to: "openllmetry" }).attributes["gen_ai.operation.name"]).toBeUndefined();
  });

  it("retriever documents as db.query.result events, parsed back to the same documents", () => {
    const docs = [
      { id: "d1", page_content: "Paris", metadata: { score: 0.9, source: "a" } },
      { page_content: "Lyon", metadata: {} },
    ];
    const span = base({ spanType: "RETRIEVER", inputs: "capital of France", outputs: docs, endTimeUnixNano: "5" });
    const out = fromMlflowSpan(span, { to: "openllmetry" });
    expect(out.events).toEqual([
      { name: "db.query.result", timeUnixNano: "5", attributes: { "db.query.result.id": "d1", "db.query.result.score": 0.9, "db.query.result.metadata": '{"source":"a"}', "db.query.result.document": "Paris" } },
      { name: "db.query.result", timeUnixNano: "5", attributes: { "db.query.result.document": "Lyon" } },
    ]);
    const back = toMlflowSpan(out);
    expect(back.spanType).toBe("RETRIEVER");
    expect(back.inputs).toBe("capital of France");
    expect(back.outputs).toEqual([
      { id: "d1", page_content: "Paris", metadata: { source: "a", score: 0.9 } },
      { page_content: "Lyon", metadata: {} },
    ]);
  });

  it("entity outputs are written as the SDKs write them: the JSON of the value", () => {
    expect(entityOutput("done")).toBe('"done"');
    expect(entityOutput(60)).toBe("60");
    expect(entityOutput({ t: 18 })).toBe('{"t":18}');
    expect(entityOutput({ outputs: 2, kwargs: {} })).toBe('{"outputs":{"outputs":2,"kwargs":{}}}');
  });

  it("entity envelopes read back as the same value", () => {
    const values: unknown[] = ["text", "60", '"quoted"', "true", "", "[not json", "{also not", 5, -1.5, true, null, [1, 2], { a: 1 }, {}, { args: [], kwargs: {} }, { inputs: 1 }, { outputs: 2, kwargs: {} }, ["x"]];
    for (const v of values) {
      const s = toMlflowSpan({ attributes: { "traceloop.span.kind": "task", "traceloop.entity.input": entityInput(v), "traceloop.entity.output": entityOutput(v) } });
      expect(s.inputs, JSON.stringify(v)).toEqual(v);
      expect(s.outputs, JSON.stringify(v)).toEqual(v);
    }
  });
});

describe("fixture round trips through OpenLLMetry", () => {
  const responseModel = stripOf("openllmetry", "response-model");
  const fields = (s: MlflowSpan) => {
    const { spanType, inputs, outputs, tokenUsage, model, provider, tools } = s;
    return { spanType, inputs, outputs, tokenUsage, model, provider, tools };
  };
  const llmFixtures = listFixtures().filter((f) => /traceloop|genai\/|vercel-ai\//.test(f.id));
  for (const f of llmFixtures) {
    itFixture("openllmetry-emit", f.id)(f.id, () => {
      for (const source of loadFixture(f.id)) {
        const first = toMlflowSpan(source);
        if (first.conventions.length === 0) continue;
        const second = toMlflowSpan(fromMlflowSpan(first, { to: "openllmetry" }));
        expect(second.conventions).toContain("openllmetry");
        // Losses carry.ts lists that AI SDK and OpenLIT spans show: an outer call has a model but no
        // response model (it comes back as one), and `tool_choice` and `output_type`
        // (gen_ai.output.type) have no OpenLLMetry key (other-parameters).
        const lossy = ["inputs.tool_choice", "inputs.output_type"];
        if (first.outputs !== undefined && (first.outputs as { model?: unknown }).model === undefined) lossy.push(...responseModel);
        // A model span with nothing else of OpenLLMetry's is marked with gen_ai.is_streaming (stream-flag).
        const comparable = (span: MlflowSpan) => {
          const copy = withoutPaths(fields(span), lossy);
          NORMALIZERS["openllmetry/stream-flag"]!(copy);
          return copy;
        };
        expect(comparable(second)).toEqual(comparable(first));
      }
    });
  }
});
