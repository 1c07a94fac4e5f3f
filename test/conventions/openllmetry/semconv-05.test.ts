/**
 * OpenLLMetry's newest keys: Python semconv_ai 0.5 (the `llm.*` keys renamed under `gen_ai.*`, the
 * `execute_task` spans with `gen_ai.task.*`; fixtures built from traceloop/openllmetry's source,
 * scripts/capture/from-source/openllmetry-py.ts) and the JS SDK 0.27 guardrail spans (captured,
 * scripts/capture/traceloop-sdk.ts "guardrails"). Hand-written attribute maps only for single rules.
 */
import { describe, expect, it } from "vitest";
import { toMlflowSpan, type Attributes, type MlflowSpan } from "../../../src/index.js";
import { loadFixture } from "../../helpers/fixtures.js";

const spansOf = (id: string): MlflowSpan[] => loadFixture(id).map((span) => toMlflowSpan(span, { keepSource: false }));
const one = (attributes: Attributes): MlflowSpan => toMlflowSpan({ name: "s", attributes }, { keepSource: false });

const QUESTION = "What is the capital of France?";
const ANSWER = "The capital of France is Paris.";

describe("traceloop-py__chat-reasoning (instrumentation-openai 0.62.1, semconv_ai 0.5.2)", () => {
  const [chat] = spansOf("openllmetry/traceloop-py__chat-reasoning") as [MlflowSpan];

  it("is a chat span whose inputs carry the renamed request keys under their OpenAI names", () => {
    expect(chat.spanType).toBe("CHAT_MODEL");
    expect(chat.inputs).toEqual({
      messages: [
        { role: "system", content: "You are a concise assistant. Answer in one sentence." },
        { role: "user", content: QUESTION },
      ],
      model: "o4-mini",
      reasoning_effort: "low",
      stream: false,
      user: "user-42",
    });
  });

  it("reads the reasoning count and the dotted cache key; nothing is left unread", () => {
    expect(chat.tokenUsage).toEqual({ input_tokens: 26, output_tokens: 76, total_tokens: 102, cache_read_input_tokens: 0, reasoning_tokens: 64 });
    expect(chat.attributes).toEqual({});
    expect(chat.diagnostics).toEqual([]);
    expect(chat.conventions).toEqual(["openllmetry", "genai"]);
  });
});

describe("traceloop-py__langchain-task (instrumentation-langchain 0.62.1)", () => {
  const [workflow, task] = spansOf("openllmetry/traceloop-py__langchain-task") as [MlflowSpan, MlflowSpan];

  it("the root chain stays WORKFLOW (its kind outranks invoke_agent); the step is TASK from execute_task", () => {
    expect([workflow.name, workflow.spanType]).toEqual(["RunnableSequence.workflow", "WORKFLOW"]);
    expect([task.name, task.spanType]).toEqual(["execute_task format_answer", "TASK"]);
    expect(task.diagnostics).toEqual([]);
  });

  it("inputs and outputs come from the LangChain envelope; the identical gen_ai.task.input / .output are consumed", () => {
    expect(task.inputs).toEqual({ question: QUESTION });
    expect(task.outputs).toEqual({ answer: ANSWER });
    expect(workflow.inputs).toEqual({ question: QUESTION });
    expect(workflow.outputs).toEqual({ answer: ANSWER });
    for (const s of [workflow, task]) {
      expect(s.attributes["gen_ai.task.input"]).toBeUndefined();
      expect(s.attributes["gen_ai.task.output"]).toBeUndefined();
    }
    // Identity and status are metadata, kept as attributes.
    expect(task.attributes).toMatchObject({ "gen_ai.task.name": "format_answer", "gen_ai.task.status": "success" });
  });
});

describe("traceloop-sdk__guardrails (@traceloop/node-server-sdk 0.27 Guardrails)", () => {
  const [workflow, length, digits, broken] = spansOf("openllmetry/traceloop-sdk__guardrails") as [MlflowSpan, MlflowSpan, MlflowSpan, MlflowSpan];
  const input = { text: "The capital of France is Paris, population 2102650." };

  it("each guard span is GUARDRAIL with the checked input and its status", () => {
    expect(workflow.spanType).toBe("WORKFLOW");
    expect([length, digits, broken].map((s) => [s.name, s.spanType])).toEqual([
      ["length_check.guard", "GUARDRAIL"],
      ["no_digits.guard", "GUARDRAIL"],
      ["policy_lookup.guard", "GUARDRAIL"],
    ]);
    for (const s of [length, digits, broken]) expect(s.inputs).toEqual(input);
    expect(length.outputs).toEqual({ status: "PASSED" });
    expect(digits.outputs).toEqual({ status: "FAILED" });
  });

  it("a guard that threw: FAILED with the error type and message, span status ERROR", () => {
    expect(broken.outputs).toEqual({ status: "FAILED", error: { type: "TypeError", message: "policy service unavailable" } });
    expect(broken.status?.code).toBe("ERROR");
    expect(broken.diagnostics).toEqual([]);
  });
});

describe("single rules", () => {
  it("OpenLLMetry's own operation names mark a span that has no other OpenLLMetry key; the spec's retrieval does not", () => {
    expect(one({ "gen_ai.operation.name": "guard" })).toMatchObject({ spanType: "GUARDRAIL", conventions: ["openllmetry", "genai"] });
    expect(one({ "gen_ai.operation.name": "vector_db_retrieve" })).toMatchObject({ spanType: "RETRIEVER", conventions: ["openllmetry", "genai"] });
    expect(one({ "gen_ai.operation.name": "retrieval" }).conventions).toEqual(["genai"]);
  });

  it("gen_ai.request.reasoning_effort and the spec's gen_ai.request.reasoning.level give the same canonical field; the spec key wins", () => {
    const base = { "gen_ai.operation.name": "chat", "gen_ai.input.messages": JSON.stringify([{ role: "user", parts: [{ type: "text", content: "hi" }] }]) };
    expect((one({ ...base, "gen_ai.request.reasoning_effort": "high" }).inputs as { reasoning_effort?: unknown }).reasoning_effort).toBe("high");
    expect((one({ ...base, "gen_ai.request.reasoning.level": "medium" }).inputs as { reasoning_effort?: unknown }).reasoning_effort).toBe("medium");
    const both = one({ ...base, "gen_ai.request.reasoning.level": "medium", "gen_ai.request.reasoning_effort": "high" });
    expect((both.inputs as { reasoning_effort?: unknown }).reasoning_effort).toBe("medium");
  });

  it("pre-0.5 llm.request.reasoning_effort and llm.usage.reasoning_tokens next to indexed prompts", () => {
    const s = one({
      "llm.request.type": "chat",
      "gen_ai.prompt.0.role": "user",
      "gen_ai.prompt.0.content": "hi",
      "llm.request.reasoning_effort": "low",
      "llm.usage.total_tokens": 30,
      "llm.usage.reasoning_tokens": 12,
    });
    expect(s.inputs).toEqual({ messages: [{ role: "user", content: "hi" }], reasoning_effort: "low" });
    expect(s.tokenUsage).toEqual({ total_tokens: 30, reasoning_tokens: 12 });
  });

  it("0.5 gen_ai.response.finish_reason is the span's finish reason for a single indexed completion", () => {
    const s = one({ "gen_ai.completion.0.role": "assistant", "gen_ai.completion.0.content": "ok", "gen_ai.response.finish_reason": "stop" });
    expect(s.outputs).toEqual({ choices: [{ index: 0, message: { role: "assistant", content: "ok" }, finish_reason: "stop" }] });
    expect(s.attributes).toEqual({});
  });

  it("gen_ai.task.input / .output alone (no entity keys) are the inputs and outputs of an execute_task span", () => {
    const s = one({
      "gen_ai.operation.name": "execute_task",
      "gen_ai.task.input": JSON.stringify({ inputs: { q: 1 }, tags: [], metadata: {}, kwargs: {} }),
      "gen_ai.task.output": JSON.stringify({ outputs: { a: 2 }, kwargs: {} }),
    });
    expect([s.spanType, s.inputs, s.outputs]).toEqual(["TASK", { q: 1 }, { a: 2 }]);
  });

  it("a task key that differs from the entity key is left as an attribute", () => {
    const s = one({ "traceloop.span.kind": "task", "traceloop.entity.input": '{"a":1}', "gen_ai.task.input": '{"b":2}' });
    expect(s.inputs).toEqual({ a: 1 });
    expect(s.attributes).toEqual({ "gen_ai.task.input": '{"b":2}' });
  });

  it("a guardrail.run span: GUARDRAIL with its status and guard counts", () => {
    const s = one({
      "gen_ai.operation.name": "guardrail.run",
      "gen_ai.guardrail.name": "safety",
      "gen_ai.guardrail.status": "FAILED",
      "gen_ai.guardrail.guard_count": 2,
      "gen_ai.guardrail.failed_guard_count": 1,
    });
    expect(s.spanType).toBe("GUARDRAIL");
    expect(s.outputs).toEqual({ status: "FAILED", guard_count: 2, failed_guard_count: 1 });
    expect(s.attributes).toEqual({ "gen_ai.guardrail.name": "safety" });
  });

  it("a pre-built guard's evaluator output is parsed into outputs.output", () => {
    const s = one({ "gen_ai.operation.name": "guard", "gen_ai.guardrail.status": "PASSED", "gen_ai.guardrail.output": '{"is_safe":true}' });
    expect(s.outputs).toEqual({ status: "PASSED", output: { is_safe: true } });
  });
});
