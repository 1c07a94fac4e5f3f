/**
 * MLflow's own tracing (Python only): the spans `mlflow.openai.autolog()` writes for
 * `client.chat.completions.create(...)`, exported over OTLP, rebuilt from MLflow's source code and
 * replayed through the OTel JS SDK. Nothing of MLflow runs here.
 *
 * Why this source and commit: these spans name their model only inside `mlflow.spanInputs` (the
 * request's `model`) and `mlflow.spanOutputs` (the response's `model`); no `mlflow.llm.model` and no
 * model key of another convention. The MLflow server fills `mlflow.llm.model` from them when it stores
 * the span (translation `_get_model_name`: inputs first, then outputs). Since MLflow PR #20327 (commit
 * 0dcd1f868b39bfbddbf69fd6e651377d022b420d, 2026-01-29) the OpenAI autolog sets `mlflow.llm.model`
 * itself (`set_span_model_attribute` in `set_span_chat_attributes`), on success only; the commit read
 * here is its parent, the newest one whose OpenAI autolog sets no model attribute at all.
 *
 * Source: github.com/mlflow/mlflow at commit 16fb36f8c3fa88943f66999ce5343141a34b21e9 (2026-01-29,
 * "Revamp assessments and run judges directly in trace UI [Part 7/x]…", version 3.9.1.dev0), read from
 * the snapshot of the fork harupy/mlflow (its master holds upstream's history; the branch
 * branch-3.9-cherry-picks, 3.9.0rc0, has the same files below byte for byte). Files read:
 *   mlflow/openai/autolog.py               patched_call, _start_span, _end_span_on_success
 *   mlflow/openai/utils/chat_schema.py     set_span_chat_attributes, _parse_tools, _parse_usage
 *   mlflow/tracing/fluent.py               start_span_no_context
 *   mlflow/tracing/provider.py             start_detached_span (tracer name), the resource
 *   mlflow/tracing/processor/otel.py       OtelSpanProcessor.on_start (the OTLP export path)
 *   mlflow/entities/span.py                LiveSpan, _SpanAttributesRegistry
 *   mlflow/tracing/utils/__init__.py       dump_span_attribute_value, TraceJSONEncoder, set_span_chat_tools
 *   mlflow/types/chat.py                   ChatTool, FunctionToolDefinition, FunctionParams, ParamProperty
 * Line numbers below are at that commit. The response objects are those of the `openai` Python SDK
 * 2.16.0 (github.com/openai/openai-python at dc68b90655912886bd7a6c7787f96005452ebfc9, "release:
 * 2.16.0", 2026-01-27): src/openai/types/chat/chat_completion.py, chat_completion_message.py,
 * chat_completion_message_function_tool_call.py, completion_usage.py (their field order is the order
 * pydantic's `model_dump` writes).
 *
 * What is modelled: `mlflow.openai.autolog()` with OTEL_EXPORTER_OTLP_TRACES_ENDPOINT set (provider.py
 * L584-605: the OtelSpanProcessor alone) and OTEL_SERVICE_NAME=qa-service (provider.py L473-490: the
 * resource then carries the service name and MLflow's telemetry.sdk.* values). The OpenAI replies
 * are those of this project's mock provider (ids, texts, token counts), as if the Python client had
 * talked to it. Each call is its own trace (no parent span).
 *
 * How a value is written: every attribute goes through `dump_span_attribute_value`
 * (utils/__init__.py L121-125: `json.dumps(value, cls=TraceJSONEncoder, ensure_ascii=False)`, Python's
 * default separators `", "` / `": "`); a pydantic object is `model_dump()`ed first (L71-76), so the
 * response keeps every field, None included, in the model's field order.
 */
import { type Attributes, SpanKind, SpanStatusCode } from "@opentelemetry/api";

import { runCapture, setupTelemetry, type Scenario } from "../harness.js";
import { FIXED_CREATED, OPENAI_CHAT_MODEL } from "../mock-provider.js";
import { OPENAI_WEATHER_TOOL } from "../scenarios.js";

const REPO = "mlflow/mlflow";
const COMMIT = "16fb36f8c3fa88943f66999ce5343141a34b21e9";
const MLFLOW_VERSION = "3.9.1.dev0";
const OPENAI_PY = "openai@2.16.0 (Python)";

// provider.py L473-490: with OTEL_SERVICE_NAME set, MLflow puts its own telemetry.sdk.* values into
// OTEL_RESOURCE_ATTRIBUTES, so the resource has the service name and these three.
const telemetry = setupTelemetry("qa-service", {
  resource: {
    "telemetry.sdk.language": "python",
    "telemetry.sdk.name": "mlflow",
    "telemetry.sdk.version": MLFLOW_VERSION,
  },
});
// provider.py L224: `_get_tracer(__name__)` in start_detached_span, a tracer without a version.
const tracer = telemetry.tracerProvider.getTracer("mlflow.tracing.provider");

/** `json.dumps(value, ensure_ascii=False)`: Python's default separators, non-ASCII kept as is. */
function pyJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(pyJson).join(", ")}]`;
  return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)}: ${pyJson(v)}`).join(", ")}}`;
}

/** Every key of `values` JSON-encoded as MLflow does (`_SpanAttributesRegistry.set`, span.py L880-888). */
const dumped = (values: Record<string, unknown>): Attributes =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, pyJson(v)]));

const REQUEST_MODEL = "gpt-4o-mini";
const SYSTEM = "You are a concise assistant. Answer in one sentence.";
const WEATHER_QUESTION = "What's the weather like in Paris today?";
const TOOL_ARGUMENTS = '{"city":"Paris","unit":"celsius"}';

/** The request's `tools` as the caller passes them: the tool of the captured OpenAI fixtures. */
const WEATHER_TOOL = OPENAI_WEATHER_TOOL;

interface Usage {
  prompt: number;
  completion: number;
  cached: number;
  reasoning: number;
}

/**
 * `ChatCompletion.model_dump()` of the mock's reply: chat_completion.py (ChatCompletion: id, choices,
 * created, model, object, service_tier, system_fingerprint, usage; Choice: finish_reason, index,
 * logprobs, message), chat_completion_message.py (content, refusal, role, annotations, audio,
 * function_call, tool_calls), completion_usage.py (completion_tokens, prompt_tokens, total_tokens,
 * completion_tokens_details, prompt_tokens_details, each details object in its field order).
 */
function completion(id: string, content: string | null, toolCalls: unknown[] | null, finish: string, u: Usage): Record<string, unknown> {
  return {
    id,
    choices: [
      {
        finish_reason: finish,
        index: 0,
        logprobs: null,
        message: { content, refusal: null, role: "assistant", annotations: [], audio: null, function_call: null, tool_calls: toolCalls },
      },
    ],
    created: FIXED_CREATED,
    model: OPENAI_CHAT_MODEL,
    object: "chat.completion",
    service_tier: "default",
    system_fingerprint: "fp_fixture",
    usage: {
      completion_tokens: u.completion,
      prompt_tokens: u.prompt,
      total_tokens: u.prompt + u.completion,
      completion_tokens_details: { accepted_prediction_tokens: 0, audio_tokens: 0, reasoning_tokens: u.reasoning, rejected_prediction_tokens: 0 },
      prompt_tokens_details: { audio_tokens: 0, cached_tokens: u.cached },
    },
  };
}

interface Call {
  /** The keyword arguments of `create(...)`, in the caller's order. */
  readonly kwargs: Record<string, unknown>;
  readonly response: Record<string, unknown>;
  readonly usage: Usage;
  /** `mlflow.chat.tools` when the request has tools. */
  readonly chatTools?: unknown[];
  readonly durationMs: number;
}

/**
 * One `Completions.create` call, written in the order the source sets the attributes; the span is
 * started here rather than through spans.ts because its first attribute holds its own trace id.
 */
function emitCall(call: Call): void {
  // autolog.py L287-292 -> fluent.py L582-587 -> provider.py L224-237: a span named after the
  // patched class (`Completions` for chat completions), INTERNAL, started with no attributes.
  const span = tracer.startSpan("Completions", { kind: SpanKind.INTERNAL, startTime: [1_735_689_600, 0] });
  // processor/otel.py L43-53 -> span.py L515-517: on start the LiveSpan writes the trace id
  // (utils L335-341: "tr-" + the OTel trace id in hex) and a span type of None.
  span.setAttributes(dumped({ "mlflow.traceRequestId": `tr-${span.spanContext().traceId}`, "mlflow.spanType": null }));
  // fluent.py L599-607: the type (autolog.py L166-168: chat completions are CHAT_MODEL; the key keeps
  // its place), the inputs (the kwargs as passed), then the attributes of autolog.py L282-284: every
  // kwarg but `messages` / `input` under its own name, and the message format.
  span.setAttributes(dumped({ "mlflow.spanType": "CHAT_MODEL", "mlflow.spanInputs": call.kwargs }));
  const { messages: _messages, ...rest } = call.kwargs;
  span.setAttributes(dumped({ ...rest, "mlflow.message.format": "openai" }));
  // autolog.py L339 -> chat_schema.py L25-36: tools (L85-119 and utils L441-449: each tool through
  // ChatTool, `model_dump(exclude_unset=True)`), then usage (L122-144: the three counts only). No model.
  if (call.chatTools !== undefined) span.setAttributes(dumped({ "mlflow.chat.tools": call.chatTools }));
  const u = call.usage;
  span.setAttributes(dumped({ "mlflow.chat.tokenUsage": { input_tokens: u.prompt, output_tokens: u.completion, total_tokens: u.prompt + u.completion } }));
  // autolog.py L340 -> span.py L615-656 `end`: the outputs (L642), then status OK (L651: not ERROR).
  span.setAttributes(dumped({ "mlflow.spanOutputs": call.response }));
  span.setStatus({ code: SpanStatusCode.OK });
  const endMs = 1_735_689_600_000 + call.durationMs;
  span.end([Math.floor(endMs / 1000), (endMs % 1000) * 1_000_000]);
}

const chatUsage: Usage = { prompt: 26, completion: 12, cached: 16, reasoning: 4 };
const chat: Call = {
  kwargs: {
    model: REQUEST_MODEL,
    messages: [
      { role: "system", content: SYSTEM },
      { role: "user", content: "What is the capital of France?" },
    ],
    temperature: 0.2,
    max_tokens: 64,
  },
  response: completion("chatcmpl-fixture-0001", "The capital of France is Paris.", null, "stop", chatUsage),
  usage: chatUsage,
  durationMs: 640,
};

const toolUsage: Usage = { prompt: 82, completion: 19, cached: 0, reasoning: 0 };
const chatTools: Call = {
  kwargs: { model: REQUEST_MODEL, messages: [{ role: "user", content: WEATHER_QUESTION }], tools: [WEATHER_TOOL], tool_choice: "auto" },
  // chat_completion_message_function_tool_call.py: id, function (arguments, name), type.
  response: completion(
    "chatcmpl-fixture-0002",
    null,
    [{ id: "call_fixture_0001", function: { arguments: TOOL_ARGUMENTS, name: "get_weather" }, type: "function" }],
    "tool_calls",
    toolUsage,
  ),
  usage: toolUsage,
  // types/chat.py L103-144: the pydantic models' field order (FunctionParams: properties, type, required,
  // additionalProperties; ParamProperty: type, description, enum), unset `strict` left out.
  chatTools: [
    {
      type: "function",
      function: {
        name: "get_weather",
        description: "Get the current weather for a city.",
        parameters: {
          properties: {
            city: { type: "string", description: "City name, e.g. Paris" },
            unit: { type: "string", enum: ["celsius", "fahrenheit"] },
          },
          type: "object",
          required: ["city"],
          additionalProperties: false,
        },
      },
    },
  ],
  durationMs: 710,
};

const scenario = (name: string, call: Call, notes: readonly string[]): Scenario => ({ name, run: async () => emitCall(call), notes });

await runCapture({
  telemetry,
  convention: "mlflow",
  instrumentation: "mlflow-autolog",
  instrumentationPackages: [`mlflow@${MLFLOW_VERSION} mlflow.openai.autolog() (from source: ${REPO}@${COMMIT.slice(0, 12)})`],
  sdkPackage: `${OPENAI_PY}; replies of the mock provider`,
  scenarios: [
    scenario("chat", chat, [
      "issue-13 class: the model only in mlflow.spanInputs.model (gpt-4o-mini) and mlflow.spanOutputs.model (gpt-4o-mini-2024-07-18); no mlflow.llm.model, the request's model also as a plain `model` attribute",
    ]),
    scenario("chat-tools", chatTools, [
      "the same with a tool: mlflow.chat.tools (ChatTool field order), kwargs `tools` / `tool_choice` also as plain attributes, a tool call in the outputs",
    ]),
  ],
  notes: [
    `built from source, not captured: ${REPO} (read from the snapshot of harupy/mlflow) at ${COMMIT}, the parent of 0dcd1f868b39 (#20327), which made this autolog write mlflow.llm.model; files and line numbers cited in scripts/capture/from-source/mlflow-autolog.ts`,
    "scope mlflow.tracing.provider; one INTERNAL span 'Completions' per call; every attribute value is JSON text (mlflow.traceRequestId, mlflow.spanType, mlflow.spanInputs, the kwargs, mlflow.message.format, mlflow.chat.tokenUsage, mlflow.spanOutputs), so the token counts are only inside mlflow.chat.tokenUsage",
  ],
});
