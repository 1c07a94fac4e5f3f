/**
 * Pydantic AI (Python only): the spans its OpenTelemetry instrumentation writes, rebuilt from its
 * source code and replayed through the OTel JS SDK (see spans.ts). Nothing of Pydantic AI runs here.
 *
 * Source: github.com/pydantic/pydantic-ai at commit 4fda38988f2939fa6ea9cdefcf120693e10ef491
 * (2026-08-22, "Add GLM-5.3 support to `ZaiModel` (#7600)", v2.33.0 + 11 commits). Files read:
 *   pydantic_ai_slim/pydantic_ai/capabilities/instrumentation.py  agent run and tool spans
 *   pydantic_ai_slim/pydantic_ai/_instrumentation.py              model request (`chat`) span, span names
 *   pydantic_ai_slim/pydantic_ai/models/instrumented.py           InstrumentationSettings, message JSON
 *   pydantic_ai_slim/pydantic_ai/usage.py                         usage attributes
 *   pydantic_ai_slim/pydantic_ai/messages.py                      message parts in the GenAI JSON shape
 *   pydantic_ai_slim/pydantic_ai/_otel_messages.py                the part types
 *   pydantic_ai_slim/pydantic_ai/models/openai.py                 OpenAI usage, finish reasons, errors
 *   pydantic_ai_slim/pydantic_ai/exceptions.py                    ModelHTTPError's message
 *   tests/test_logfire.py                                         snapshots used to check the shapes
 * Line numbers below are at that commit ("instrumentation.py" = capabilities/instrumentation.py).
 *
 * What is modelled: `Agent(OpenAIChatModel('gpt-4o-mini'), instructions=..., instrument=True)` with
 * the default InstrumentationSettings (format version 5, `_instrumentation.py` L32; content on,
 * aggregated usage names on, `models/instrumented.py` L75-80), exported by the plain OpenTelemetry
 * Python SDK (not Logfire: Logfire adds `logfire.span_type`, `logfire.level_num` and a `logfire.msg`
 * on chat spans, see tests/test_logfire.py L474-478). The OpenAI replies are those of this
 * project's mock provider (same ids, texts and token counts as the captured OpenAI fixtures), as if
 * the Python agent had talked to it; the base URL is the real API's, as a user's would be.
 *
 * Not reproduced exactly: the `model_request_parameters` attribute is the JSON of a dataclass with
 * ~20 fields per tool; it follows the field list of the snapshot at tests/test_logfire.py L428-471
 * with this run's values, but the provider-specific resolution in `Model.prepare_request` (e.g.
 * OpenAI strict-mode inference) is not replayed. `operation.cost` is what genai-prices gives for
 * gpt-4o-mini at $0.15 / $0.075 cached / $0.60 per million tokens (price not read from genai-prices
 * here). Run and conversation ids are fixed UUID7-shaped strings (Pydantic AI makes fresh UUID7s).
 */
import { type Attributes, SpanKind, SpanStatusCode } from "@opentelemetry/api";

import { runCapture, setupTelemetry, type Scenario } from "../harness.js";
import { type SpanSpec, compactJson, emitTree } from "./spans.js";

const REPO = "pydantic/pydantic-ai";
const COMMIT = "4fda38988f2939fa6ea9cdefcf120693e10ef491";
const PYDANTIC_AI_VERSION = "2.33.0";

// A Python service on the OTel Python SDK (its default resource keys).
const telemetry = setupTelemetry("weather-service", {
  resource: {
    "telemetry.sdk.language": "python",
    "telemetry.sdk.name": "opentelemetry",
    "telemetry.sdk.version": "1.36.0",
  },
});
// models/instrumented.py L145-148: tracer named 'pydantic-ai' with the package version.
const tracer = telemetry.tracerProvider.getTracer("pydantic-ai", PYDANTIC_AI_VERSION);

const AGENT_NAME = "weather_agent";
const REQUEST_MODEL = "gpt-4o-mini";
const RESPONSE_MODEL = "gpt-4o-mini-2024-07-18";
const INSTRUCTIONS = "You are a concise assistant. Answer in one sentence.";
const TOOL_RESULT_REPLY = "It is currently 18 °C and sunny in Paris.";

// A Python tool `def get_weather(city: str, unit: Literal['celsius', 'fahrenheit'] = 'celsius') -> dict`
// with the docstring "Get the current weather for a city."; its schema as Pydantic generates it.
const WEATHER_SCHEMA = {
  additionalProperties: false,
  properties: {
    city: { type: "string" },
    unit: { default: "celsius", enum: ["celsius", "fahrenheit"], type: "string" },
  },
  required: ["city"],
  type: "object",
};
const WEATHER_RESULT = { city: "Paris", temperature: 18, unit: "celsius", conditions: "sunny" };
const TOOL_CALL_ID = "call_fixture_0001";
const TOOL_ARGS = '{"city":"Paris","unit":"celsius"}';

interface Ids {
  readonly runId: string;
  readonly conversationId: string;
}

// ---------------------------------------------------------------------------------------------
// Message JSON (models/instrumented.py L205-223 messages_to_otel_messages; messages.py parts)

// messages.py L1101-1111: a user prompt string is one text part; role 'user' (instrumented.py L430-437).
const userMessage = (text: string) => ({ role: "user", parts: [{ type: "text", content: text }] });
// messages.py L2746-2761: OpenAI tool-call args are kept as the raw JSON string (`part.args` is a str).
const toolCallMessage = {
  role: "assistant",
  parts: [{ type: "tool_call", id: TOOL_CALL_ID, name: "get_weather", arguments: TOOL_ARGS }],
  // models/instrumented.py L219-221 + models/openai.py L300-308: 'tool_calls' -> 'tool_call'.
  finish_reason: "tool_call",
};
// messages.py L1552-1562: the tool return is a tool_call_response part with `result` = the value
// itself (serialize_any gives the JSON object, not a string). Version 5 keeps it on role 'user'
// (models/instrumented.py L430-437: 'tool' only from version 6).
const toolReturnMessage = {
  role: "user",
  parts: [{ type: "tool_call_response", id: TOOL_CALL_ID, name: "get_weather", result: WEATHER_RESULT }],
};
const textAnswer = (text: string) => ({ role: "assistant", parts: [{ type: "text", content: text }], finish_reason: "stop" });
// models/instrumented.py L291-298: instructions as one text part.
const SYSTEM_INSTRUCTIONS = compactJson([{ type: "text", content: INSTRUCTIONS }]);

// ---------------------------------------------------------------------------------------------
// Span attribute builders

/** _instrumentation.py L123-135: what every chat / tool span copies from the run's baggage. */
function baggage(ids: Ids): Attributes {
  return {
    "gen_ai.agent.name": AGENT_NAME,
    "gen_ai.agent.call.id": ids.runId,
    "gen_ai.conversation.id": ids.conversationId,
  };
}

/** _instrumentation.py L370-396 build_tool_definitions. */
const TOOL_DEFINITIONS = compactJson([
  { type: "function", name: "get_weather", description: "Get the current weather for a city.", parameters: WEATHER_SCHEMA },
]);

/** _instrumentation.py L330-333: serialize_any(ModelRequestParameters); fields per tests/test_logfire.py L428-471. */
function modelRequestParameters(withTool: boolean): string {
  const tool = {
    name: "get_weather",
    parameters_json_schema: WEATHER_SCHEMA,
    description: "Get the current weather for a city.",
    outer_typed_dict_key: null,
    strict: null,
    sequential: false,
    kind: "function",
    metadata: null,
    timeout: null,
    defer_loading: false,
    unless_native: null,
    with_native: null,
    tool_kind: null,
    return_schema: null,
    include_return_schema: null,
    toolset_id: null,
    capability_id: null,
  };
  return compactJson({
    function_tools: withTool ? [tool] : [],
    native_tools: [],
    tool_visibility: withTool ? { get_weather: "visible" } : {},
    revealed_tool_names: [],
    deferred_capability_ids: [],
    output_mode: "text",
    output_object: null,
    output_tools: [],
    prompted_output_template: null,
    allow_text_output: true,
    allow_image_output: false,
    instruction_parts: [{ content: INSTRUCTIONS, dynamic: false, part_kind: "instruction" }],
    thinking: null,
  });
}

interface ChatCall {
  readonly ids: Ids;
  readonly withTool: boolean;
  /** gen_ai.request.* from the model settings (_instrumentation.py L336-343, order L43-60). */
  readonly settings?: Attributes;
  readonly input: readonly object[];
  readonly output?: object;
  /** Response attributes; absent when the request failed. */
  readonly response?: Attributes;
  readonly timeToFirstChunk?: number;
}

/** The `chat <model>` CLIENT span (_instrumentation.py L444-544). */
function chatSpan(call: ChatCall, start: number, end: number, extra: Partial<SpanSpec> = {}): SpanSpec {
  // L474-491, in this order: operation, provider + server (L284-303; no server.port: the https URL
  // has none), request model (L306-310), baggage, model_request_parameters (L482-484),
  // logfire.json_schema (L485), gen_ai.tool.definitions (L487-489), model settings (L491).
  const attributes: Attributes = {
    "gen_ai.operation.name": "chat",
    "gen_ai.provider.name": "openai",
    "gen_ai.system": "openai",
    "server.address": "api.openai.com",
    "gen_ai.request.model": REQUEST_MODEL,
    ...baggage(call.ids),
    model_request_parameters: modelRequestParameters(call.withTool),
    "logfire.json_schema": compactJson({ type: "object", properties: { model_request_parameters: { type: "object" } } }),
    ...(call.withTool ? { "gen_ai.tool.definitions": TOOL_DEFINITIONS } : {}),
    ...(call.settings ?? {}),
  };
  const endAttributes: Attributes[] = [];
  if (call.output !== undefined && call.response !== undefined) {
    // models/instrumented.py L253-289 handle_messages (called from _instrumentation.py L527-533).
    endAttributes.push({
      "gen_ai.input.messages": compactJson(call.input),
      "gen_ai.output.messages": compactJson([call.output]),
      "gen_ai.system_instructions": SYSTEM_INSTRUCTIONS,
      "logfire.json_schema": compactJson({
        type: "object",
        properties: {
          "gen_ai.input.messages": { type: "array" },
          "gen_ai.output.messages": { type: "array" },
          "gen_ai.system_instructions": { type: "array" },
          model_request_parameters: { type: "object" },
        },
      }),
    });
    // _instrumentation.py L535-538: response_attributes (L399-420) then the streaming TTFT (L536-537).
    endAttributes.push({
      ...call.response,
      ...(call.timeToFirstChunk !== undefined ? { "gen_ai.client.operation.time_to_first_chunk": call.timeToFirstChunk } : {}),
    });
  }
  return {
    name: `chat ${REQUEST_MODEL}`,
    kind: SpanKind.CLIENT, // L495
    start,
    end,
    attributes,
    endAttributes,
    // L539: renamed to 'chat <request model>' after the response, the same name here.
    ...(call.response !== undefined ? { finalName: `chat ${REQUEST_MODEL}` } : {}),
    ...extra,
  };
}

/**
 * usage.py L218-253 opentelemetry_attributes for an OpenAI chat completion. models/openai.py
 * L4987-5036: `details` = completion_tokens_details as dumped by the openai SDK (its field order),
 * input_tokens = prompt_tokens, which INCLUDES the cached tokens (usage.py L93-98); the cache read
 * count goes to its own key and, for backwards compatibility, to details.cache_read_tokens.
 */
function openaiUsage(input: number, output: number, cached: number, reasoning: number, prefix = "gen_ai.usage."): Attributes {
  return {
    [`${prefix}input_tokens`]: input,
    [`${prefix}output_tokens`]: output,
    ...(cached > 0 ? { [`${prefix}cache_read.input_tokens`]: cached } : {}),
    [`${prefix}details.accepted_prediction_tokens`]: 0,
    [`${prefix}details.audio_tokens`]: 0,
    [`${prefix}details.reasoning_tokens`]: reasoning,
    [`${prefix}details.rejected_prediction_tokens`]: 0,
    ...(cached > 0 ? { [`${prefix}details.cache_read_tokens`]: cached } : {}),
  };
}

/** gpt-4o-mini list price in USD (see header). */
const cost = (input: number, cached: number, output: number): number =>
  Number(((input - cached) * 0.15e-6 + cached * 0.075e-6 + output * 0.6e-6).toPrecision(6));

/** _instrumentation.py L399-420 response_attributes: usage, response model, cost, id, finish reasons. */
function response(id: string, finish: string, usage: Attributes, price: number): Attributes {
  return {
    ...usage,
    "gen_ai.response.model": RESPONSE_MODEL,
    "operation.cost": price,
    "gen_ai.response.id": id,
    "gen_ai.response.finish_reasons": [finish],
  };
}

interface Names {
  readonly agentSpan: string;
  readonly toolSpan: string;
  readonly toolArguments: string;
  readonly toolResult: string;
}

/** _instrumentation.py L680-733 InstrumentationNames.for_version. */
function names(version: 2 | 5): Names {
  return version === 2
    ? { agentSpan: "agent run", toolSpan: "running tool", toolArguments: "tool_arguments", toolResult: "tool_response" }
    : {
        agentSpan: `invoke_agent ${AGENT_NAME}`,
        toolSpan: "execute_tool get_weather",
        toolArguments: "gen_ai.tool.call.arguments",
        toolResult: "gen_ai.tool.call.result",
      };
}

/** instrumentation.py L168-176: attributes of the agent run span at its start. */
function agentStartAttributes(ids: Ids): Attributes {
  return {
    model_name: REQUEST_MODEL,
    agent_name: AGENT_NAME,
    "gen_ai.agent.name": AGENT_NAME,
    "gen_ai.agent.call.id": ids.runId,
    "gen_ai.conversation.id": ids.conversationId,
    "gen_ai.operation.name": "invoke_agent",
    "logfire.msg": `${AGENT_NAME} run`,
  };
}

/**
 * instrumentation.py L236-277 _run_span_end_attributes: aggregated usage first (L263, remapped by
 * models/instrumented.py L300-311), then all messages, instructions, metadata, and a schema with one
 * entry per string attribute plus final_result.
 */
function agentEndAttributes(usage: Attributes, allMessages: readonly object[], metadata?: object): Attributes {
  const attrs: Attributes = {
    "pydantic_ai.all_messages": compactJson(allMessages),
    "gen_ai.system_instructions": SYSTEM_INSTRUCTIONS,
    ...(metadata !== undefined ? { metadata: compactJson(metadata) } : {}),
  };
  const properties: Record<string, object> = {};
  for (const key of Object.keys(attrs)) properties[key] = { type: "array" };
  properties["final_result"] = { type: "object" };
  return { ...usage, ...attrs, "logfire.json_schema": compactJson({ type: "object", properties }) };
}

// ---------------------------------------------------------------------------------------------
// Scenarios

/** agent.run('What's the weather like in Paris today?') with one tool round trip. */
function toolRun(version: 2 | 5, ids: Ids): SpanSpec {
  const n = names(version);
  const prompt = "What's the weather like in Paris today?";
  const first = chatSpan(
    {
      ids,
      withTool: true,
      input: [userMessage(prompt)],
      output: toolCallMessage,
      response: response("chatcmpl-fixture-0002", "tool_call", openaiUsage(82, 19, 0, 0), cost(82, 0, 19)),
    },
    12,
    640,
  );
  const tool: SpanSpec = {
    name: n.toolSpan, // instrumentation.py L514-515 + _instrumentation.py L722-733
    kind: SpanKind.INTERNAL,
    start: 650,
    end: 655,
    // instrumentation.py L383-416 _tool_span_attributes: arguments = args_as_json_str(), the raw string.
    attributes: {
      "gen_ai.operation.name": "execute_tool",
      "gen_ai.tool.name": "get_weather",
      "gen_ai.tool.call.id": TOOL_CALL_ID,
      [n.toolArguments]: TOOL_ARGS,
      ...baggage(ids),
      "logfire.msg": "running tool: get_weather",
      "logfire.json_schema": compactJson({
        type: "object",
        properties: {
          [n.toolArguments]: { type: "object" },
          [n.toolResult]: { type: "object" },
          "gen_ai.tool.name": {},
          "gen_ai.tool.call.id": {},
        },
      }),
    },
    // instrumentation.py L491-495 (+ L518-520): a non-string result as tool_return_ta JSON text.
    endAttributes: [{ [n.toolResult]: compactJson(WEATHER_RESULT) }],
  };
  const second = chatSpan(
    {
      ids,
      withTool: true,
      input: [userMessage(prompt), toolCallMessage, toolReturnMessage],
      output: textAnswer(TOOL_RESULT_REPLY),
      response: response("chatcmpl-fixture-0003", "stop", openaiUsage(118, 14, 0, 0), cost(118, 0, 14)),
    },
    660,
    1490,
  );
  return {
    name: n.agentSpan, // instrumentation.py L183-186
    start: 0,
    end: 1500,
    attributes: agentStartAttributes(ids),
    children: [first, tool, second],
    endAttributes: [
      { final_result: TOOL_RESULT_REPLY }, // instrumentation.py L195-203: a str output as is
      agentEndAttributes(
        // RunUsage sums both requests, details included (usage.py L398-414).
        openaiUsage(200, 33, 0, 0, "gen_ai.aggregated_usage."),
        [userMessage(prompt), toolCallMessage, toolReturnMessage, textAnswer(TOOL_RESULT_REPLY)],
        { tenant: "acme" }, // Agent(metadata={'tenant': 'acme'}): instrumentation.py L260-261
      ),
    ],
  };
}

function chatRun(ids: Ids): SpanSpec {
  const prompt = "What is the capital of France?";
  const answer = "The capital of France is Paris.";
  return {
    name: `invoke_agent ${AGENT_NAME}`,
    start: 0,
    end: 720,
    attributes: agentStartAttributes(ids),
    children: [
      chatSpan(
        {
          ids,
          withTool: false,
          settings: { "gen_ai.request.max_tokens": 64, "gen_ai.request.temperature": 0.2 },
          input: [userMessage(prompt)],
          output: textAnswer(answer),
          // 26 input tokens of which 16 read from the cache; 4 of the 12 output tokens reasoning.
          response: response("chatcmpl-fixture-0001", "stop", openaiUsage(26, 12, 16, 4), cost(26, 16, 12)),
        },
        10,
        710,
      ),
    ],
    endAttributes: [
      { final_result: answer },
      agentEndAttributes(openaiUsage(26, 12, 16, 4, "gen_ai.aggregated_usage."), [userMessage(prompt), textAnswer(answer)]),
    ],
  };
}

function streamRun(ids: Ids): SpanSpec {
  const prompt = "Count from 1 to 5.";
  const answer = "1, 2, 3, 4, 5.";
  return {
    name: `invoke_agent ${AGENT_NAME}`,
    start: 0,
    end: 910,
    attributes: agentStartAttributes(ids),
    children: [
      chatSpan(
        {
          ids,
          withTool: false,
          input: [userMessage(prompt)],
          output: textAnswer(answer),
          response: response("chatcmpl-fixture-0004", "stop", openaiUsage(22, 13, 0, 0), cost(22, 0, 13)),
          // _instrumentation.py L536-537: seconds from issuing the request to the first chunk (a float).
          timeToFirstChunk: 0.2315,
        },
        8,
        900,
      ),
    ],
    endAttributes: [
      { final_result: answer },
      agentEndAttributes(openaiUsage(22, 13, 0, 0, "gen_ai.aggregated_usage."), [userMessage(prompt), textAnswer(answer)]),
    ],
  };
}

/** model_settings={'temperature': 2.5}: OpenAI answers 400, models/openai.py L218-233 raises ModelHTTPError. */
function errorRun(ids: Ids): SpanSpec {
  const prompt = "What is the capital of France?";
  const body =
    "{'message': \"Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got 2.5 instead.\", " +
    "'type': 'invalid_request_error', 'param': 'temperature', 'code': 'decimal_above_max_value'}";
  // exceptions.py L545-561: the message; str(exc) is the message (L261-262).
  const message = `status_code: 400, model_name: ${REQUEST_MODEL}, body: ${body}`;
  const stack =
    "Traceback (most recent call last):\n" +
    '  File "/app/.venv/lib/python3.12/site-packages/pydantic_ai/models/openai.py", line 227, in _map_api_errors\n' +
    "    raise ModelHTTPError(\n" +
    `pydantic_ai.exceptions.ModelHTTPError: ${message}\n`;
  // The Python SDK's Span.__exit__: record_exception(escaped=True) then status ERROR with
  // "<type name>: <message>"; exception.type is module-qualified (see instrumentation.py L366-375).
  const exception = (at: number) => ({
    name: "exception",
    at,
    attributes: {
      "exception.type": "pydantic_ai.exceptions.ModelHTTPError",
      "exception.message": message,
      "exception.stacktrace": stack,
      "exception.escaped": "True",
    },
  });
  const status = { code: SpanStatusCode.ERROR, message: `ModelHTTPError: ${message}` };
  return {
    name: `invoke_agent ${AGENT_NAME}`,
    start: 0,
    end: 260,
    attributes: agentStartAttributes(ids),
    children: [
      // No response: finish() never runs, so no messages, usage or response keys (L501-539).
      chatSpan(
        { ids, withTool: false, settings: { "gen_ai.request.temperature": 2.5 }, input: [userMessage(prompt)] },
        9,
        250,
        { events: [exception(250)], status },
      ),
    ],
    // instrumentation.py L206-218: on error the end attributes still come, from the last request's
    // messages; no final_result, and no usage keys (all counts are zero, usage.py L221-224).
    endAttributes: [agentEndAttributes({}, [userMessage(prompt)])],
    events: [exception(260)],
    status,
  };
}

const scenario = (name: string, spec: SpanSpec, notes: readonly string[]): Scenario => ({
  name,
  run: async () => {
    emitTree(tracer, spec);
  },
  notes,
});

const ids = (n: number): Ids => ({
  runId: `0198d4a2-5e10-7c00-8a00-00000000000${n}`,
  conversationId: `0198d4a2-5e10-7c00-9b00-00000000000${n}`,
});

await runCapture({
  telemetry,
  convention: "pydantic-ai",
  instrumentation: "pydantic-ai",
  instrumentationPackages: [`pydantic-ai@${PYDANTIC_AI_VERSION} (from source: ${REPO}@${COMMIT.slice(0, 12)})`],
  sdkPackage: "openai (Python, OpenAIChatModel; replies of the mock provider)",
  scenarios: [
    scenario("run-tool", toolRun(5, ids(1)), [
      "format version 5 (default): invoke_agent -> chat (tool call) -> execute_tool -> chat; tool keys gen_ai.tool.call.arguments / result; tool result in the next request on role user",
    ]),
    scenario("run-chat", chatRun(ids(2)), [
      "one request with 16 cached of 26 input tokens and 4 reasoning tokens: gen_ai.usage.input_tokens includes the cache; gen_ai.usage.details.* and gen_ai.aggregated_usage.details.*",
    ]),
    scenario("run-stream", streamRun(ids(3)), ["run_stream: the same spans, plus gen_ai.client.operation.time_to_first_chunk (seconds) on the chat span"]),
    scenario("run-error", errorRun(ids(4)), [
      "HTTP 400: chat and agent spans ERROR with an exception event each; the agent span still gets pydantic_ai.all_messages and instructions, no final_result or usage",
    ]),
    scenario("run-tool-v2", toolRun(2, ids(5)), [
      "InstrumentationSettings(version=2) (deprecated): span names 'agent run' / 'running tool', tool keys tool_arguments / tool_response",
    ]),
  ],
  notes: [
    `built from source, not captured: ${REPO} at ${COMMIT}; files and line numbers cited in scripts/capture/from-source/pydantic-ai.ts`,
    "scope pydantic-ai; agent run span INTERNAL 'invoke_agent <agent>' with gen_ai.aggregated_usage.* (not gen_ai.usage.*), final_result, pydantic_ai.all_messages; chat spans CLIENT with GenAI JSON messages",
    "every chat and tool span carries gen_ai.agent.name, gen_ai.agent.call.id and gen_ai.conversation.id (from baggage)",
    "files read: pydantic_ai_slim/pydantic_ai/{capabilities/instrumentation.py, _instrumentation.py, models/instrumented.py, usage.py, messages.py, _otel_messages.py, models/openai.py, exceptions.py}; shapes checked against tests/test_logfire.py",
  ],
});
