/**
 * OTel GenAI spans and log records from `@opentelemetry/instrumentation-openai` 0.22, the first
 * release that traces the OpenAI Responses API (`client.responses.create`), beside its chat
 * completions. Fixtures `otel-openai-022__*` in genai/ (issue 13, "separate input/output records").
 *
 * 0.22 declares a peer dependency on @opentelemetry/api ^1.10 while the root package pins ~1.9, and
 * `npm ci` at the root then fails with ERESOLVE. So it lives in its own small package,
 * scripts/capture/isolated/otel-openai-022 (install: `npm ci --prefix
 * scripts/capture/isolated/otel-openai-022`), and is loaded from there. Its own api copy (1.10)
 * does not see the root's global context manager, so its spans are roots; the tracer and logger
 * providers are handed to it directly, and the span of a log record still travels in the context
 * object it passes to `emit` (the context keys are `Symbol.for` symbols, shared by both copies).
 *
 * For the Responses API 0.22 writes, per call, one `gen_ai.client.inference.operation.details`
 * log record with `gen_ai.input.messages` (structured AnyValue, not a JSON string) when the call
 * starts, and another with `gen_ai.output.messages` when it ends (for a stream: one per finished
 * output item); `gen_ai.system_instructions` is the plain `instructions` string, on the span.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import { metrics } from "@opentelemetry/api";
import type OpenAI from "openai";

import { REPO_ROOT, packageVersion, runCapture, type Scenario, setupTelemetry } from "./harness.js";
import { openaiScenarios } from "./scenarios.js";
import { openaiClient, requireOpenAI } from "./sdk.js";

const ISOLATED = path.join(REPO_ROOT, "scripts/capture/isolated/otel-openai-022");
if (!existsSync(path.join(ISOLATED, "node_modules/@opentelemetry/instrumentation-openai"))) {
  throw new Error(`run \`npm ci --prefix ${path.relative(REPO_ROOT, ISOLATED)}\` first`);
}
const isolatedRequire = createRequire(path.join(ISOLATED, "package.json"));
const { OpenAIInstrumentation } = isolatedRequire("@opentelemetry/instrumentation-openai") as {
  OpenAIInstrumentation: new (config: { captureMessageContent: boolean }) => {
    setTracerProvider(p: unknown): void;
    setLoggerProvider(p: unknown): void;
    setMeterProvider(p: unknown): void;
    disable(): void;
  };
};
const instrumentationVersion = (
  JSON.parse(readFileSync(path.join(ISOLATED, "node_modules/@opentelemetry/instrumentation-openai/package.json"), "utf8")) as {
    version: string;
  }
).version;

const telemetry = setupTelemetry("fixture-otel-openai-022");
const instrumentation = new OpenAIInstrumentation({ captureMessageContent: true });
instrumentation.setTracerProvider(telemetry.tracerProvider);
instrumentation.setLoggerProvider(telemetry.loggerProvider);
instrumentation.setMeterProvider(metrics.getMeterProvider());
const client = openaiClient(requireOpenAI());

const MODEL = "gpt-4o-mini";
const INSTRUCTIONS = "You are a concise assistant. Answer in one sentence.";
const WEATHER_TOOL: OpenAI.Responses.FunctionTool = {
  type: "function",
  name: "get_weather",
  description: "Get the current weather for a city.",
  strict: true,
  parameters: {
    type: "object",
    properties: {
      city: { type: "string", description: "City name, e.g. Paris" },
      unit: { type: "string", enum: ["celsius", "fahrenheit"] },
    },
    required: ["city", "unit"],
    additionalProperties: false,
  },
};

const SEPARATE = "issue-13 class 'GenAI content in separate operation.details records': input and output messages in two log records";

const responsesScenarios: Scenario[] = [
  {
    name: "responses",
    run: async () => {
      await client.responses.create({
        model: MODEL,
        instructions: INSTRUCTIONS,
        input: "What is the capital of France?",
        temperature: 0.2,
        max_output_tokens: 64,
      });
    },
    notes: [
      SEPARATE,
      "issue-13 class 'plain-string gen_ai.system_instructions': the instructions string as is, not a JSON array",
      "cached (16) and reasoning (4) token details not recorded",
    ],
  },
  {
    name: "responses-messages",
    run: async () => {
      await client.responses.create({
        model: MODEL,
        input: [
          { role: "developer", content: INSTRUCTIONS },
          { role: "user", content: [{ type: "input_text", text: "What is the capital of France?" }] },
        ],
      });
    },
    notes: [SEPARATE, "system prompt given as a developer input message, not as instructions"],
  },
  {
    name: "responses-tools",
    run: async () => {
      await client.responses.create({ model: MODEL, input: "What's the weather in Paris?", tools: [WEATHER_TOOL] });
    },
    notes: [SEPARATE, "function_call output item; tool definitions not recorded"],
  },
  {
    name: "responses-tool-result",
    run: async () => {
      await client.responses.create({
        model: MODEL,
        tools: [WEATHER_TOOL],
        input: [
          { role: "user", content: "What's the weather in Paris?" },
          {
            type: "function_call",
            call_id: "call_fixture_0001",
            name: "get_weather",
            arguments: '{"city":"Paris","unit":"celsius"}',
          },
          { type: "function_call_output", call_id: "call_fixture_0001", output: '{"temperature":18,"condition":"sunny"}' },
        ],
      });
    },
    notes: [SEPARATE, "earlier function_call and its function_call_output in gen_ai.input.messages"],
  },
  {
    name: "responses-stream",
    run: async () => {
      const stream = await client.responses.create({
        model: MODEL,
        instructions: INSTRUCTIONS,
        input: "Count from 1 to 5.",
        stream: true,
      });
      for await (const event of stream) void event;
    },
    notes: [SEPARATE, "streamed: the output record is written when the output item is done"],
  },
  {
    name: "responses-conversation",
    run: async () => {
      await client.responses.create({
        model: MODEL,
        conversation: "conv_fixture_0001",
        input: "What is the capital of France?",
      });
    },
    notes: [
      "issue-13 class 'session / conversation': gen_ai.conversation.id conv_fixture_0001 (the conversation the response belongs to)",
    ],
  },
  {
    name: "responses-error",
    run: async () => {
      try {
        await client.responses.create({ model: MODEL, input: "What is the capital of France?", temperature: 5 });
      } catch (error) {
        if ((error as { status?: unknown }).status !== 400) throw error;
        return;
      }
      throw new Error("expected the mock provider to reject this request");
    },
  },
];

await runCapture({
  telemetry,
  convention: "genai",
  instrumentation: "otel-openai-022",
  instrumentationPackages: [`@opentelemetry/instrumentation-openai@${instrumentationVersion}`],
  sdkPackage: packageVersion("openai"),
  scenarios: [
    ...responsesScenarios,
    ...openaiScenarios(client, {
      chat: ["chat completions under 0.22: content still as the older per-message GenAI events"],
    }).filter((s) => s.name !== "embeddings"),
  ],
  notes: [
    "loaded from scripts/capture/isolated/otel-openai-022 (peer @opentelemetry/api ^1.10 conflicts with the root's ~1.9)",
    "Responses API: gen_ai.provider.name = openai, OTLP eventName gen_ai.client.inference.operation.details, gen_ai.input.messages / gen_ai.output.messages as structured AnyValue arrays in separate records",
  ],
});

instrumentation.disable();
