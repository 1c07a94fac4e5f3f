/**
 * Spans of Mastra (`@mastra/core` agents) as its OTel exporter (`@mastra/otel-exporter`) writes
 * them: Mastra traces agents in its own span model (`@mastra/observability`: agent_run,
 * model_generation, model_step, model_chunk, tool_call, …) and the OtelExporter converts each
 * finished Mastra span into an OTel span with GenAI semconv keys (its span converter targets GenAI
 * v1.38) plus `mastra.*` extras. The exporter is given the harness's in-memory exporter through its
 * `exporter` option, so no OTLP exporter is loaded and nothing leaves the process; log export is off.
 *
 * The model is the AI SDK's OpenAI provider (`@ai-sdk/openai`, chat completions API) pointed at the
 * mock provider. Mastra makes its own trace and span ids, so the in-memory exporter here
 * (RemappingSpanExporter) replaces them, when read, with the harness's deterministic ids in start
 * order; the OtelExporter batches spans, so "flushing" the provider means flushing Mastra's
 * observability.
 */
import { createOpenAI } from "@ai-sdk/openai";
import { InMemoryLogRecordExporter, LoggerProvider } from "@opentelemetry/sdk-logs";
import type { BasicTracerProvider } from "@opentelemetry/sdk-trace-base";
import { z } from "zod";

import { DeterministicIdGenerator, mockOrigin, packageVersion, runCapture, type Scenario, type Telemetry } from "./harness.js";
import { RemappingSpanExporter } from "./remap-ids.js";
import { installSeededUuid, seedUuids } from "./seeded-uuid.js";

// Mastra stamps run ids (mastra.metadata.runId) with random UUIDs: made stable before it loads.
installSeededUuid();
const { Mastra } = await import("@mastra/core");
const { Agent } = await import("@mastra/core/agent");
const { createTool } = await import("@mastra/core/tools");
const { Observability } = await import("@mastra/observability");
const { OtelExporter } = await import("@mastra/otel-exporter");

const ids = new DeterministicIdGenerator();
const spanExporter = new RemappingSpanExporter(ids);
// A provider entry is required even with an explicit exporter; its endpoint is never used (the
// exporter given here replaces the OTLP one), so it points at a closed loopback port.
const otelExporter = new OtelExporter({
  exporter: spanExporter,
  provider: { custom: { endpoint: "http://127.0.0.1:9", protocol: "http/json" } },
  signals: { traces: true, logs: false },
});
const observability = new Observability({
  configs: { otel: { serviceName: "fixture-mastra", exporters: [otelExporter] } },
});

const openai = createOpenAI({ apiKey: "sk-fixture-not-a-real-key", baseURL: `${mockOrigin()}/v1` });
const model = openai.chat("gpt-4o-mini");

const weatherTool = createTool({
  id: "get_weather",
  description: "Get the current weather for a city.",
  inputSchema: z.object({
    city: z.string().describe("City name, e.g. Paris"),
    unit: z.enum(["celsius", "fahrenheit"]).optional(),
  }),
  execute: async ({ city }) => ({ city, temperature: 18, condition: "sunny" }),
});

const failingTool = createTool({
  id: "get_weather",
  description: "Get the current weather for a city.",
  inputSchema: z.object({ city: z.string(), unit: z.enum(["celsius", "fahrenheit"]).optional() }),
  execute: async () => {
    throw new Error("weather service unavailable");
  },
});

const assistant = new Agent({
  id: "assistant",
  name: "assistant",
  instructions: "You are a concise assistant. Answer in one sentence.",
  model,
});
const weatherAgent = new Agent({
  id: "weather-agent",
  name: "weather-agent",
  instructions: "Answer weather questions with the get_weather tool.",
  model,
  tools: { get_weather: weatherTool },
});
const brokenToolAgent = new Agent({
  id: "weather-agent-broken-tool",
  name: "weather-agent-broken-tool",
  instructions: "Answer weather questions with the get_weather tool.",
  model,
  tools: { get_weather: failingTool },
});

const mastra = new Mastra({
  agents: { assistant, weatherAgent, brokenToolAgent },
  observability,
  logger: false,
});

const telemetry: Telemetry = {
  tracerProvider: {
    forceFlush: async () => {
      await observability.getDefaultInstance()?.flush?.();
      await otelExporter.flush();
    },
  } as unknown as BasicTracerProvider,
  loggerProvider: new LoggerProvider(),
  spanExporter,
  logExporter: new InMemoryLogRecordExporter(),
  ids,
};

const TRACING = {
  tracingOptions: { metadata: { userId: "user-fixture-0001", sessionId: "session-fixture-0001" } },
};

// The registered agents (registration wires Mastra's observability into them).
const registered = {
  assistant: mastra.getAgent("assistant"),
  weatherAgent: mastra.getAgent("weatherAgent"),
  brokenToolAgent: mastra.getAgent("brokenToolAgent"),
};

const scenarios: Scenario[] = [
  {
    name: "generate",
    run: async () => {
      const result = await registered.assistant.generate("What is the capital of France?", {
        ...TRACING,
        modelSettings: { temperature: 0.2, maxOutputTokens: 64, maxRetries: 0 },
      });
      if (result.text !== "The capital of France is Paris.") throw new Error(`unexpected text: ${result.text}`);
    },
  },
  {
    name: "stream",
    run: async () => {
      const result = await registered.assistant.stream("Count from 1 to 5.", { ...TRACING, modelSettings: { maxRetries: 0 } });
      let text = "";
      for await (const piece of result.textStream) text += piece;
      if (text !== "1, 2, 3, 4, 5.") throw new Error(`unexpected streamed text: ${text}`);
    },
  },
  {
    name: "tool-call",
    run: async () => {
      const result = await registered.weatherAgent.generate("What's the weather like in Paris today?", {
        ...TRACING,
        modelSettings: { maxRetries: 0 },
      });
      if (!result.text.includes("18")) throw new Error(`unexpected text: ${result.text}`);
    },
  },
  {
    name: "model-error",
    run: async () => {
      try {
        const result = await registered.assistant.generate("Name three primary colors.", {
          ...TRACING,
          modelSettings: { temperature: 5, maxRetries: 0 },
        });
        if (result.error === undefined) throw new Error("expected the mock to reject temperature 5");
      } catch {
        // Mastra may either throw or report the error in the result; both are fine here.
      }
    },
  },
  {
    name: "tool-error",
    run: async () => {
      await registered.brokenToolAgent
        .generate("What's the weather like in Paris today?", { ...TRACING, modelSettings: { maxRetries: 0 } })
        .catch(() => undefined);
    },
  },
];

await runCapture({
  telemetry,
  convention: "mastra",
  instrumentation: "mastra",
  instrumentationPackages: [packageVersion("@mastra/core"), packageVersion("@mastra/observability"), packageVersion("@mastra/otel-exporter")],
  sdkPackage: packageVersion("@ai-sdk/openai"),
  scenarios: scenarios.map((s) => ({
    ...s,
    run: () => {
      seedUuids(`mastra/${s.name}`);
      return s.run();
    },
  })),
  notes: [
    "scope @mastra/otel-exporter 1.4.0; resource service.name from the observability config, service.version = @mastra/core version, telemetry.sdk.name @mastra/otel-exporter",
    "span tree per agent call: invoke_agent <agent> (agent_run) > model_generation <model> (model_generation) > agent_step <agent> (model_step, one per model request) > chat <model> (model_inference, CLIENT) > model_chunk <agent>; execute_tool <tool> (tool_call) under the agent_step that asked for it",
    "gen_ai.operation.name carries Mastra's own names besides GenAI ones: invoke_agent, chat, execute_tool, and model_generation, agent_step, model_chunk; mastra.span.type holds the Mastra span type",
    "usage only on the per-request chat spans (gen_ai.usage.input_tokens including cache reads, cache_read.input_tokens, reasoning_tokens); no run-level usage in this version, so nothing is counted twice",
    "chat spans carry gen_ai.output.messages (GenAI parts; a tool-calling reply is an empty text part, the tool call is missing) but no gen_ai.input.messages; the step's input and output are in mastra.model_step.input / output (JSON), the run's in mastra.model_generation.input / output and mastra.agent_run.input / output",
    "gen_ai.provider.name is the AI SDK provider id (openai.chat), not a GenAI well-known value",
    "tracingOptions.metadata lands as mastra.metadata.<key> on every span (userId, sessionId here); model_step spans also get mastra.metadata.headers / body (the raw HTTP response) and modelMetadata",
    "varies between runs: the mock's date header inside mastra.metadata.headers, mastra.completion_start_time, createdAt in providerOptions (run ids are made stable by the capture script)",
  ],
});
await observability.shutdown?.();
process.exit(0);
