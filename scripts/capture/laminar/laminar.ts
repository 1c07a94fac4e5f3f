/**
 * Spans of Laminar (`@lmnr-ai/lmnr`): `observe()` wraps application functions in spans with
 * `lmnr.span.type` / `lmnr.span.input` / `lmnr.span.output` / `lmnr.span.path`, trace-level session,
 * user, metadata and tags as `lmnr.association.properties.*`, and its OpenAI instrumentation (the
 * OpenLLMetry one it bundles, `@traceloop/instrumentation-openai`) records each API call as an LLM
 * span, which Laminar's span processor stamps with its own keys too.
 *
 * `Laminar.initialize` is given `spanProcessor:` a SimpleSpanProcessor around an in-memory exporter,
 * so no Laminar exporter is created and nothing is sent (the base URL points at the mock anyway).
 * Laminar wraps that processor in its LaminarSpanProcessor (which writes the path / ids attributes)
 * and builds its own NodeTracerProvider with random ids; the exporter here
 * (RemappingSpanExporter) gives them stable ids in start order. The OpenAI client is
 * `openai` from this repository's devDependencies, instrumented through `instrumentModules`.
 */
import { InMemoryLogRecordExporter, LoggerProvider } from "@opentelemetry/sdk-logs";
import { type BasicTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { fileURLToPath } from "node:url";
import OpenAI from "openai";

import { DeterministicIdGenerator, mockOrigin, packageVersion, runCapture, type Scenario, type Telemetry } from "../harness.js";
import { RemappingSpanExporter } from "../remap-ids.js";
import { openaiScenarios } from "../scenarios.js";
import { openaiClient, requireOpenAI } from "../sdk.js";
import { installSeededUuid, seedUuids } from "../seeded-uuid.js";

installSeededUuid();
const { Laminar, observe } = await import("@lmnr-ai/lmnr");

const ids = new DeterministicIdGenerator();
const spanExporter = new RemappingSpanExporter(ids);
const mock = new URL(mockOrigin());
Laminar.initialize({
  projectApiKey: "lmnr-fixture-not-a-real-key",
  baseUrl: `${mock.protocol}//${mock.hostname}`,
  httpPort: Number(mock.port),
  grpcPort: Number(mock.port),
  spanProcessor: new SimpleSpanProcessor(spanExporter),
  instrumentModules: { OpenAI },
});

const telemetry: Telemetry = {
  tracerProvider: { forceFlush: () => Laminar.flush() } as unknown as BasicTracerProvider,
  loggerProvider: new LoggerProvider(),
  spanExporter,
  logExporter: new InMemoryLogRecordExporter(),
  ids,
};

const client = openaiClient(requireOpenAI());
const SESSION = { sessionId: "session-fixture-0001", userId: "user-fixture-0001" };

const weatherTool: OpenAI.Chat.Completions.ChatCompletionTool = {
  type: "function",
  function: {
    name: "get_weather",
    description: "Get the current weather for a city.",
    parameters: {
      type: "object",
      properties: { city: { type: "string" }, unit: { type: "string", enum: ["celsius", "fahrenheit"] } },
      required: ["city"],
    },
  },
};

const getWeather = (args: { city: string; unit?: string }): { city: string; temperature: number; condition: string } =>
  observe({ name: "get_weather", spanType: "TOOL" }, (a: { city: string; unit?: string }) => ({ city: a.city, temperature: 18, condition: "sunny" }), args);

const observed: Scenario[] = [
  {
    name: "observe-agent",
    notes: [
      "observe() EXECUTOR root with session / user / metadata / tags, a TOOL child and two instrumented OpenAI calls; Laminar writes trace_type EVALUATION on this trace (DEFAULT elsewhere)",
    ],
    run: async () => {
      await observe(
        {
          name: "weather_agent",
          spanType: "EXECUTOR",
          ...SESSION,
          metadata: { tenant: "acme", attempt: 1 },
          tags: ["fixture", "agent"],
        },
        async (question: string) => {
          const messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [{ role: "user", content: question }];
          const first = await client.chat.completions.create({ model: "gpt-4o-mini", messages, tools: [weatherTool] });
          const call = first.choices[0]?.message.tool_calls?.[0];
          if (call === undefined || call.type !== "function") throw new Error("expected a tool call");
          const result = getWeather(JSON.parse(call.function.arguments) as { city: string; unit?: string });
          messages.push(first.choices[0]!.message, { role: "tool", tool_call_id: call.id, content: JSON.stringify(result) });
          const second = await client.chat.completions.create({ model: "gpt-4o-mini", messages, tools: [weatherTool] });
          return second.choices[0]?.message.content;
        },
        "What's the weather like in Paris today?",
      );
    },
  },
  {
    name: "observe-default",
    notes: ["observe() without spanType (DEFAULT) around a chat call, output returned from the function"],
    run: async () => {
      await observe({ name: "answer_question", ...SESSION }, async (question: string) => {
        const reply = await client.chat.completions.create({
          model: "gpt-4o-mini",
          messages: [{ role: "user", content: question }],
        });
        return { answer: reply.choices[0]?.message.content };
      }, "What is the capital of France?");
    },
  },
  {
    name: "observe-error",
    notes: ["observe() whose function throws: an exception event, but the span status stays UNSET"],
    run: async () => {
      await observe({ name: "failing_step", ...SESSION }, async (documentId: string) => {
        throw new Error(`document ${documentId} not found`);
      }, "doc-404").catch(() => undefined);
    },
  },
];

await runCapture({
  telemetry,
  convention: "laminar",
  instrumentation: "laminar",
  instrumentationPackages: [packageVersion("@lmnr-ai/lmnr", fileURLToPath(new URL(".", import.meta.url))), packageVersion("@traceloop/instrumentation-openai")],
  sdkPackage: packageVersion("openai"),
  scenarios: [
    ...openaiScenarios(client, {
      chat: ["gen_ai.usage.input_tokens 26 includes the 16 cached tokens; no cache or reasoning attributes"],
      "chat-stream": ["no token counts although the stream ended with a usage chunk"],
    }),
    ...observed,
  ].map((s) => ({
    ...s,
    run: () => {
      seedUuids(`laminar/${s.name}`);
      return s.run();
    },
  })),
  notes: [
    "two scopes: lmnr.tracer 0.0.1 (observe() spans, INTERNAL) and @traceloop/instrumentation-openai 0.27.0 (CLIENT chat spans with OTel GenAI keys: gen_ai.input/output.messages as parts JSON, gen_ai.tool.definitions, usage input/output/total without cache details); resource service.name laminar-tracer-resource",
    "LaminarSpanProcessor adds to every span lmnr.span.path (names from the root) and lmnr.span.ids_path (span ids as UUIDs 00000000-0000-0000-<span id>), lmnr.span.instrumentation_source / sdk_version / language_version, and copies the observe() association properties (session_id, user_id, trace_type, metadata.<key>) to the children",
    "observe(): lmnr.span.input = JSON list of the function's arguments, lmnr.span.output = JSON of its return value; lmnr.span.type only when spanType is given (EXECUTOR, TOOL; DEFAULT is not written); tags only on the span that declared them",
    "chat-error and embeddings: @traceloop/instrumentation-openai 0.27.0 as bundled by Laminar emits no span for a rejected call or for embeddings (files not written)",
    "Laminar's clock has millisecond resolution here: parent and child often share a start time",
  ],
});
await Laminar.shutdown();
process.exit(0);
