/**
 * OpenLLMetry for Python (semconv_ai 0.5): spans of its OpenAI and LangChain instrumentations, rebuilt
 * from their source code and replayed through the OTel JS SDK (see spans.ts). Nothing Python runs here.
 *
 * Source: github.com/traceloop/openllmetry at commit 93429cfb9767e6b51db6cb35f6b70f758117669a
 * (2026-06-28, "bump: version 0.62.0 → 0.62.1"; instrumentations 0.62.1, opentelemetry-semantic-conventions-ai
 * 0.5.2). Files read (paths under packages/):
 *   opentelemetry-semantic-conventions-ai/opentelemetry/semconv_ai/__init__.py   SpanAttributes, GenAICustomOperationName
 *   opentelemetry-semantic-conventions-ai/MIGRATION.md                            the 0.4 -> 0.5 renames
 *   opentelemetry-instrumentation-openai/opentelemetry/instrumentation/openai/shared/chat_wrappers.py
 *   opentelemetry-instrumentation-openai/opentelemetry/instrumentation/openai/shared/__init__.py
 *   opentelemetry-instrumentation-langchain/opentelemetry/instrumentation/langchain/callback_handler.py
 * Line numbers below are at that commit.
 *
 * What is modelled:
 * - `client.chat.completions.create(model="o4-mini", reasoning_effort="low", user=..., messages=[system, user])`
 *   with the default settings (content on, no events). The reply, ids and counts are made up in the
 *   mock provider's style (the mock has no reasoning model): 26 input, 76 output of which 64 reasoning.
 * - a LangChain `RunnableSequence` whose one step is a `RunnableLambda` named `format_answer`, run with
 *   `invoke({"question": ...})`: the root chain span (kind workflow, `invoke_agent`) and the step's
 *   `execute_task` span, which carry both `traceloop.entity.*` and the 0.5 `gen_ai.task.*` keys.
 * Python's `json.dumps` writes `", "` and `": "` between items; `ensure_ascii` is on in the OpenAI
 * instrumentation and off in the LangChain one (`pyJson` below).
 */
import { SpanKind } from "@opentelemetry/api";

import { runCapture, setupTelemetry, type Scenario } from "../harness.js";
import { type SpanSpec, emitTree } from "./spans.js";

const REPO = "traceloop/openllmetry";
const COMMIT = "93429cfb9767e6b51db6cb35f6b70f758117669a";
const INSTRUMENTATION_VERSION = "0.62.1";
const SEMCONV_AI_VERSION = "0.5.2";

const telemetry = setupTelemetry("qa-service", {
  resource: {
    "telemetry.sdk.language": "python",
    "telemetry.sdk.name": "opentelemetry",
    "telemetry.sdk.version": "1.36.0",
  },
});
// Each instrumentation asks for a tracer named after its module (`get_tracer(__name__, __version__)`).
const openaiTracer = telemetry.tracerProvider.getTracer("opentelemetry.instrumentation.openai.v1", INSTRUMENTATION_VERSION);
const langchainTracer = telemetry.tracerProvider.getTracer("opentelemetry.instrumentation.langchain", INSTRUMENTATION_VERSION);

/** `json.dumps(value)` with Python's default separators; `asciiOnly` escapes non-ASCII like `ensure_ascii=True`. */
function pyJson(value: unknown, asciiOnly: boolean): string {
  const str = (s: string): string => {
    const text = JSON.stringify(s);
    return asciiOnly ? text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`) : text;
  };
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return str(value);
  if (typeof value === "number" || typeof value === "boolean") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => pyJson(v, asciiOnly)).join(", ")}]`;
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${str(k)}: ${pyJson(v, asciiOnly)}`);
  return `{${entries.join(", ")}}`;
}

const SYSTEM = "You are a concise assistant. Answer in one sentence.";
const QUESTION = "What is the capital of France?";
const ANSWER = "The capital of France is Paris.";

// ---------------------------------------------------------------------------------------------
// OpenAI chat completion (instrumentation-openai 0.62.1)

function chatSpan(): SpanSpec {
  // chat_wrappers.py L505-552 `_set_input_messages`: text content becomes [{"content", "type"}] parts.
  const input = [
    { role: "system", parts: [{ content: SYSTEM, type: "text" }] },
    { role: "user", parts: [{ content: QUESTION, type: "text" }] },
  ];
  // chat_wrappers.py L558-612 `_set_output_messages`: finish reason mapped (L554-557, __init__.py L24-27).
  const output = [{ role: "assistant", parts: [{ content: ANSWER, type: "text" }], finish_reason: "stop" }];
  return {
    // chat_wrappers.py L62, L91-95: 'openai.chat', CLIENT, the operation name given at start.
    name: "openai.chat",
    kind: SpanKind.CLIENT,
    start: 0,
    end: 820,
    attributes: { "gen_ai.operation.name": "chat" },
    endAttributes: [
      // chat_wrappers.py L272-300 `_handle_request` -> __init__.py L137-172 `_set_request_attributes`
      // (None values are skipped by `_set_span_attribute`: no max_tokens, temperature, top_p, penalties).
      {
        "gen_ai.provider.name": "openai",
        "gen_ai.request.model": "o4-mini",
        "gen_ai.user": "user-42",
        "gen_ai.is_streaming": false,
      },
      { "gen_ai.input.messages": pyJson(input, true) },
      // chat_wrappers.py L294-300: the reasoning effort of the request.
      { "gen_ai.request.reasoning_effort": "low" },
      // __init__.py L226-290 `_set_response_attributes`: model, id, finish reasons, then usage
      // (total, output, input, and the cached count, 0 when the details have none).
      {
        "gen_ai.response.model": "o4-mini-2025-04-16",
        "gen_ai.response.id": "chatcmpl-fixture-0101",
        "gen_ai.response.finish_reasons": ["stop"],
        "gen_ai.usage.total_tokens": 102,
        "gen_ai.usage.output_tokens": 76,
        "gen_ai.usage.input_tokens": 26,
        "gen_ai.usage.cache_read.input_tokens": 0,
      },
      // chat_wrappers.py L333-354: completion_tokens_details.reasoning_tokens.
      { "gen_ai.usage.reasoning_tokens": 64 },
      { "gen_ai.output.messages": pyJson(output, true) },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// LangChain chain with one step (instrumentation-langchain 0.62.1, callback_handler.py)

const ROOT_RUN = "6f1d2c3b-0000-4000-8000-000000000001";
const STEP_RUN = "6f1d2c3b-0000-4000-8000-000000000002";

function chainTrace(): SpanSpec {
  const rootInputs = { question: QUESTION };
  const stepOutputs = { answer: ANSWER };
  // callback_handler.py L568-628 on_chain_start: {"inputs", "tags", "metadata", "kwargs"}
  // (LangChain passes run_type and name in kwargs), written to both keys; L640-657 on_chain_end:
  // {"outputs", "kwargs"}, status first.
  const entityInput = (inputs: unknown, tags: string[], name: string): string =>
    pyJson({ inputs, tags, metadata: {}, kwargs: { run_type: null, name } }, false);
  const entityOutput = (outputs: unknown, tags: string[]): string => pyJson({ outputs, kwargs: { tags } }, false);

  const rootIn = entityInput(rootInputs, [], "RunnableSequence");
  const stepIn = entityInput(rootInputs, ["seq:step:1"], "format_answer");
  const stepOut = entityOutput(stepOutputs, ["seq:step:1"]);
  const rootOut = entityOutput(stepOutputs, []);

  const step: SpanSpec = {
    // L400-402: a task span is named 'execute_task <name>'; L346-347 workflow name and entity path
    // (the path of a direct child of the workflow is empty and skipped).
    name: "execute_task format_answer",
    start: 3,
    end: 9,
    attributes: {},
    endAttributes: [
      { "traceloop.workflow.name": "RunnableSequence" },
      // L415-459: Traceloop kind and entity name, provider, then the task keys of a plain chain.
      {
        "traceloop.span.kind": "task",
        "traceloop.entity.name": "format_answer",
        "gen_ai.provider.name": "langchain",
        "gen_ai.operation.name": "execute_task",
        "gen_ai.task.name": "format_answer",
        "gen_ai.task.id": STEP_RUN,
        "gen_ai.task.parent.id": ROOT_RUN,
      },
      { "traceloop.entity.input": stepIn, "gen_ai.task.input": stepIn },
      { "gen_ai.task.status": "success", "traceloop.entity.output": stepOut, "gen_ai.task.output": stepOut },
    ],
  };
  return {
    // L394-398: workflow spans keep the '<name>.workflow' name; L388-391 a workflow counts as an agent.
    name: "RunnableSequence.workflow",
    start: 0,
    end: 12,
    attributes: {},
    endAttributes: [
      { "traceloop.workflow.name": "RunnableSequence" },
      {
        "traceloop.span.kind": "workflow",
        "traceloop.entity.name": "RunnableSequence",
        "gen_ai.provider.name": "langchain",
        "gen_ai.operation.name": "invoke_agent",
        "gen_ai.agent.name": "RunnableSequence",
        "gen_ai.agent.id": ROOT_RUN,
      },
      { "traceloop.entity.input": rootIn, "gen_ai.task.input": rootIn },
      { "gen_ai.task.status": "success", "traceloop.entity.output": rootOut, "gen_ai.task.output": rootOut },
    ],
    children: [step],
  };
}

const scenario = (name: string, tracerFor: "openai" | "langchain", spec: SpanSpec, notes: readonly string[]): Scenario => ({
  name,
  run: async () => {
    emitTree(tracerFor === "openai" ? openaiTracer : langchainTracer, spec);
  },
  notes,
});

await runCapture({
  telemetry,
  convention: "openllmetry",
  instrumentation: "traceloop-py",
  instrumentationPackages: [
    `opentelemetry-instrumentation-openai@${INSTRUMENTATION_VERSION}, opentelemetry-instrumentation-langchain@${INSTRUMENTATION_VERSION}, opentelemetry-semantic-conventions-ai@${SEMCONV_AI_VERSION} (from source: ${REPO}@${COMMIT.slice(0, 12)})`,
  ],
  sdkPackage: "openai, langchain-core (Python; replies in the mock provider's style)",
  scenarios: [
    scenario("chat-reasoning", "openai", chatSpan(), [
      "CLIENT 'openai.chat' with the 0.5 keys gen_ai.user, gen_ai.is_streaming, gen_ai.request.reasoning_effort, gen_ai.usage.reasoning_tokens and the dotted gen_ai.usage.cache_read.input_tokens; GenAI JSON messages",
    ]),
    scenario("langchain-task", "langchain", chainTrace(), [
      "spans: 'RunnableSequence.workflow' (traceloop.span.kind workflow, gen_ai.operation.name invoke_agent), 'execute_task format_answer' (kind task, gen_ai.operation.name execute_task, gen_ai.task.*); entity input/output written again as gen_ai.task.input / .output",
    ]),
  ],
  notes: [
    `built from source, not captured: ${REPO} at ${COMMIT}; files and line numbers cited in scripts/capture/from-source/openllmetry-py.ts`,
  ],
});
