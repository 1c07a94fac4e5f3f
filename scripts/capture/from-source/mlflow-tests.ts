/**
 * MLflow's own test cases for its Langfuse, LiveKit, VoltAgent and Google ADK translators, as OTLP
 * fixtures: each case's input span attributes (and events) become one span, alone in its trace, and
 * what the test asserts is written next to the file as `<file>.expected.json`, so that a parity test
 * can check that the project gets every fact MLflow's tests pin down.
 *
 * Source: the tests of mlflow/mlflow at commit a89bed67689f916c79a8e1c1ad6cfb5cd7649c77 (2026-04-29,
 * read from the snapshot of the fork harupy/mlflow, whose master was upstream master at that commit;
 * the same commit as the translator vendored in ../shared/peers/mlflow-py):
 *   tests/tracing/otel/test_livekit_translator.py    (livekit/)
 *   tests/tracing/otel/test_voltagent_translator.py  (voltagent/)
 *   tests/tracing/otel/test_span_translation.py      (langfuse/, google-adk/: the Langfuse rows of
 *                                                     test_translate_span_type_from_otel and the
 *                                                     GoogleADK / Langfuse rows of the input / output tests)
 * Each case cites its test function, parameters and line range.
 *
 * From test data to OTLP. The tests hand MLflow a span dict whose attribute values are either raw
 * Python values or the JSON text MLflow stores (`json.dumps(value)`). A case's attribute becomes the
 * OTLP value an exporter would send for it:
 * - a Python str / int / float / bool → stringValue / intValue / doubleValue / boolValue, as is (a
 *   str that holds JSON, such as `json.dumps([...])` for `agent.messages`, stays that string);
 * - where the test's value is explicitly the STORED form `json.dumps(v)` (the input / output tests of
 *   test_span_translation.py), the OTLP value whose stored form is that text: v itself, so a dict
 *   becomes a kvlistValue (MLflow's ingest decodes it to a dict and stores `json.dumps(dict)`).
 * Events become span events with the same attributes. `span.parent_id` in the tests does not change
 * the translation; the input / output tests run both ways, so their cases come as a root span and as a
 * child of an attribute-less root (named `…-parent`).
 *
 * `expect` in the .expected.json holds what the test asserts, in MLflow's terms: `spanType` (a
 * SpanType name or null), `inputs` / `outputs` (the JSON value the test compares after json.loads, or
 * `storedInputs` / `storedOutputs`: the exact stored text when the test compares strings), `tokens`
 * ({input, output, total}: a number, or null when the test asserts None), `messageFormat`. `call` says
 * what the test calls: a translator method alone (`LiveKitTranslator().translate_span_type`),
 * `translate_span_type_from_otel` (all translators, in registry order) or `translate_span_when_storing`
 * (the whole per-span translation at ingest). Only the last is what an MLflow server stores; the other
 * two may differ from it, which `mlflow-tests-peer.ts` records.
 */
import { type Attributes, type Context, context, trace } from "@opentelemetry/api";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { FIXTURES_DIR, type Convention, runCapture, setupTelemetry, type Scenario } from "../harness.js";
import { findPeer, recordPeer } from "./mlflow-tests-peer.js";
import { type EventSpec, type SpanSpec, emitTree } from "./spans.js";

const COMMIT = "a89bed67689f916c79a8e1c1ad6cfb5cd7649c77";
const SOURCE_REPO = "mlflow/mlflow (read from the snapshot of harupy/mlflow)";

const telemetry = setupTelemetry("mlflow-test-cases", {
  resource: {
    "telemetry.sdk.language": "python",
    "telemetry.sdk.name": "opentelemetry",
    "telemetry.sdk.version": "1.36.0",
  },
});
const tracer = telemetry.tracerProvider.getTracer("mlflow-tests");

/** A dict attribute value (sent as kvlistValue, see the header); JSON objects only. */
const KVLIST = "@@kvlist@@";
const kvlist = (value: Record<string, string | number | boolean>): string => `${KVLIST}${JSON.stringify(value)}`;

type Value = string | number | boolean;

interface Expect {
  spanType?: string | null;
  inputs?: unknown;
  outputs?: unknown;
  storedInputs?: string;
  storedOutputs?: string;
  tokens?: { input?: number | null; output?: number | null; total?: number | null };
  messageFormat?: string | null;
  /** State MLflow gives the case's trace (from its root span's status). */
  traceState?: "OK" | "ERROR";
  /** Name of the span the case's span must have as parent. */
  parentSpan?: string | null;
}

interface Case {
  /** Span name, unique in its file. */
  readonly span: string;
  readonly test: string;
  readonly lines: string;
  readonly call: string;
  readonly attributes: Readonly<Record<string, Value>>;
  readonly events?: ReadonlyArray<{ name: string; attributes: Readonly<Record<string, Value>> }>;
  readonly expect: Expect;
  /** Emit under an attribute-less parent span (`<span>-parent`). */
  readonly child?: boolean;
  /** Spans emitted under this one (cases of their own, for end-to-end tests of span trees). */
  readonly children?: readonly Case[];
  /** Attributes set just before the span ends, and its status (the source's later writes). */
  readonly endAttributes?: Readonly<Record<string, Value>>;
  readonly status?: { code: 1 | 2; message?: string };
  /** Instrumentation scope of the span, when the source's matters (default mlflow-tests). */
  readonly scope?: readonly [string, string];
}

interface CaseFile {
  readonly convention: Convention;
  readonly name: string;
  readonly testFile: string;
  readonly cases: readonly Case[];
  readonly notes: readonly string[];
}

/** Python's json.dumps with its default separators (", " and ": "), ensure_ascii on. */
function pyJson(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(pyJson).join(", ")}]`;
  return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${pyJson(k)}: ${pyJson(v)}`).join(", ")}}`;
}

// ---------------------------------------------------------------------------------------------
// LiveKit: tests/tracing/otel/test_livekit_translator.py

const LK = "tests/tracing/otel/test_livekit_translator.py";
const lkTranslator = "LiveKitTranslator().translate_span_type(attributes)";

const livekitTypes: Case[] = [
  ...(
    [
      [{ "gen_ai.request.model": "gpt-4o-mini" }, "LLM"],
      [{ "gen_ai.request.model": "gpt-4" }, "LLM"],
      [{ "gen_ai.operation.name": "chat" }, "CHAT_MODEL"],
      [{ "gen_ai.operation.name": "text_completion" }, "LLM"],
      [{ "gen_ai.operation.name": "generate_content" }, "LLM"],
      [{ "gen_ai.operation.name": '"chat"' }, "CHAT_MODEL"],
    ] as const
  ).map(([attributes, type], i): Case => ({
    span: `genai-type-${i + 1}`,
    test: `test_livekit_span_type_from_genai_attributes[${pyJson(attributes)}]`,
    lines: "15-29",
    call: lkTranslator,
    attributes,
    expect: { spanType: type },
  })),
  ...(
    [
      [{ "lk.retry_count": 0 }, "LLM"],
      [{ "lk.retry_count": 2 }, "LLM"],
      [{ "lk.function_tool.name": "get_weather" }, "TOOL"],
      [{ "lk.function_tool.id": "call_123" }, "TOOL"],
      [{ "lk.function_tool.arguments": "{}" }, "TOOL"],
      [{ "lk.agent_name": "my_agent" }, "AGENT"],
      [{ "lk.instructions": "Be helpful" }, "AGENT"],
      [{ "lk.generation_id": "gen_123" }, "AGENT"],
      [{ "lk.tts.streaming": true }, "UNKNOWN"],
      [{ "lk.tts.label": "alloy" }, "UNKNOWN"],
      [{ "lk.input_text": "Hello world" }, "UNKNOWN"],
      [{ "lk.user_transcript": "Hello" }, "UNKNOWN"],
      [{ "lk.transcript_confidence": 0.95 }, "UNKNOWN"],
      [{ "lk.transcription_delay": 100 }, "UNKNOWN"],
    ] as const
  ).map(([attributes, type], i): Case => ({
    span: `lk-type-${i + 1}`,
    test: `test_livekit_span_type_inferred_from_attributes[${pyJson(attributes)}]`,
    lines: "32-54",
    call: lkTranslator,
    attributes,
    expect: { spanType: type },
  })),
  ...([{ "some.other.attribute": "value" }, { random_key: "random_value" }, {}] as const).map(
    (attributes, i): Case => ({
      span: `no-type-${i + 1}`,
      test: `test_livekit_span_type_returns_none[${pyJson(attributes)}]`,
      lines: "57-68",
      call: lkTranslator,
      attributes,
      expect: { spanType: null },
    }),
  ),
  ...(
    [
      [{ "gen_ai.operation.name": "chat" }, "CHAT_MODEL"],
      [{ "lk.retry_count": 0 }, "LLM"],
      [{ "lk.function_tool.name": "weather" }, "TOOL"],
    ] as const
  ).map(([attributes, type], i): Case => ({
    span: `registry-type-${i + 1}`,
    test: `test_livekit_span_type_from_otel[${pyJson(attributes)}]`,
    lines: "284-294",
    call: "translate_span_type_from_otel(attributes)",
    attributes,
    expect: { spanType: type },
  })),
];

const livekitTokens: Case[] = [
  ...(
    [
      [100, 50],
      [200, 100],
    ] as const
  ).map(([input, output], i): Case => ({
    span: `tokens-${i + 1}`,
    test: `test_livekit_token_usage_extraction[${input}-${output}]`,
    lines: "71-96",
    call: "LiveKitTranslator().get_input_tokens / get_output_tokens(attributes)",
    attributes: { "gen_ai.usage.input_tokens": input, "gen_ai.usage.output_tokens": output },
    expect: { tokens: { input, output } },
  })),
  {
    span: "tokens-missing",
    test: "test_livekit_token_usage_returns_none_when_missing",
    lines: "99-104",
    call: "LiveKitTranslator().get_input_tokens / get_output_tokens(attributes)",
    attributes: { "some.other.attribute": "value" },
    expect: { tokens: { input: null, output: null } },
  },
];

const livekitFormat: Case[] = [
  ...(
    [
      { "lk.agent_name": "voice_assistant" },
      { "lk.room_name": "my_room" },
      { "lk.job_id": "job_123" },
      { "lk.participant_identity": "user_456" },
      { "lk.retry_count": 0 },
      { "lk.user_input": "hello" },
      { "lk.response.text": "hi there" },
    ] as const
  ).map((attributes, i): Case => ({
    span: `format-${i + 1}`,
    test: `test_livekit_message_format_detection[${pyJson(attributes)}]`,
    lines: "107-122",
    call: "LiveKitTranslator().get_message_format(attributes)",
    attributes,
    expect: { messageFormat: "livekit" },
  })),
  {
    span: "format-none",
    test: "test_livekit_message_format_returns_none_for_non_livekit",
    lines: "125-129",
    call: "LiveKitTranslator().get_message_format(attributes)",
    attributes: { "some.other.attribute": "value" },
    expect: { messageFormat: null },
  },
];

const SYSTEM = { name: "gen_ai.system.message", attributes: { content: "You are a helpful assistant." } };
const USER = { name: "gen_ai.user.message", attributes: { content: "What is the capital of France?" } };
const livekitEvents: Case[] = [
  {
    span: "events-system-user",
    test: "test_livekit_get_input_from_events_with_system_and_user_messages",
    lines: "132-150",
    call: "LiveKitTranslator().get_input_value_from_events(events)",
    attributes: {},
    events: [SYSTEM, USER],
    expect: {
      inputs: [
        { role: "system", content: "You are a helpful assistant." },
        { role: "user", content: "What is the capital of France?" },
      ],
    },
  },
  {
    span: "events-history",
    test: "test_livekit_get_input_from_events_with_assistant_context",
    lines: "153-179",
    call: "LiveKitTranslator().get_input_value_from_events(events)",
    attributes: {},
    events: [
      SYSTEM,
      USER,
      { name: "gen_ai.assistant.message", attributes: { content: "The capital of France is Paris." } },
      { name: "gen_ai.user.message", attributes: { content: "And what about Germany?" } },
    ],
    // The test checks the length and the last two messages; the first two as in the case above.
    expect: {
      inputs: [
        { role: "system", content: "You are a helpful assistant." },
        { role: "user", content: "What is the capital of France?" },
        { role: "assistant", content: "The capital of France is Paris." },
        { role: "user", content: "And what about Germany?" },
      ],
    },
  },
  {
    span: "events-choice",
    test: "test_livekit_get_output_from_events_with_choice",
    lines: "182-201",
    call: "LiveKitTranslator().get_output_value_from_events(events)",
    attributes: {},
    events: [{ name: "gen_ai.choice", attributes: { role: "assistant", content: "The capital of France is Paris." } }],
    expect: { outputs: [{ role: "assistant", content: "The capital of France is Paris." }] },
  },
  {
    span: "events-choice-no-role",
    test: "test_livekit_get_output_from_events_defaults_to_assistant_role",
    lines: "204-216",
    call: "LiveKitTranslator().get_output_value_from_events(events)",
    attributes: {},
    events: [{ name: "gen_ai.choice", attributes: { content: "Hello there!" } }],
    // The test checks only the role of the first output message.
    expect: { outputs: [{ role: "assistant", content: "Hello there!" }] },
  },
  {
    span: "events-none",
    test: "test_livekit_empty_events_returns_none",
    lines: "219-223",
    call: "LiveKitTranslator().get_input_value_from_events / get_output_value_from_events([])",
    attributes: {},
    expect: { inputs: null, outputs: null },
  },
  {
    span: "events-json-content",
    test: "test_livekit_events_with_json_encoded_content",
    lines: "226-239",
    call: "LiveKitTranslator().get_input_value_from_events(events)",
    attributes: {},
    events: [{ name: "gen_ai.user.message", attributes: { content: '"What is 2+2?"' } }],
    // The test checks that the first message's content is decoded.
    expect: { inputs: [{ role: "user", content: "What is 2+2?" }] },
  },
  {
    span: "span-with-events",
    test: "test_livekit_translate_span_with_genai_events",
    lines: "242-281",
    call: "translate_span_when_storing(span)",
    attributes: {
      "gen_ai.operation.name": "chat",
      "gen_ai.request.model": "gpt-4o-mini",
      "gen_ai.usage.input_tokens": 50,
      "gen_ai.usage.output_tokens": 100,
      "lk.agent_name": "voice_assistant",
    },
    events: [
      { name: "gen_ai.system.message", attributes: { content: "You are helpful." } },
      { name: "gen_ai.user.message", attributes: { content: "Hello!" } },
      { name: "gen_ai.choice", attributes: { content: "Hi there!" } },
    ],
    // The test checks two inputs with roles system / user, one output with content "Hi there!".
    expect: {
      inputs: [
        { role: "system", content: "You are helpful." },
        { role: "user", content: "Hello!" },
      ],
      outputs: [{ role: "assistant", content: "Hi there!" }],
    },
  },
];

// ---------------------------------------------------------------------------------------------
// VoltAgent: tests/tracing/otel/test_voltagent_translator.py

const VA = "tests/tracing/otel/test_voltagent_translator.py";

const voltagentTypes: Case[] = [
  ...(
    [
      [{ "span.type": "agent" }, "AGENT"],
      [{ "span.type": "llm" }, "LLM"],
      [{ "span.type": "tool" }, "TOOL"],
      [{ "span.type": "memory" }, "MEMORY"],
      [{ "entity.type": "agent" }, "AGENT"],
      [{ "entity.type": "llm" }, "LLM"],
      [{ "entity.type": "tool" }, "TOOL"],
      [{ "entity.type": "memory" }, "MEMORY"],
      [{ "span.type": "llm", "entity.type": "agent" }, "LLM"],
    ] as const
  ).map(([attributes, type], i): Case => ({
    span: `type-${i + 1}`,
    test: `test_voltagent_span_type_translation[${pyJson(attributes)}]`,
    lines: "15-32",
    call: "VoltAgentTranslator().translate_span_type(attributes)",
    attributes,
    expect: { spanType: type },
  })),
  ...([{ "some.other.attribute": "value" }, { "span.type": "unknown_type" }, { "entity.type": "unknown_type" }, {}] as const).map(
    (attributes, i): Case => ({
      span: `no-type-${i + 1}`,
      test: `test_voltagent_span_type_returns_none[${pyJson(attributes)}]`,
      lines: "35-47",
      call: "VoltAgentTranslator().translate_span_type(attributes)",
      attributes,
      expect: { spanType: null },
    }),
  ),
  ...(
    [
      [{ "span.type": "agent" }, "AGENT"],
      [{ "span.type": "llm" }, "LLM"],
      [{ "span.type": "tool" }, "TOOL"],
      [{ "span.type": "memory" }, "MEMORY"],
      [{ "entity.type": "agent" }, "AGENT"],
      [{ "entity.type": "llm" }, "LLM"],
      [{ "entity.type": "tool" }, "TOOL"],
      [{ "entity.type": "memory" }, "MEMORY"],
      [{ "span.type": "llm", "entity.type": "agent" }, "LLM"],
      [{ "span.type": "tool", "entity.type": "agent" }, "TOOL"],
      [{ "span.type": "memory", "entity.type": "agent" }, "MEMORY"],
      [{ "span.type": '"llm"', "entity.type": '"agent"' }, "LLM"],
      [{ "entity.type": '"agent"' }, "AGENT"],
    ] as const
  ).map(([attributes, type], i): Case => ({
    span: `registry-type-${i + 1}`,
    test: `test_voltagent_span_type_from_otel[${pyJson(attributes)}]`,
    lines: "199-223",
    call: "translate_span_type_from_otel(attributes)",
    attributes,
    expect: { spanType: type },
  })),
];

const voltagentIo: Case[] = [
  {
    span: "io-agent",
    test: "test_voltagent_input_output_translation[agent]",
    lines: "50-120 (case 53-69)",
    call: "translate_span_when_storing(span)",
    attributes: {
      "agent.messages": JSON.stringify([
        { role: "user", content: "Hello, what can you do?" },
        { role: "assistant", content: "I can help you with various tasks." },
      ]),
      output: "I'm here to help!",
      "span.type": "agent",
      "voltagent.operation_id": "op-123",
    },
    expect: {
      inputs: [
        { role: "user", content: "Hello, what can you do?" },
        { role: "assistant", content: "I can help you with various tasks." },
      ],
      // The test json.loads the stored output if it can, else compares the raw text.
      outputs: "I'm here to help!",
    },
  },
  {
    span: "io-llm",
    test: "test_voltagent_input_output_translation[llm]",
    lines: "50-120 (case 70-85)",
    call: "translate_span_when_storing(span)",
    attributes: {
      "llm.messages": JSON.stringify([
        { role: "system", content: "You are a helpful assistant." },
        { role: "user", content: "What's the weather like?" },
      ]),
      output: "I don't have access to real-time weather data.",
      "span.type": "llm",
    },
    expect: {
      inputs: [
        { role: "system", content: "You are a helpful assistant." },
        { role: "user", content: "What's the weather like?" },
      ],
      outputs: "I don't have access to real-time weather data.",
    },
  },
  {
    span: "io-tool",
    test: "test_voltagent_input_output_translation[tool]",
    lines: "50-120 (case 86-95)",
    call: "translate_span_when_storing(span)",
    attributes: {
      input: JSON.stringify({ location: "San Francisco" }),
      output: JSON.stringify({ temperature: 72, conditions: "sunny" }),
      "span.type": "tool",
    },
    expect: { inputs: { location: "San Francisco" }, outputs: { temperature: 72, conditions: "sunny" } },
  },
];

const voltagentTokens: Case[] = [
  {
    span: "tokens-usage",
    test: "test_voltagent_token_usage_translation[usage.*]",
    lines: "123-174 (case 126-135)",
    call: "VoltAgentTranslator().get_input_tokens / get_output_tokens / get_total_tokens(attributes)",
    attributes: { "usage.prompt_tokens": 100, "usage.completion_tokens": 50, "usage.total_tokens": 150 },
    expect: { tokens: { input: 100, output: 50, total: 150 } },
  },
  {
    span: "tokens-llm-usage",
    test: "test_voltagent_token_usage_translation[llm.usage.*]",
    lines: "123-174 (case 136-145)",
    call: "VoltAgentTranslator().get_input_tokens / get_output_tokens / get_total_tokens(attributes)",
    attributes: { "llm.usage.prompt_tokens": 200, "llm.usage.completion_tokens": 100, "llm.usage.total_tokens": 300 },
    expect: { tokens: { input: 200, output: 100, total: 300 } },
  },
  {
    span: "tokens-both",
    test: "test_voltagent_token_usage_translation[both, no total]",
    lines: "123-174 (case 146-156)",
    call: "VoltAgentTranslator().get_input_tokens / get_output_tokens / get_total_tokens(attributes)",
    attributes: {
      "usage.prompt_tokens": 75,
      "usage.completion_tokens": 25,
      "llm.usage.prompt_tokens": 100,
      "llm.usage.completion_tokens": 50,
    },
    // usage.* wins over llm.usage.*; no total key, so the translator's total is None.
    expect: { tokens: { input: 75, output: 25, total: null } },
  },
];

// ---------------------------------------------------------------------------------------------
// Langfuse and Google ADK: tests/tracing/otel/test_span_translation.py

const ST = "tests/tracing/otel/test_span_translation.py";

const langfuseTypes: Case[] = (
  [
    ["generation", "LLM"],
    ["embedding", "EMBEDDING"],
    ["tool", "TOOL"],
    ["retriever", "RETRIEVER"],
    ["agent", "AGENT"],
    ["chain", "CHAIN"],
    ["evaluator", "EVALUATOR"],
    ["guardrail", "GUARDRAIL"],
    ["span", "UNKNOWN"],
  ] as const
).map(([kind, type]) => ({
  span: `type-${kind}`,
  test: `test_translate_span_type_from_otel[LangfuseTranslator-${kind}]`,
  lines: "27-72 (rows 50-58)",
  call: "translate_span_type_from_otel({'langfuse.observation.type': kind})",
  attributes: { "langfuse.observation.type": kind },
  expect: { spanType: type },
}));

const INPUT_VALUES: ReadonlyArray<readonly [string, Value | Record<string, Value>]> = [
  ["text", "test input"],
  ["dict", { query: "test" }],
  ["int", 123],
];

/** test_translate_inputs_for_spans (L416-442) and test_translate_outputs_for_spans (L469-490) for one translator. */
function ioCases(translator: string, inputKeys: readonly string[], outputKeys: readonly string[]): Case[] {
  const cases: Case[] = [];
  for (const child of [false, true]) {
    const where = child ? "child" : "root";
    for (const key of inputKeys) {
      for (const [label, value] of INPUT_VALUES) {
        cases.push({
          span: `in-${key.split(".").pop()}-${label}-${where}`,
          test: `test_translate_inputs_for_spans[${child ? "parent_123" : "None"}-${pyJson(value)}-${translator}]`,
          lines: "416-442",
          call: "translate_span_when_storing(span)",
          attributes: { [key]: typeof value === "object" ? kvlist(value) : value },
          expect: { storedInputs: pyJson(value) },
          child,
        });
      }
    }
    for (const key of outputKeys) {
      cases.push({
        span: `out-${key.split(".").pop()}-${where}`,
        test: `test_translate_outputs_for_spans[${child ? "parent_123" : "None"}-${translator}]`,
        lines: "469-490",
        call: "translate_span_when_storing(span)",
        attributes: { [key]: "test output" },
        expect: { storedOutputs: pyJson("test output") },
        child,
      });
    }
  }
  return cases;
}


// Langfuse end to end: tests/otel/test_otel_autolog.py runs the real Langfuse Python SDK's @observe
// against an MLflow server. The spans are what langfuse-python writes, from its source at
// github.com/langfuse/langfuse-python c3c6a09e7b635730cc9c6eb661687cb7bc294532 (v4.14.3):
// - scope `langfuse-sdk` with the package version (langfuse/_client/resource_manager.py L145-149,
//   constants.py L10);
// - at start: `langfuse.observation.type` (span.py L125-127), the input
//   `{"args": [...], "kwargs": {...}}` (observe.py L269-277, L435-448) as json.dumps text
//   (attributes.py L161-165, L103-113); no `langfuse.environment` unless configured (client.py L345-346);
//   `langfuse.internal.is_app_root = true` on the first exported span of a trace (span_processor.py
//   L229-253);
// - on return: update(output=result) (observe.py L550-551) writes the type again and the output text;
// - on an exception: update(level="ERROR", status_message=str(e)) (observe.py L325-328) writes the level
//   and message and sets status ERROR with the message (span.py L613-633, L730-732); the span is ended in
//   the `finally` before the OTel context manager exits, so no `exception` event is recorded.
const LF_AUTOLOG = "tests/otel/test_otel_autolog.py";
const LANGFUSE_SCOPE = ["langfuse-sdk", "4.14.3"] as const;
const observed = (name: string, input: string, output: string, extra: Partial<Case> = {}): Case => ({
  span: name,
  test: "",
  lines: "",
  call: "mlflow.otel.autolog() + @observe, through an MLflow server",
  attributes: { "langfuse.observation.type": "span", "langfuse.observation.input": input },
  endAttributes: { "langfuse.observation.type": "span", "langfuse.observation.output": output },
  scope: LANGFUSE_SCOPE,
  expect: {},
  ...extra,
});
const langfuseAutolog: Case[] = [
  observed("add", '{"args": [2, 3], "kwargs": {}}', "5", {
    test: "test_sync_observe_autolog",
    lines: "59-79",
    attributes: { "langfuse.observation.type": "span", "langfuse.observation.input": '{"args": [2, 3], "kwargs": {}}', "langfuse.internal.is_app_root": true },
    // span.inputs == {"args": [2, 3], "kwargs": {}}; span.outputs == "5" (the test notes the int comes back as a string)
    expect: { inputs: { args: [2, 3], kwargs: {} }, outputs: "5", traceState: "OK", parentSpan: null },
  }),
  observed("outer", '{"args": [10], "kwargs": {}}', "21", {
    test: "test_nested_observe_autolog",
    lines: "116-142",
    attributes: { "langfuse.observation.type": "span", "langfuse.observation.input": '{"args": [10], "kwargs": {}}', "langfuse.internal.is_app_root": true },
    expect: { traceState: "OK", parentSpan: null },
    children: [
      observed("inner", '{"args": [10], "kwargs": {}}', "20", {
        test: "test_nested_observe_autolog",
        lines: "116-142",
        expect: { parentSpan: "outer" },
      }),
    ],
  }),
  {
    span: "fail",
    test: "test_exception_propagation",
    lines: "166-178",
    call: "mlflow.otel.autolog() + @observe, through an MLflow server",
    attributes: { "langfuse.observation.type": "span", "langfuse.observation.input": '{"args": [], "kwargs": {}}', "langfuse.internal.is_app_root": true },
    endAttributes: { "langfuse.observation.type": "span", "langfuse.observation.level": "ERROR", "langfuse.observation.status_message": "test error" },
    status: { code: 2, message: "test error" },
    scope: LANGFUSE_SCOPE,
    expect: { traceState: "ERROR" },
  },
];

const FILES: readonly CaseFile[] = [
  { convention: "livekit", name: "span-type", testFile: LK, cases: livekitTypes, notes: ["span types: translator-level and registry-level (translate_span_type_from_otel) cases"] },
  { convention: "livekit", name: "token-usage", testFile: LK, cases: livekitTokens, notes: ["GenAI token keys read by the LiveKit translator"] },
  { convention: "livekit", name: "message-format", testFile: LK, cases: livekitFormat, notes: ["message format 'livekit' from lk.* keys"] },
  { convention: "livekit", name: "events", testFile: LK, cases: livekitEvents, notes: ["inputs / outputs from the legacy GenAI events gen_ai.{system,user,assistant}.message and gen_ai.choice"] },
  { convention: "voltagent", name: "span-type", testFile: VA, cases: voltagentTypes, notes: ["span.type before entity.type; JSON-quoted values"] },
  { convention: "voltagent", name: "io", testFile: VA, cases: voltagentIo, notes: ["agent.messages / llm.messages / input and output"] },
  { convention: "voltagent", name: "token-usage", testFile: VA, cases: voltagentTokens, notes: ["usage.* before llm.usage.*"] },
  {
    convention: "langfuse",
    name: "otel-autolog",
    testFile: LF_AUTOLOG,
    cases: langfuseAutolog,
    notes: ["spans of langfuse-python 4.14.3's @observe (from its source) for MLflow's end-to-end autolog test: a call, a nested call, an exception"],
  },
  { convention: "langfuse", name: "span-type", testFile: ST, cases: langfuseTypes, notes: ["langfuse.observation.type values"] },
  {
    convention: "langfuse",
    name: "io",
    testFile: ST,
    cases: ioCases("LangfuseTranslator", ["langfuse.observation.input"], ["langfuse.observation.output"]),
    notes: ["langfuse.observation.input / output: a string, a dict (kvlistValue) and an int; root and child spans"],
  },
  {
    convention: "google-adk",
    name: "io",
    testFile: ST,
    cases: ioCases(
      "GoogleADKTranslator",
      ["gcp.vertex.agent.llm_request", "gcp.vertex.agent.tool_call_args"],
      ["gcp.vertex.agent.llm_response", "gcp.vertex.agent.tool_response"],
    ),
    notes: ["gcp.vertex.agent.{llm_request,tool_call_args} / {llm_response,tool_response}: a string, a dict (kvlistValue) and an int; root and child spans"],
  },
];

// ---------------------------------------------------------------------------------------------

function caseSpec(c: Case, start: number, end: number): SpanSpec {
  const events: EventSpec[] = (c.events ?? []).map((e, i) => ({ name: e.name, at: start + 1 + i, attributes: e.attributes as Attributes }));
  const children = (c.children ?? []).map((child, i) => caseSpec(child, start + 1 + i, end - 1 - i));
  return {
    name: c.span,
    start,
    end,
    attributes: c.attributes as Attributes,
    events,
    children,
    ...(c.endAttributes !== undefined ? { endAttributes: [c.endAttributes as Attributes] } : {}),
    ...(c.status !== undefined ? { status: c.status } : {}),
  };
}

function emitCase(c: Case): void {
  const scoped = c.scope !== undefined ? telemetry.tracerProvider.getTracer(c.scope[0], c.scope[1]) : tracer;
  if (c.child !== true) {
    emitTree(scoped, caseSpec(c, 0, 10), context.active());
    return;
  }
  // A parent without attributes, so that the case's span has a parent id as in the test.
  const parent = tracer.startSpan(`${c.span}-parent`, { startTime: [1_735_689_600, 0] }, context.active());
  const ctx: Context = trace.setSpan(context.active(), parent);
  emitTree(scoped, caseSpec(c, 1, 9), ctx);
  parent.end([1_735_689_600, 10_000_000]);
}

/** Turns the `@@kvlist@@{...}` placeholders of a written fixture into kvlistValue. */
function kvlistValues(file: string): void {
  const text = readFileSync(file, "utf8");
  if (!text.includes(KVLIST)) return;
  const toAny = (v: unknown): object =>
    typeof v === "string" ? { stringValue: v } : typeof v === "boolean" ? { boolValue: v } : Number.isInteger(v) ? { intValue: v } : { doubleValue: v };
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== "object") return node;
    const obj = node as Record<string, unknown>;
    if (typeof obj["stringValue"] === "string" && obj["stringValue"].startsWith(KVLIST)) {
      const value = JSON.parse(obj["stringValue"].slice(KVLIST.length)) as Record<string, unknown>;
      return { kvlistValue: { values: Object.entries(value).map(([key, v]) => ({ key, value: toAny(v) })) } };
    }
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, walk(v)]));
  };
  writeFileSync(file, `${JSON.stringify(walk(JSON.parse(text)), null, 2)}\n`);
}

for (const file of FILES) {
  const records = await runCapture({
    telemetry,
    convention: file.convention,
    instrumentation: "mlflow-tests",
    instrumentationPackages: [`${SOURCE_REPO}@${COMMIT.slice(0, 12)}: ${file.testFile}`],
    sdkPackage: "(none: test data)",
    scenarios: [
      {
        name: file.name,
        run: async () => {
          for (const c of file.cases) emitCase(c);
        },
        notes: [`${file.cases.length} cases, one trace each`, ...file.notes],
      } satisfies Scenario,
    ],
    notes: [
      `span attributes and events of MLflow's own tests (${SOURCE_REPO} at ${COMMIT}), one span per case; what each test asserts is in the sibling .expected.json; see scripts/capture/from-source/mlflow-tests.ts`,
    ],
  });
  for (const record of records) {
    const trace = path.join(FIXTURES_DIR, record.file);
    kvlistValues(trace);
    const expected = {
      source: { repository: SOURCE_REPO, commit: COMMIT, file: file.testFile },
      note:
        "What MLflow's test asserts for each case (span name = case). call: what the test calls; only translate_span_when_storing is what an MLflow server stores. expect: spanType (SpanType name or null), inputs / outputs (JSON value after json.loads), storedInputs / storedOutputs (exact stored text), tokens (null = None), messageFormat.",
      cases: file.cases.flatMap((c) => [c, ...(c.children ?? [])]).map((c) => ({
        span: c.span,
        test: c.test,
        lines: c.lines,
        call: c.call,
        ...(c.child === true ? { parent: `${c.span}-parent` } : {}),
        expect: c.expect,
      })),
    };
    writeFileSync(trace.replace(/\.otlp\.json$/, ".expected.json"), `${JSON.stringify(expected, null, 2)}\n`);
  }
}

// What MLflow itself stores for each case, next to what its test asserts (see mlflow-tests-peer.ts).
const peer = findPeer();
if (peer === undefined) {
  console.error("MLflow peer (run.py) not found: the .expected.json files have no mlflowPy records");
} else {
  const result = recordPeer(peer);
  console.error(`${result.cases} MLflow test cases, ${result.disagreements} where MLflow stores something else than its test asserts`);
}
