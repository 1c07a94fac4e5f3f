/**
 * Spans of the Langfuse JS SDK (v4/v5 line, OTel based): `@langfuse/tracing` writes every
 * observation as a plain OTel span with `langfuse.observation.*` / `langfuse.trace.*` attributes,
 * `@langfuse/openai` (`observeOpenAI`) wraps an `openai` client so that each API call becomes a
 * `generation` observation, and `@langfuse/otel`'s `LangfuseSpanProcessor` adds the environment,
 * release and the propagated trace attributes (user, session, tags, trace name) to every span when
 * it starts. The processor is the real one, in `exportMode: "immediate"`, with the harness's
 * in-memory exporter as its exporter, so nothing is sent anywhere (its API client, used only for
 * media uploads, points at the mock and is never called: the fixtures hold no base64 media).
 *
 * Scenarios:
 * - the shared OpenAI scenarios (scenarios.ts) through `observeOpenAI`, with trace name, session,
 *   user, tags and a prompt reference set through its config;
 * - `observation-types`: one trace built by hand with every observation type (agent root with a
 *   chain, retriever, embedding, generation with usage/cost/model parameters/prompt, tool,
 *   guardrail, evaluator, span and event), trace-level input/output, metadata and tags;
 * - `weather-agent`: an agent observation around a real tool round trip (OpenAI call asking for
 *   get_weather, a tool observation, the follow-up OpenAI call);
 * - `level-error`: a span and a generation that end with level ERROR and a status message.
 */
import { LangfuseSpanProcessor } from "@langfuse/otel";
import { observeOpenAI } from "@langfuse/openai";
import {
  propagateAttributes,
  setActiveTraceIO,
  startActiveObservation,
  startObservation,
  updateActiveObservation,
} from "@langfuse/tracing";
import { context, propagation, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { defaultResource, resourceFromAttributes } from "@opentelemetry/resources";
import { InMemoryLogRecordExporter, LoggerProvider } from "@opentelemetry/sdk-logs";
import { BasicTracerProvider, InMemorySpanExporter } from "@opentelemetry/sdk-trace-base";
import type OpenAI from "openai";

import {
  DeterministicIdGenerator,
  mockOrigin,
  packageVersion,
  runCapture,
  type Scenario,
  type Telemetry,
} from "./harness.js";
import { openaiScenarios } from "./scenarios.js";
import { openaiClient, requireOpenAI } from "./sdk.js";

/** Like setupTelemetry(), but the span processor is Langfuse's own, exporting into memory. */
function setupLangfuseTelemetry(serviceName: string): Telemetry {
  const resource = defaultResource().merge(resourceFromAttributes({ "service.name": serviceName }));
  const ids = new DeterministicIdGenerator();
  const spanExporter = new InMemorySpanExporter();
  const processor = new LangfuseSpanProcessor({
    exporter: spanExporter,
    exportMode: "immediate",
    publicKey: "pk-lf-fixture",
    secretKey: "sk-lf-fixture",
    baseUrl: mockOrigin(),
    environment: "fixture",
    release: "1.0.0-fixture",
  });
  const tracerProvider = new BasicTracerProvider({ resource, idGenerator: ids, spanProcessors: [processor] });
  const logExporter = new InMemoryLogRecordExporter();
  const loggerProvider = new LoggerProvider({ resource });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(tracerProvider);
  return { tracerProvider, loggerProvider, spanExporter, logExporter, ids };
}

const telemetry = setupLangfuseTelemetry("fixture-langfuse");
const rawClient = openaiClient(requireOpenAI());
const PROMPT = { name: "capital-question", version: 3, isFallback: false };

const client = observeOpenAI(rawClient, {
  traceName: "fixture-openai",
  sessionId: "session-fixture-0001",
  userId: "user-fixture-0001",
  tags: ["fixture", "openai"],
  generationMetadata: { fixture: "langfuse" },
  langfusePrompt: PROMPT,
});

const WEATHER_TOOL: OpenAI.Chat.Completions.ChatCompletionTool = {
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

const manualScenarios: Scenario[] = [
  {
    name: "observation-types",
    notes: [
      "one hand-built trace with every observation type; the usage, cost and model parameters on the generation are given by the application, not measured",
    ],
    run: async () => {
      await propagateAttributes(
        {
          userId: "user-fixture-0001",
          sessionId: "session-fixture-0001",
          traceName: "support-agent",
          tags: ["fixture", "all-types"],
          version: "2.1.0",
          metadata: { tenant: "acme", region: "eu-west-1" },
        },
        () =>
          startActiveObservation(
            "support-agent",
            async (agent) => {
              const question = "What is the capital of France?";
              agent.update({ input: { question }, metadata: { agent_version: "v2", max_steps: 4 } });
              setActiveTraceIO({ input: { question } });

              const chain = startObservation("answer-pipeline", { input: { question } }, { asType: "chain" });
              const retriever = chain.startObservation(
                "vector-search",
                { input: { query: question, top_k: 2 } },
                { asType: "retriever" },
              );
              const embedding = retriever.startObservation(
                "embed-query",
                {
                  model: "text-embedding-3-small",
                  input: [question],
                  usageDetails: { input: 7 },
                  costDetails: { input: 0.00000014 },
                },
                { asType: "embedding" },
              );
              embedding.update({ output: { dimensions: 8 } }).end();
              retriever
                .update({
                  output: [
                    { id: "doc-1", content: "Paris is the capital and largest city of France.", score: 0.92 },
                    { id: "doc-2", content: "France is a country in Western Europe.", score: 0.71 },
                  ],
                })
                .end();

              const generation = chain.startObservation(
                "compose-answer",
                {
                  model: "gpt-4o-mini",
                  modelParameters: { temperature: 0.2, max_tokens: 64, top_p: 1 },
                  input: [
                    { role: "system", content: "You are a concise assistant. Answer in one sentence." },
                    { role: "user", content: question },
                  ],
                  prompt: PROMPT,
                  metadata: { attempt: 1 },
                },
                { asType: "generation" },
              );
              generation
                .update({
                  completionStartTime: new Date("2025-01-01T00:00:00.120Z"),
                  output: { role: "assistant", content: "The capital of France is Paris." },
                  // OpenAI-style details as @langfuse/openai writes them: input excludes the cached part.
                  usageDetails: {
                    input: 10,
                    output: 8,
                    total: 38,
                    input_cached_tokens: 16,
                    input_audio_tokens: 0,
                    output_reasoning_tokens: 4,
                  },
                  costDetails: { input: 0.0000015, input_cached_tokens: 0.0000012, output: 0.0000072, total: 0.0000099 },
                })
                .end();

              const tool = chain.startObservation(
                "lookup-population",
                { input: { city: "Paris" }, metadata: { tool_version: "1" } },
                { asType: "tool" },
              );
              tool.update({ output: { city: "Paris", population: 2102650 } }).end();

              const guardrail = chain.startObservation(
                "pii-filter",
                { input: { text: "The capital of France is Paris." } },
                { asType: "guardrail" },
              );
              guardrail.update({ output: { passed: true, redactions: 0 } }).end();

              chain.update({ output: { answer: "The capital of France is Paris." } }).end();

              const evaluator = startObservation(
                "answer-correctness",
                { input: { expected: "Paris", actual: "The capital of France is Paris." } },
                { asType: "evaluator" },
              );
              evaluator.update({ output: { score: 1, reason: "mentions Paris" } }).end();

              const plain = startObservation("format-reply", { input: "The capital of France is Paris." });
              plain.update({ output: "The capital of France is **Paris**." }).end();

              startObservation(
                "user-feedback-received",
                { input: { thumbs: "up" }, metadata: { channel: "web" } },
                { asType: "event" },
              );

              agent.update({ output: { answer: "The capital of France is **Paris**." } });
              setActiveTraceIO({ output: { answer: "The capital of France is **Paris**." } });
            },
            { asType: "agent" },
          ),
      );
    },
  },
  {
    name: "weather-agent",
    notes: ["agent observation around two observeOpenAI generations and a tool observation between them"],
    run: async () => {
      const question = "What's the weather like in Paris today?";
      await propagateAttributes({ userId: "user-fixture-0001", sessionId: "session-fixture-0002", traceName: "weather-agent" }, () =>
        startActiveObservation(
          "weather-agent",
          async (agent) => {
            agent.update({ input: [{ role: "user", content: question }] });
            const messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [{ role: "user", content: question }];
            const first = await client.chat.completions.create({ model: "gpt-4o-mini", messages, tools: [WEATHER_TOOL] });
            const call = first.choices[0]?.message.tool_calls?.[0];
            if (call === undefined || call.type !== "function") throw new Error("expected a tool call from the mock");
            const result = await startActiveObservation(
              call.function.name,
              async (tool) => {
                tool.update({ input: JSON.parse(call.function.arguments) as unknown });
                const output = { temperature: 18, condition: "sunny" };
                tool.update({ output });
                return JSON.stringify(output);
              },
              { asType: "tool" },
            );
            messages.push(first.choices[0]!.message, { role: "tool", tool_call_id: call.id, content: result });
            const second = await client.chat.completions.create({ model: "gpt-4o-mini", messages, tools: [WEATHER_TOOL] });
            agent.update({ output: second.choices[0]?.message });
          },
          { asType: "agent" },
        ),
      );
    },
  },
  {
    name: "level-error",
    notes: ["errors as Langfuse models them: level ERROR and status_message, set by the application; the OTel span status stays UNSET"],
    run: async () => {
      await startActiveObservation("failing-step", async () => {
        updateActiveObservation({ input: { document_id: "doc-404" } });
        const generation = startObservation(
          "summarise-document",
          { model: "gpt-4o-mini", input: [{ role: "user", content: "Summarise doc-404." }] },
          { asType: "generation" },
        );
        generation.update({ level: "ERROR", statusMessage: "Rate limit exceeded (429): retry after 20s" }).end();
        updateActiveObservation({ level: "WARNING", statusMessage: "summary skipped: upstream generation failed" });
      });
    },
  },
];

await runCapture({
  telemetry,
  convention: "langfuse",
  instrumentation: "langfuse",
  instrumentationPackages: [
    packageVersion("@langfuse/tracing"),
    packageVersion("@langfuse/otel"),
    packageVersion("@langfuse/openai"),
  ],
  sdkPackage: packageVersion("openai"),
  scenarios: [
    ...openaiScenarios(client, {
      chat: [
        "usage_details input 10 = prompt 26 - cached 16 - audio 0; output 8 = completion 12 - reasoning 4; total 38 as reported",
        "model.name is the response model; model.parameters holds the request parameters plus response_format \"\"",
      ],
      "chat-tools": ["output is the assistant message with tool_calls; tools only inside langfuse.observation.input (JSON {messages, tools})"],
      "chat-stream": [
        "output is the joined text, not a message; langfuse.observation.completion_start_time is the wall clock at capture time (a JSON-quoted ISO string), not rebased",
      ],
      "chat-error": [
        "level ERROR, status_message 'Error: 400 ...', cost_details all zero; OTel span status UNSET and no exception event",
      ],
      embeddings: ["a generation observation (no embedding type) with input {input, model, dimensions}; no output"],
    }),
    ...manualScenarios,
  ],
  notes: [
    "scope langfuse-sdk, all spans INTERNAL; langfuse.observation.type on every span; input/output/usage/cost/model parameters as JSON strings",
    "LangfuseSpanProcessor adds langfuse.environment and langfuse.release to every span, and copies propagated user.id / session.id / langfuse.trace.name / langfuse.trace.tags onto every span started inside propagateAttributes",
    "@langfuse/openai usage_details: input = prompt_tokens minus every prompt_tokens_details entry (cached, audio); output = completion_tokens minus every completion_tokens_details entry; total as reported; details as input_<key> / output_<key>",
  ],
});
