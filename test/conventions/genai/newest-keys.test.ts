/**
 * The newest GenAI keys and operations (open-telemetry/semantic-conventions-genai `model/gen-ai/
 * registry.yaml` and `spans.yaml`): on the captured fixtures where a capture has them, otherwise one
 * row per rule.
 */
import { describe, expect, it } from "vitest";
import { summarizeTrace, toMlflowSpan, type Attributes, type MlflowSpan } from "../../../src/index.js";
import { loadFixture } from "../../helpers/fixtures.js";

const span = (attributes: Attributes): MlflowSpan => toMlflowSpan({ name: "s", attributes });
const codes = (s: MlflowSpan) => s.diagnostics.map((d) => d.code);
const chat = { "gen_ai.operation.name": "chat", "gen_ai.input.messages": JSON.stringify([{ role: "user", parts: [{ type: "text", content: "hi" }] }]) };

describe("token counts", () => {
  it("cache_write.input_tokens is read as cache_creation_input_tokens, and wins over the old name", () => {
    const both = span({ "gen_ai.usage.input_tokens": 100, "gen_ai.usage.output_tokens": 5, "gen_ai.usage.cache_write.input_tokens": 40, "gen_ai.usage.cache_creation.input_tokens": 30 });
    expect(both.tokenUsage).toMatchObject({ input_tokens: 100, cache_creation_input_tokens: 40 });
    // The disagreeing old count stays on the span as the record of the conflict.
    expect(both.attributes).toHaveProperty(["gen_ai.usage.cache_creation.input_tokens"], 30);
    const oldOnly = span({ "gen_ai.usage.input_tokens": 100, "gen_ai.usage.output_tokens": 5, "gen_ai.usage.cache_creation.input_tokens": 30 });
    expect(oldOnly.tokenUsage).toMatchObject({ cache_creation_input_tokens: 30 });
  });

  it("the old name on a capture (ai-sdk-otel, 3093 including read 2048 and write 1024) still reads", () => {
    const chatSpan = loadFixture("genai/ai-sdk-otel__anthropic-generate-text").map((s) => toMlflowSpan(s)).find((s) => s.name.startsWith("chat "))!;
    expect(chatSpan.tokenUsage).toMatchObject({ input_tokens: 3093, cache_read_input_tokens: 2048, cache_creation_input_tokens: 1024 });
  });

  it("audio counts fill input_audio_tokens / output_audio_tokens; text and image counts stay attributes", () => {
    const s = span({
      "gen_ai.usage.input_tokens": 120, "gen_ai.usage.output_tokens": 40,
      "gen_ai.usage.audio.input_tokens": 30, "gen_ai.usage.audio.output_tokens": 25,
      "gen_ai.usage.text.input_tokens": 90, "gen_ai.usage.image.input_tokens": 0,
    });
    expect(s.tokenUsage).toEqual({ input_tokens: 120, output_tokens: 40, total_tokens: 160, input_audio_tokens: 30, output_audio_tokens: 25 });
    expect(s.attributes).toHaveProperty(["gen_ai.usage.text.input_tokens"], 90);
    expect(s.attributes).toHaveProperty(["gen_ai.usage.image.input_tokens"], 0);
  });
});

describe("request parameters", () => {
  it("reasoning.level -> reasoning_effort, previous_response.id -> previous_response_id", () => {
    const s = span({ ...chat, "gen_ai.request.reasoning.level": "high", "gen_ai.request.previous_response.id": "resp_1" });
    expect(s.inputs).toMatchObject({ reasoning_effort: "high", previous_response_id: "resp_1" });
  });

  it("a wrongly typed reasoning level is reported and left out", () => {
    const s = span({ ...chat, "gen_ai.request.reasoning.level": 3 });
    expect(s.inputs).not.toHaveProperty("reasoning_effort");
    expect(codes(s)).toContain("invalid-value");
  });

  it("embeddings.dimension.count -> inputs.dimensions (OpenLIT capture: 8)", () => {
    for (const id of ["genai/openlit-openai__embeddings", "genai/openlit-openai__embeddings-string"]) {
      const [s] = loadFixture(id).map((x) => toMlflowSpan(x));
      expect(s!.spanType).toBe("EMBEDDING");
      expect(s!.inputs).toMatchObject({ dimensions: 8 });
      expect(s!.attributes).toHaveProperty(["gen_ai.embeddings.dimension.count"], 8);
    }
  });
});

describe("retrieval and memory", () => {
  it("retrieval.top_k joins the query: inputs {query, top_k}; without it the query alone", () => {
    const base = { "gen_ai.operation.name": "retrieval", "gen_ai.retrieval.query.text": "capital of France" };
    expect(span({ ...base, "gen_ai.retrieval.top_k": 3 }).inputs).toEqual({ query: "capital of France", top_k: 3 });
    expect(span(base).inputs).toBe("capital of France");
    const bad = span({ ...base, "gen_ai.retrieval.top_k": "three" });
    expect(bad.inputs).toBe("capital of France");
    expect(codes(bad)).toContain("invalid-value");
  });

  const records = [{ id: "m1", content: "Likes tea", score: 0.9 }];
  it("search_memory: MEMORY, inputs {query}, outputs {records}", () => {
    const s = span({ "gen_ai.operation.name": "search_memory", "gen_ai.memory.store.id": "store-1", "gen_ai.memory.query.text": "drinks", "gen_ai.memory.records": JSON.stringify(records) });
    expect(s.spanType).toBe("MEMORY");
    expect(s.inputs).toEqual({ query: "drinks" });
    expect(s.outputs).toEqual({ records });
    expect(s.attributes).toHaveProperty(["gen_ai.memory.store.id"], "store-1");
  });

  it.each(["create_memory", "update_memory", "upsert_memory"])("%s: MEMORY, inputs {records}", (operation) => {
    const s = span({ "gen_ai.operation.name": operation, "gen_ai.memory.records": JSON.stringify(records) });
    expect(s.spanType).toBe("MEMORY");
    expect(s.inputs).toEqual({ records });
    expect(s.outputs).toBeUndefined();
  });

  it.each(["create_memory_store", "delete_memory", "delete_memory_store"])("%s: MEMORY without content", (operation) => {
    const s = span({ "gen_ai.operation.name": operation, "gen_ai.memory.store.id": "store-1" });
    expect(s.spanType).toBe("MEMORY");
    expect(codes(s)).not.toContain("unknown-operation");
  });

  it("records that are not a list are reported and kept raw", () => {
    const s = span({ "gen_ai.operation.name": "search_memory", "gen_ai.memory.records": JSON.stringify({ id: "m1" }) });
    expect(s.outputs).toBeUndefined();
    expect(codes(s)).toContain("invalid-value");
    expect(s.attributes).toHaveProperty(["gen_ai.memory.records"]);
  });
});

describe("operations", () => {
  it.each([
    ["fetch_response", "LLM"],
    ["plan", "AGENT"],
    ["agent_step", "CHAIN"],
    ["decide", "LLM"],
    ["extract", "LLM"],
    ["ai.generateSpeech", "LLM"],
    ["ai.transcribe", "LLM"],
    ["ai.streamTranscribe", "LLM"],
  ])("%s -> %s, no unknown-operation", (operation, type) => {
    const s = span({ "gen_ai.operation.name": operation });
    expect(s.spanType).toBe(type);
    expect(codes(s)).not.toContain("unknown-operation");
  });

  it("fetch_response: the stored reply read back is the output", () => {
    const s = span({
      "gen_ai.operation.name": "fetch_response",
      "gen_ai.response.id": "resp_1",
      "gen_ai.output.messages": JSON.stringify([{ role: "assistant", parts: [{ type: "text", content: "Paris." }], finish_reason: "stop" }]),
    });
    expect(s.spanType).toBe("LLM");
    expect(s.outputs).toMatchObject({ id: "resp_1", choices: [{ index: 0, message: { role: "assistant", content: "Paris." }, finish_reason: "stop" }] });
  });
});

describe("conversation id", () => {
  it("gen_ai.conversation.id is the trace's session (otel-openai-022 Responses capture), and stays on the span", () => {
    const spans = loadFixture("genai/otel-openai-022__responses-conversation").map((s) => toMlflowSpan(s));
    expect(summarizeTrace(spans).session).toBe("conv_fixture_0001");
    expect(spans[0]!.attributes["gen_ai.conversation.id"]).toBe("conv_fixture_0001");
  });
});
