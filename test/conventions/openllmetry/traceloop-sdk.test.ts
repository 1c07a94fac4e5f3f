/**
 * Spans captured from the Traceloop SDK itself (`@traceloop/node-server-sdk@0.27.0`): the
 * withWorkflow / withAgent / withTask / withTool wrappers and the bundled OpenAI instrumentation
 * (scripts/capture/traceloop-sdk.ts). Exact span types, entity inputs/outputs after the envelopes are
 * unwrapped, chat messages and token counts.
 */
import { describe, expect, it } from "vitest";
import { toMlflowSpan, type MlflowSpan } from "../../../src/index.js";
import { loadFixture } from "../../helpers/fixtures.js";

function spansOf(id: string): MlflowSpan[] {
  return loadFixture(id).map((span) => toMlflowSpan(span));
}

function named(spans: readonly MlflowSpan[], name: string): MlflowSpan {
  const found = spans.filter((s) => s.name === name);
  if (found.length !== 1) throw new Error(`expected one span named ${name}, found ${found.length}`);
  return found[0]!;
}

/** The chat span started inside the task whose entity path is `path`. */
function chatIn(spans: readonly MlflowSpan[], path: string): MlflowSpan {
  const found = spans.filter((s) => s.name === "chat gpt-4o-mini" && s.attributes["traceloop.entity.path"] === path);
  if (found.length !== 1) throw new Error(`expected one chat span under ${path}, found ${found.length}`);
  return found[0]!;
}

const QUESTION = "What's the weather like in Paris today?";
const ANSWER = "It is currently 18 °C and sunny in Paris.";
const TOOL_CALL = {
  id: "call_fixture_0001",
  type: "function",
  function: { name: "get_weather", arguments: '{"city":"Paris","unit":"celsius"}' },
};
const WEATHER = { city: "Paris", temperature: 18, unit: "celsius", condition: "sunny" };

describe("traceloop-sdk__agent-workflow (workflow -> agent -> task -> tool -> chat)", () => {
  const spans = spansOf("openllmetry/traceloop-sdk__agent-workflow");
  const workflow = named(spans, "weather_report.workflow");
  const agent = named(spans, "weather_agent.agent");
  const plan = named(spans, "plan.task");
  const respond = named(spans, "respond.task");
  const tool = named(spans, "get_weather.tool");
  const planChat = chatIn(spans, "plan");
  const answerChat = chatIn(spans, "respond");

  it("has the seven spans, each with its exact type and no diagnostics", () => {
    expect(spans).toHaveLength(7);
    expect(spans.map((s) => [s.name, s.spanType])).toEqual(
      expect.arrayContaining([
        ["weather_report.workflow", "WORKFLOW"],
        ["weather_agent.agent", "AGENT"],
        ["plan.task", "TASK"],
        ["respond.task", "TASK"],
        ["get_weather.tool", "TOOL"],
        ["chat gpt-4o-mini", "CHAT_MODEL"],
        ["chat gpt-4o-mini", "CHAT_MODEL"],
      ]),
    );
    expect(spans.filter((s) => s.spanType === "CHAT_MODEL")).toHaveLength(2);
    for (const span of spans) expect(span.diagnostics).toEqual([]);
  });

  it("keeps the nesting the wrappers produced", () => {
    expect(workflow.parentSpanId).toBeUndefined();
    expect(agent.parentSpanId).toBe(workflow.spanId);
    expect(plan.parentSpanId).toBe(agent.spanId);
    expect(respond.parentSpanId).toBe(agent.spanId);
    expect(planChat.parentSpanId).toBe(plan.spanId);
    expect(tool.parentSpanId).toBe(respond.spanId);
    expect(answerChat.parentSpanId).toBe(respond.spanId);
    expect(new Set(spans.map((s) => s.traceId)).size).toBe(1);
  });

  it("wrapper spans: INTERNAL, OpenLLMetry (plus GenAI where gen_ai.agent.name is set), no token usage", () => {
    for (const span of [workflow, agent, plan, respond, tool]) {
      expect(span.kind).toBe("INTERNAL");
      expect(span.tokenUsage).toBeUndefined();
      expect(span.scope?.name).toBe("@traceloop/node-server-sdk");
    }
    expect(workflow.conventions).toEqual(["openllmetry"]);
    for (const span of [agent, plan, respond, tool]) expect(span.conventions).toEqual(["openllmetry", "genai"]);
  });

  it("workflow: the single object argument is unwrapped from {args: [], kwargs}, the object result parsed", () => {
    expect(workflow.inputs).toEqual({ question: QUESTION });
    expect(workflow.outputs).toEqual({ answer: ANSWER, sources: ["get_weather"] });
  });

  it("agent: the single positional argument is unwrapped from {args: [x], kwargs: {}}; the JSON string result is decoded", () => {
    expect(agent.inputs).toBe(QUESTION);
    expect(agent.attributes["traceloop.entity.output"]).toBe(JSON.stringify(ANSWER));
    expect(agent.outputs).toBe(ANSWER);
  });

  it("tasks without arguments get {} as inputs; an object result is parsed", () => {
    expect(plan.inputs).toEqual({});
    expect(respond.inputs).toEqual({});
    expect(plan.outputs).toEqual({ role: "assistant", content: null, refusal: null, annotations: [], tool_calls: [TOOL_CALL] });
  });

  it("tool: kwargs in, the JSON object it returned out", () => {
    expect(tool.inputs).toEqual({ city: "Paris", unit: "celsius" });
    expect(tool.outputs).toEqual(WEATHER);
  });

  it("Traceloop bookkeeping keys stay as attributes, not consumed", () => {
    expect(workflow.attributes).toMatchObject({
      "traceloop.workflow.name": "weather_report",
      "traceloop.entity.name": "weather_report",
      "traceloop.entity.path": "",
      "traceloop.association.properties.user_id": "user-fixture-1",
    });
    // From the agent down the SDK names the agent as the workflow.
    expect(tool.attributes).toMatchObject({
      "traceloop.workflow.name": "weather_agent",
      "traceloop.entity.name": "get_weather",
      "traceloop.entity.path": "respond",
      "gen_ai.agent.name": "weather_agent",
    });
  });

  it("chat offering the tool: CHAT_MODEL with the tool call, tools and 82 / 19 / 101 tokens", () => {
    expect(planChat.kind).toBe("CLIENT");
    expect(planChat.conventions).toEqual(["openllmetry", "genai"]);
    expect(planChat.provider).toBe("openai");
    expect(planChat.model).toBe("gpt-4o-mini-2024-07-18");
    expect(planChat.messageFormat).toBe("openai");
    expect(planChat.inputs).toEqual({ messages: [{ role: "user", content: QUESTION }], model: "gpt-4o-mini" });
    expect(planChat.outputs).toEqual({
      id: "chatcmpl-fixture-0002",
      model: "gpt-4o-mini-2024-07-18",
      choices: [{ index: 0, message: { role: "assistant", content: null, tool_calls: [TOOL_CALL] }, finish_reason: "tool_calls" }],
    });
    expect(planChat.tools?.map((t) => t.function.name)).toEqual(["get_weather"]);
    expect(planChat.tokenUsage).toEqual({ input_tokens: 82, output_tokens: 19, total_tokens: 101 });
  });

  it("chat with the tool result: the tool message keeps its tool_call_id; 118 / 14 / 132 tokens", () => {
    expect(answerChat.inputs).toEqual({
      messages: [
        { role: "user", content: QUESTION },
        { role: "assistant", content: null, tool_calls: [TOOL_CALL] },
        { role: "tool", content: JSON.stringify(WEATHER), tool_call_id: "call_fixture_0001" },
      ],
      model: "gpt-4o-mini",
    });
    expect(answerChat.outputs).toEqual({
      id: "chatcmpl-fixture-0003",
      model: "gpt-4o-mini-2024-07-18",
      choices: [{ index: 0, message: { role: "assistant", content: ANSWER }, finish_reason: "stop" }],
    });
    expect(answerChat.tokenUsage).toEqual({ input_tokens: 118, output_tokens: 14, total_tokens: 132 });
  });
});

describe("traceloop-sdk__entity-io (how withEntity records inputs and outputs)", () => {
  const spans = spansOf("openllmetry/traceloop-sdk__entity-io");

  it("span types", () => {
    expect(spans.map((s) => [s.name, s.spanType])).toEqual([
      ["format_report.workflow", "WORKFLOW"],
      ["normalise_city.task", "TASK"],
      ["sum_temperatures.task", "TASK"],
      ["list_units.tool", "TOOL"],
      ["audit_log.task", "TASK"],
      ["load_secrets.task", "TASK"],
    ]);
    for (const span of spans) {
      expect(span.conventions).toEqual(["openllmetry"]);
      expect(span.diagnostics).toEqual([]);
      expect(span.tokenUsage).toBeUndefined();
    }
  });

  it("several positional arguments and no kwargs: the list of arguments (their names are not recorded)", () => {
    const workflow = named(spans, "format_report.workflow");
    expect(workflow.inputs).toEqual(["Paris", 3, { unit: "celsius" }]);
    expect(workflow.outputs).toEqual({ city: "PARIS", days: 3, unit: "celsius", average: 20, units: ["celsius", "fahrenheit"] });
    expect(workflow.attributes["traceloop.entity.version"]).toBe(2);
  });

  it("one string argument: unwrapped to the string", () => {
    const task = named(spans, "normalise_city.task");
    expect(task.inputs).toBe("Paris");
    // The SDK writes JSON.stringify(result): the string "\"PARIS\"".
    expect(task.attributes["traceloop.entity.output"]).toBe('"PARIS"');
    expect(task.outputs).toBe("PARIS");
  });

  it("one object argument: unwrapped to the kwargs", () => {
    const task = named(spans, "sum_temperatures.task");
    expect(task.inputs).toEqual({ temperatures: [18, 21, 21] });
    expect(task.attributes["traceloop.entity.output"]).toBe("60");
    expect(task.outputs).toBe(60);
  });

  it("no argument: {} in; an array result parsed", () => {
    const tool = named(spans, "list_units.tool");
    expect(tool.inputs).toEqual({});
    expect(tool.outputs).toEqual(["celsius", "fahrenheit"]);
  });

  it("a function returning undefined has inputs but no outputs", () => {
    const audit = named(spans, "audit_log.task");
    expect(audit.inputs).toBe("report for PARIS");
    expect(audit.outputs).toBeUndefined();
  });

  it("traceContent: false on the entity: neither inputs nor outputs", () => {
    const secrets = named(spans, "load_secrets.task");
    expect(secrets.inputs).toBeUndefined();
    expect(secrets.outputs).toBeUndefined();
    expect(Object.keys(secrets.attributes).filter((k) => k.startsWith("traceloop.entity.in") || k.startsWith("traceloop.entity.out"))).toEqual([]);
  });
});
