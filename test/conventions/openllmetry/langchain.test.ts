/**
 * OpenLLMetry spans of LangChain.js (`@traceloop/instrumentation-langchain@0.27.0` over
 * `@langchain/core@1.2.18` and `@langchain/openai@1.6.0`, scripts/capture/traceloop-langchain.ts),
 * then the JS LangChain envelopes of `traceloop.entity.input` / `.output` in isolation.
 *
 * What 0.27 records (fixtures/MANIFEST.md): chain runs as `traceloop.span.kind` workflow spans, tools
 * as task spans, chat models as GenAI-style `gen_ai.*` CLIENT spans; every span is the root of a
 * trace of its own (the handler starts spans without the parent run's context).
 */
import { describe, expect, it } from "vitest";
import { toMlflowSpan, type Attributes, type MlflowSpan } from "../../../src/index.js";
import { loadFixture } from "../../helpers/fixtures.js";

function spansOf(id: string): MlflowSpan[] {
  return loadFixture(id).map((span) => toMlflowSpan(span));
}

const SYSTEM = "You are a concise assistant. Answer in one sentence.";
const QUESTION = "What's the weather like in Paris today?";
const ANSWER = "It is currently 18 °C and sunny in Paris.";
const WEATHER_JSON = '{"city":"Paris","temperature":18,"unit":"celsius","condition":"sunny"}';

/** The one diagnostic of a chain span: "workflow" is Traceloop's operation name, not a GenAI one. */
const WORKFLOW_OPERATION = { code: "unknown-operation", severity: "info", key: "gen_ai.operation.name" };

describe("traceloop-langchain__chain (ChatPromptTemplate | ChatOpenAI | StringOutputParser)", () => {
  const spans = spansOf("openllmetry/traceloop-langchain__chain");
  const [sequence, prompt, chat, parser] = spans as [MlflowSpan, MlflowSpan, MlflowSpan, MlflowSpan];

  it("has the four runs, each with its exact type; each is a root span of its own trace", () => {
    expect(spans.map((s) => [s.name, s.spanType])).toEqual([
      ["workflow RunnableSequence", "WORKFLOW"],
      ["workflow prompt", "WORKFLOW"],
      ["chat gpt-4o-mini", "CHAT_MODEL"],
      ["workflow parser", "WORKFLOW"],
    ]);
    expect(spans.map((s) => s.parentSpanId)).toEqual([undefined, undefined, undefined, undefined]);
    expect(new Set(spans.map((s) => s.traceId)).size).toBe(4);
  });

  it("chain spans: only the 'workflow' operation diagnostic; the chat span none", () => {
    for (const s of [sequence, prompt, parser]) {
      expect(s.diagnostics.map((d) => ({ code: d.code, severity: d.severity, key: d.key }))).toEqual([WORKFLOW_OPERATION]);
    }
    expect(chat.diagnostics).toEqual([]);
  });

  it("sequence: the template variables in, the parser's text out ({output: x} unwrapped)", () => {
    expect(sequence.inputs).toEqual({ country: "France" });
    expect(sequence.outputs).toBe("The capital of France is Paris.");
  });

  it("prompt: the rendered ChatPromptValue as plain messages", () => {
    expect(prompt.inputs).toEqual({ country: "France" });
    expect(prompt.outputs).toEqual({
      messages: [
        { role: "system", content: SYSTEM },
        { role: "user", content: "What is the capital of France?" },
      ],
    });
  });

  it("chat: messages, choice and exact token counts from the gen_ai.* keys", () => {
    expect(chat.inputs).toEqual({
      messages: [
        { role: "system", content: SYSTEM },
        { role: "user", content: "What is the capital of France?" },
      ],
      model: "gpt-4o-mini",
    });
    expect(chat.outputs).toEqual({
      model: "gpt-4o-mini",
      choices: [{ index: 0, message: { role: "assistant", content: "The capital of France is Paris." }, finish_reason: "stop" }],
    });
    expect(chat.tokenUsage).toEqual({ input_tokens: 26, output_tokens: 12, total_tokens: 38 });
    expect(chat.provider).toBe("openai");
  });

  it("parser: the AIMessage in as the assistant message, the text out", () => {
    expect(parser.inputs).toEqual({ role: "assistant", content: "The capital of France is Paris." });
    expect(parser.outputs).toBe("The capital of France is Paris.");
  });
});

describe("traceloop-langchain__tool-call (bindTools -> tool call -> tool -> follow-up, inside one lambda)", () => {
  const spans = spansOf("openllmetry/traceloop-langchain__tool-call");
  const [step, first, tool, second] = spans as [MlflowSpan, MlflowSpan, MlflowSpan, MlflowSpan];

  it("has the four runs with their exact types; the tool is a TOOL (traceloop.span.kind task, but gen_ai.operation.name execute_tool)", () => {
    expect(spans.map((s) => [s.name, s.spanType])).toEqual([
      // 0.27 names chain spans after the run type or class, never the run name (weather_step).
      ["workflow RunnableLambda", "WORKFLOW"],
      ["chat gpt-4o-mini", "CHAT_MODEL"],
      // ... and tool spans after the tool's class, not its name.
      ["execute_tool DynamicStructuredTool", "TOOL"],
      ["chat gpt-4o-mini", "CHAT_MODEL"],
    ]);
    expect(tool.attributes["traceloop.entity.name"]).toBe("DynamicStructuredTool");
    expect([first, tool, second].flatMap((s) => s.diagnostics)).toEqual([]);
  });

  it("lambda: the question in and the answer out, LangChain's {input}/{output} wrapping removed", () => {
    expect(step.inputs).toBe(QUESTION);
    expect(step.outputs).toBe(ANSWER);
  });

  it("first chat: the instrumentation records no tool call, only an empty text and the finish reason", () => {
    expect(first.inputs).toEqual({ messages: [{ role: "user", content: QUESTION }], model: "gpt-4o-mini" });
    expect(first.outputs).toEqual({
      model: "gpt-4o-mini",
      choices: [{ index: 0, message: { role: "assistant", content: "" }, finish_reason: "tool_calls" }],
    });
    expect(first.tokenUsage).toEqual({ input_tokens: 82, output_tokens: 19, total_tokens: 101 });
  });

  it("tool: the arguments text decoded out of {args: [text]}; the ToolMessage out as a tool message", () => {
    expect(tool.inputs).toEqual({ city: "Paris", unit: "celsius" });
    expect(tool.outputs).toEqual({ role: "tool", content: WEATHER_JSON, tool_call_id: "call_fixture_0001", name: "get_weather" });
  });

  it("follow-up chat: the history as recorded (no tool call ids), the answer and exact tokens", () => {
    expect(second.inputs).toEqual({
      messages: [
        { role: "user", content: QUESTION },
        { role: "assistant", content: "" },
        { role: "tool", content: WEATHER_JSON },
      ],
      model: "gpt-4o-mini",
    });
    expect(second.outputs).toEqual({
      model: "gpt-4o-mini",
      choices: [{ index: 0, message: { role: "assistant", content: ANSWER }, finish_reason: "stop" }],
    });
    expect(second.tokenUsage).toEqual({ input_tokens: 118, output_tokens: 14, total_tokens: 132 });
  });
});

// ---------------------------------------------------------------------------------------------
// The JS LangChain envelopes on hand-built spans

function entity(attributes: Attributes, input: unknown, output: unknown): MlflowSpan {
  return toMlflowSpan({
    name: "s",
    attributes: { ...attributes, "traceloop.entity.input": JSON.stringify(input), "traceloop.entity.output": JSON.stringify(output) },
  });
}

const LANGCHAIN_WORKFLOW: Attributes = { "traceloop.span.kind": "workflow", "gen_ai.provider.name": "langchain" };
const LANGCHAIN_TOOL: Attributes = { "traceloop.span.kind": "task", "gen_ai.provider.name": "langchain", "gen_ai.operation.name": "execute_tool" };

describe("traceloop.entity.* of the JS LangChain instrumentation", () => {
  it("{input: x} / {output: x} become x on a langchain span, whatever x is", () => {
    const s = entity(LANGCHAIN_WORKFLOW, { input: [1, 2] }, { output: { a: 1 } });
    expect(s.inputs).toEqual([1, 2]);
    expect(s.outputs).toEqual({ a: 1 });
  });

  it("the same shapes from the Traceloop SDK (no langchain provider) are the application's own and stay", () => {
    const s = entity({ "traceloop.span.kind": "workflow" }, { input: "q" }, { output: "a" });
    expect(s.inputs).toEqual({ input: "q" });
    expect(s.outputs).toEqual({ output: "a" });
  });

  it("a tool's {args: [text]}: JSON object text decoded, plain text kept", () => {
    expect(entity(LANGCHAIN_TOOL, { args: ['{"city":"Paris"}'] }, "ok").inputs).toEqual({ city: "Paris" });
    expect(entity(LANGCHAIN_TOOL, { args: ["Paris"] }, "ok").inputs).toBe("Paris");
    // Not JSON after all: the text as it came.
    expect(entity(LANGCHAIN_TOOL, { args: ["{not json"] }, "ok").inputs).toBe("{not json");
    // Two arguments are not LangChain's shape: kept.
    expect(entity(LANGCHAIN_TOOL, { args: ["a", "b"] }, "ok").inputs).toEqual({ args: ["a", "b"] });
  });

  it("LangChain constructor envelopes are decoded whichever instrumentation wrote them", () => {
    const message = { lc: 1, type: "constructor", id: ["langchain_core", "messages", "HumanMessage"], kwargs: { content: "hi" } };
    expect(entity({ "traceloop.span.kind": "task" }, message, null).inputs).toEqual({ role: "user", content: "hi" });
  });
});
