/**
 * OpenInference spans of LangChain.js (`@arizeai/openinference-instrumentation-langchain@4.1.1` over
 * `@langchain/core@1.2.18` and `@langchain/openai@1.6.0`, scripts/capture/openinference-langchain.ts),
 * then the LangChain-specific reading in isolation: constructor envelopes decoded, `{"output": x}`
 * removed around a LangChain object, and the tool-call ids the flattened messages lack taken back
 * from the envelopes.
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
const TOOL_CALL = {
  id: "call_fixture_0001",
  type: "function",
  function: { name: "get_weather", arguments: '{"city":"Paris","unit":"celsius"}' },
};

describe("openinference-langchain__chain (ChatPromptTemplate | ChatOpenAI | StringOutputParser)", () => {
  const spans = spansOf("openinference/openinference-langchain__chain");
  const [sequence, prompt, llm, parser] = spans as [MlflowSpan, MlflowSpan, MlflowSpan, MlflowSpan];

  it("has the four runs, in start order, each with its exact type, all children of the sequence, no diagnostics", () => {
    expect(spans.map((s) => [s.name, s.spanType])).toEqual([
      ["RunnableSequence", "CHAIN"],
      // OpenInference PROMPT: MLflow has no prompt type; the raw kind stays in the attributes.
      ["ChatPromptTemplate", "CHAIN"],
      ["ChatOpenAI", "CHAT_MODEL"],
      ["StrOutputParser", "CHAIN"],
    ]);
    expect(prompt.attributes["openinference.span.kind"]).toBe("PROMPT");
    for (const child of [prompt, llm, parser]) expect(child.parentSpanId).toBe(sequence.spanId);
    expect(spans.flatMap((s) => s.diagnostics)).toEqual([]);
  });

  it("sequence: the instrumentation already unwrapped {country: 'France'} to its only value", () => {
    expect(sequence.inputs).toBe("France");
    expect(sequence.outputs).toBe("The capital of France is Paris.");
  });

  it("prompt: the rendered ChatPromptValue becomes plain messages; template keys stay in attributes", () => {
    expect(prompt.inputs).toBe("France");
    expect(prompt.outputs).toEqual({
      messages: [
        { role: "system", content: SYSTEM },
        { role: "user", content: "What is the capital of France?" },
      ],
    });
    expect(prompt.attributes["llm.prompt_template.variables"]).toBe('{"country":"France"}');
  });

  it("chat model: messages, response id and model from the generation, exact token counts", () => {
    expect(llm.inputs).toEqual({
      messages: [
        { role: "system", content: SYSTEM },
        { role: "user", content: "What is the capital of France?" },
      ],
      model: "gpt-4o-mini",
      stream: false,
    });
    expect(llm.outputs).toEqual({
      id: "chatcmpl-fixture-0001",
      model: "gpt-4o-mini-2024-07-18",
      choices: [{ index: 0, message: { role: "assistant", content: "The capital of France is Paris." }, finish_reason: "stop" }],
    });
    // llm.model_name holds the requested model; the generation says which one answered (the canonical model).
    expect(llm.model).toBe("gpt-4o-mini-2024-07-18");
    expect(llm.tokenUsage).toEqual({ input_tokens: 26, output_tokens: 12, total_tokens: 38, cache_read_input_tokens: 16, reasoning_tokens: 4 });
    expect(llm.messageFormat).toBe("openai");
  });

  it("parser: its AIMessage input is the assistant message, its output the text", () => {
    expect(parser.inputs).toEqual({ role: "assistant", content: "The capital of France is Paris." });
    expect(parser.outputs).toBe("The capital of France is Paris.");
  });
});

describe("openinference-langchain__tool-call (bindTools -> tool call -> tool -> follow-up, inside one lambda)", () => {
  const spans = spansOf("openinference/openinference-langchain__tool-call");
  const [step, first, tool, second] = spans as [MlflowSpan, MlflowSpan, MlflowSpan, MlflowSpan];

  it("has the lambda and its three children, each with its exact type, no diagnostics", () => {
    expect(spans.map((s) => [s.name, s.spanType])).toEqual([
      ["weather_step", "CHAIN"],
      ["ChatOpenAI", "CHAT_MODEL"],
      ["get_weather", "TOOL"],
      ["ChatOpenAI", "CHAT_MODEL"],
    ]);
    for (const child of [first, tool, second]) expect(child.parentSpanId).toBe(step.spanId);
    expect(spans.flatMap((s) => s.diagnostics)).toEqual([]);
  });

  it("lambda: its string input and output as they are", () => {
    expect(step.inputs).toBe(QUESTION);
    expect(step.outputs).toBe(ANSWER);
  });

  it("first call: the tool call keeps its id (from output.value) and the bound tool is listed", () => {
    expect(first.inputs).toEqual({ messages: [{ role: "user", content: QUESTION }], model: "gpt-4o-mini", stream: false });
    expect(first.outputs).toEqual({
      id: "chatcmpl-fixture-0002",
      model: "gpt-4o-mini-2024-07-18",
      choices: [{ index: 0, message: { role: "assistant", content: "", tool_calls: [TOOL_CALL] }, finish_reason: "tool_calls" }],
    });
    expect(first.tokenUsage).toEqual({ input_tokens: 82, output_tokens: 19, total_tokens: 101 });
    expect(first.tools?.map((t) => t.function.name)).toEqual(["get_weather"]);
    expect(first.tools?.[0]?.function.description).toBe("Get the current weather for a city.");
  });

  it("tool: arguments in, the ToolMessage out as a tool message with its call id", () => {
    expect(tool.inputs).toEqual({ city: "Paris", unit: "celsius" });
    expect(tool.outputs).toEqual({ role: "tool", content: WEATHER_JSON, tool_call_id: "call_fixture_0001", name: "get_weather" });
  });

  it("follow-up call: the history has the tool call id on the call and on the tool result (from input.value)", () => {
    expect(second.inputs).toEqual({
      messages: [
        { role: "user", content: QUESTION },
        { role: "assistant", content: "", tool_calls: [TOOL_CALL] },
        { role: "tool", content: WEATHER_JSON, tool_call_id: "call_fixture_0001" },
      ],
      model: "gpt-4o-mini",
      stream: false,
    });
    expect(second.outputs).toEqual({
      id: "chatcmpl-fixture-0003",
      model: "gpt-4o-mini-2024-07-18",
      choices: [{ index: 0, message: { role: "assistant", content: ANSWER }, finish_reason: "stop" }],
    });
    expect(second.tokenUsage).toEqual({ input_tokens: 118, output_tokens: 14, total_tokens: 132 });
  });
});

// ---------------------------------------------------------------------------------------------
// The LangChain reading on hand-built spans

const lc = (cls: string, kwargs: Record<string, unknown>, path = ["langchain_core", "messages"]) => ({
  lc: 1,
  type: "constructor",
  id: [...path, cls],
  kwargs,
});

function span(attributes: Attributes): MlflowSpan {
  return toMlflowSpan({ name: "s", attributes });
}

function chain(input: unknown, output: unknown): MlflowSpan {
  return span({
    "openinference.span.kind": "CHAIN",
    "input.value": JSON.stringify(input),
    "input.mime_type": "application/json",
    "output.value": JSON.stringify(output),
    "output.mime_type": "application/json",
  });
}

describe("LangChain constructor envelopes in input.value / output.value", () => {
  it("messages of each class become chat messages; an AIMessage's parsed tool_calls become OpenAI calls, empty content null", () => {
    const out = chain(
      [
        lc("HumanMessage", { content: "hi", additional_kwargs: {}, response_metadata: {} }),
        lc("SystemMessage", { content: "be brief" }),
        lc("AIMessageChunk", { content: "", tool_calls: [{ name: "f", args: { a: 1 }, id: "c1", type: "tool_call" }], usage_metadata: { input_tokens: 3 } }),
        lc("ToolMessage", { content: "42", tool_call_id: "c1", name: "f" }),
        lc("ChatMessage", { content: "x", role: "critic" }),
      ],
      null,
    );
    expect(out.inputs).toEqual([
      { role: "user", content: "hi" },
      { role: "system", content: "be brief" },
      { role: "assistant", content: null, tool_calls: [{ id: "c1", type: "function", function: { name: "f", arguments: '{"a":1}' } }] },
      { role: "tool", content: "42", tool_call_id: "c1", name: "f" },
      { role: "critic", content: "x" },
    ]);
  });

  it("without parsed tool_calls, the provider's additional_kwargs.tool_calls are used", () => {
    const call = { id: "c9", type: "function", function: { name: "g", arguments: "{}" } };
    expect(chain(lc("AIMessage", { content: "", additional_kwargs: { tool_calls: [call] } }), null).inputs).toEqual({
      role: "assistant",
      content: null,
      tool_calls: [call],
    });
  });

  it("prompt values, documents and nested envelopes are decoded; other classes are kept whole", () => {
    const other = lc("Weird", { x: 1 }, ["my_pkg"]);
    const out = chain(
      { prompt: lc("StringPromptValue", { value: "Tell me a joke" }, ["langchain_core", "prompt_values"]), keep: other },
      { documents: [lc("Document", { pageContent: "Paris is in France.", metadata: { source: "wiki" }, id: "d1" }, ["langchain_core", "documents"])] },
    );
    expect(out.inputs).toEqual({ prompt: "Tell me a joke", keep: other });
    expect(out.outputs).toEqual({ documents: [{ id: "d1", page_content: "Paris is in France.", metadata: { source: "wiki" } }] });
  });

  it('{"output": x} is removed around a LangChain object only; an application\'s own single-key object stays', () => {
    expect(chain(null, { output: lc("AIMessage", { content: "ok" }) }).outputs).toEqual({ role: "assistant", content: "ok" });
    expect(chain(null, { output: { score: 1 } }).outputs).toEqual({ output: { score: 1 } });
  });

  it("an object that only resembles an envelope (lc 2, no kwargs) is left alone", () => {
    const near = { lc: 2, type: "constructor", id: ["langchain_core", "messages", "AIMessage"], kwargs: { content: "x" } };
    const noKwargs = { lc: 1, type: "constructor", id: ["langchain_core", "messages", "AIMessage"] };
    expect(chain(near, noKwargs).inputs).toEqual(near);
    expect(chain(near, noKwargs).outputs).toEqual(noKwargs);
  });
});

describe("tool-call ids recovered from the LangChain run envelopes of an LLM span", () => {
  const flattened: Attributes = {
    "openinference.span.kind": "LLM",
    "llm.input_messages.0.message.role": "user",
    "llm.input_messages.0.message.content": "q",
    "llm.input_messages.1.message.role": "assistant",
    "llm.input_messages.1.message.tool_calls.0.tool_call.function.name": "f",
    "llm.input_messages.1.message.tool_calls.0.tool_call.function.arguments": "{}",
    "llm.input_messages.2.message.role": "tool",
    "llm.input_messages.2.message.content": "r",
    "llm.output_messages.0.message.role": "assistant",
    "llm.output_messages.0.message.tool_calls.0.tool_call.function.name": "f",
    "llm.output_messages.0.message.tool_calls.0.tool_call.function.arguments": "{}",
  };
  const history = [
    lc("HumanMessage", { content: "q" }),
    lc("AIMessage", { content: "", tool_calls: [{ name: "f", args: {}, id: "c1" }] }),
    lc("ToolMessage", { content: "r", tool_call_id: "c1" }),
  ];
  const generations = { generations: [[{ text: "", message: lc("AIMessage", { id: "resp-1", content: "", tool_calls: [{ name: "f", args: {}, id: "c2" }], response_metadata: { model_name: "m-2025" } }) }]] };
  const json = (input: unknown, output: unknown): Attributes => ({
    "input.value": JSON.stringify(input),
    "input.mime_type": "application/json",
    "output.value": JSON.stringify(output),
    "output.mime_type": "application/json",
  });

  it("fills the call ids, the tool message's tool_call_id, and the response id and model", () => {
    const out = span({ ...flattened, ...json({ messages: [history] }, generations) });
    const inputs = out.inputs as { messages: { tool_calls?: { id: string }[]; tool_call_id?: string }[] };
    expect(inputs.messages[1]!.tool_calls![0]!.id).toBe("c1");
    expect(inputs.messages[2]!.tool_call_id).toBe("c1");
    expect(out.outputs).toEqual({
      id: "resp-1",
      model: "m-2025",
      choices: [{ index: 0, message: { role: "assistant", content: null, tool_calls: [{ id: "c2", type: "function", function: { name: "f", arguments: "{}" } }] }, finish_reason: null }],
    });
  });

  it("leaves ids empty when the envelope holds a different conversation (other length or roles, other function)", () => {
    const shorter = span({ ...flattened, ...json({ messages: [history.slice(0, 2)] }, { generations: [] }) });
    expect((shorter.inputs as { messages: { tool_calls?: { id: string }[] }[] }).messages[1]!.tool_calls![0]!.id).toBe("");
    const renamed = [history[0], lc("AIMessage", { content: "", tool_calls: [{ name: "other", args: {}, id: "c1" }] }), history[2]];
    const other = span({ ...flattened, ...json({ messages: [renamed] }, { generations: [] }) });
    const messages = (other.inputs as { messages: { tool_calls?: { id: string }[]; tool_call_id?: string }[] }).messages;
    expect(messages[1]!.tool_calls![0]!.id).toBe("");
    // The tool message still matches by position and role.
    expect(messages[2]!.tool_call_id).toBe("c1");
  });
});
