/**
 * OpenLLMetry spans from the Traceloop SDK itself (`@traceloop/node-server-sdk`): the
 * `withWorkflow` / `withAgent` / `withTask` / `withTool` wrappers an application puts around its own
 * code, plus the OpenAI instrumentation the SDK bundles (`@traceloop/instrumentation-openai`, the
 * same installed copy) for the chat calls made inside them.
 *
 * How the SDK is set up, and why not with a plain `traceloop.initialize({ exporter })`:
 * `initialize()` with tracing on starts an OpenTelemetry `NodeSDK`, which installs its own tracer
 * provider (random ids, host/process resource detectors: not reproducible) and, with no OTEL_*
 * variables set, OTLP metric and log exporters that would try to reach localhost:4318. So
 * `initialize()` runs with `tracingEnabled: false` (it still records the configuration the wrappers
 * read: `traceContent`), prompt-registry sync off and no API key (so no Traceloop client and no
 * image uploader), and this script wires up by hand the same pieces `startTracing()` would:
 *
 * - the SDK's own span processor, `createSpanProcessor({ exporter, disableBatch: true,
 *   allowedInstrumentationLibraries: "all" })` exactly as `startTracing()` builds it; its `onStart`
 *   copies the workflow name, entity path, agent name and association properties from the context
 *   onto every span, including the OpenAI instrumentation's;
 * - `OpenAIInstrumentation` configured as `initInstrumentations()` does (`enrichTokens` on, the
 *   SDK's default; it only affects streamed calls, which these scenarios do not make);
 * - a tracer provider with the harness's deterministic ids and an in-memory exporter.
 *
 * Nothing leaves 127.0.0.1: the only HTTP calls are the chat completions sent to the mock.
 */
import { context, propagation, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { defaultResource, resourceFromAttributes } from "@opentelemetry/resources";
import { InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor } from "@opentelemetry/sdk-logs";
import { BasicTracerProvider, InMemorySpanExporter } from "@opentelemetry/sdk-trace-base";
import { OpenAIInstrumentation } from "@traceloop/instrumentation-openai";
import * as traceloop from "@traceloop/node-server-sdk";
import type OpenAI from "openai";

import {
  DeterministicIdGenerator,
  mockOrigin,
  packageVersion,
  runCapture,
  type Scenario,
  type Telemetry,
} from "./harness.js";
import { openaiClient, requireOpenAI } from "./sdk.js";

const SERVICE_NAME = "fixture-traceloop-sdk";

function setupTraceloopTelemetry(): Telemetry {
  const resource = defaultResource().merge(resourceFromAttributes({ "service.name": SERVICE_NAME }));
  const ids = new DeterministicIdGenerator();
  const spanExporter = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({
    resource,
    idGenerator: ids,
    spanProcessors: [
      traceloop.createSpanProcessor({
        exporter: spanExporter,
        disableBatch: true,
        allowedInstrumentationLibraries: traceloop.ALL_INSTRUMENTATION_LIBRARIES,
      }),
    ],
  });
  // No log records are expected; the harness wants a logger provider all the same.
  const logExporter = new InMemoryLogRecordExporter();
  const loggerProvider = new LoggerProvider({
    resource,
    processors: [new SimpleLogRecordProcessor({ exporter: logExporter })],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(tracerProvider);
  return { tracerProvider, loggerProvider, spanExporter, logExporter, ids };
}

const telemetry = setupTraceloopTelemetry();

traceloop.initialize({
  appName: SERVICE_NAME,
  baseUrl: mockOrigin(),
  exporter: telemetry.spanExporter,
  disableBatch: true,
  traceContent: true,
  tracingEnabled: false,
  traceloopSyncEnabled: false,
  silenceInitializationMessage: true,
});

const instrumentation = new OpenAIInstrumentation({
  enrichTokens: true,
  traceContent: true,
  exceptionLogger: (e: Error) => console.debug("[Traceloop] Instrumentation exception:", e.message),
});
instrumentation.setTracerProvider(telemetry.tracerProvider);
const client = openaiClient(requireOpenAI());

const MODEL = "gpt-4o-mini";
const WEATHER_TOOL: OpenAI.Chat.Completions.ChatCompletionTool = {
  type: "function",
  function: {
    name: "get_weather",
    description: "Get the current weather for a city.",
    parameters: {
      type: "object",
      properties: {
        city: { type: "string", description: "City name, e.g. Paris" },
        unit: { type: "string", enum: ["celsius", "fahrenheit"] },
      },
      required: ["city"],
      additionalProperties: false,
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Scenario "agent-workflow": WORKFLOW -> AGENT -> TASK "plan" (chat offering the tool -> tool call),
// then TASK "respond" -> TOOL get_weather (returns a JSON object) and the chat with the tool result.

interface WeatherArgs {
  readonly city: string;
  readonly unit?: string;
}

interface WeatherReport {
  readonly city: string;
  readonly temperature: number;
  readonly unit: string;
  readonly condition: string;
}

async function agentWorkflow(): Promise<void> {
  const question = "What's the weather like in Paris today?";
  const result = await traceloop.withWorkflow(
    { name: "weather_report", associationProperties: { user_id: "user-fixture-1" } },
    async ({ question: q }: { question: string }) => {
      const answer = await traceloop.withAgent({ name: "weather_agent" }, async (userQuestion: string) => {
        const messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [{ role: "user", content: userQuestion }];

        const call = await traceloop.withTask({ name: "plan" }, async () => {
          const completion = await client.chat.completions.create({
            model: MODEL,
            messages,
            tools: [WEATHER_TOOL],
            tool_choice: "auto",
          });
          return completion.choices[0]!.message;
        });
        messages.push(call);
        const toolCall = call.tool_calls?.[0];
        if (toolCall === undefined || toolCall.type !== "function") throw new Error("expected a function tool call");

        return traceloop.withTask({ name: "respond" }, async () => {
          const report = await traceloop.withTool(
            { name: "get_weather" },
            async (args: WeatherArgs): Promise<WeatherReport> => ({
              city: args.city,
              temperature: 18,
              unit: args.unit ?? "celsius",
              condition: "sunny",
            }),
            JSON.parse(toolCall.function.arguments) as WeatherArgs,
          );
          messages.push({ role: "tool", tool_call_id: toolCall.id, content: JSON.stringify(report) });
          const completion = await client.chat.completions.create({ model: MODEL, messages, tools: [WEATHER_TOOL] });
          return completion.choices[0]!.message.content ?? "";
        });
      }, q);
      return { answer, sources: ["get_weather"] };
    },
    { question },
  );
  if (result.answer !== "It is currently 18 °C and sunny in Paris.") throw new Error(`unexpected answer: ${result.answer}`);
}

// ---------------------------------------------------------------------------------------------
// Scenario "entity-io": how withEntity records inputs and outputs for different call shapes. One
// object argument becomes {"args": [], "kwargs": obj}; anything else {"args": [...], "kwargs": {}}.

async function entityIo(): Promise<void> {
  await traceloop.withWorkflow(
    { name: "format_report", version: 2 },
    async (city: string, days: number, options: { unit: string }) => {
      // one string argument -> {"args": ["Paris"], "kwargs": {}}; returns a string
      const label = await traceloop.withTask({ name: "normalise_city" }, async (name: string) => name.toUpperCase(), city);
      // one object argument -> {"args": [], "kwargs": {...}}; returns a number
      const total = await traceloop.withTask(
        { name: "sum_temperatures" },
        async ({ temperatures }: { temperatures: number[] }) => temperatures.reduce((a, b) => a + b, 0),
        { temperatures: [18, 21, 21].slice(0, days) },
      );
      // no argument at all, a synchronous function, returns an array (the wrapper still returns a promise)
      const units = await traceloop.withTool({ name: "list_units" }, () => ["celsius", "fahrenheit"]);
      // returns nothing: no traceloop.entity.output is recorded
      await traceloop.withTask({ name: "audit_log" }, async (_entry: string) => undefined, `report for ${label}`);
      // content tracing switched off for this one entity: neither input nor output
      await traceloop.withTask({ name: "load_secrets", traceContent: false }, async (_key: string) => "s3cr3t", "api-key");
      return { city: label, days, unit: options.unit, average: total / days, units };
    },
    "Paris",
    3,
    { unit: "celsius" },
  );
}

// ---------------------------------------------------------------------------------------------
// Scenario "guardrails": the SDK 0.27 Guardrails runner (one `<name>.guard` span per guard, with
// gen_ai.operation.name guard and the gen_ai.guardrail.* keys) inside a workflow. Custom guards
// only: the pre-built ones call Traceloop's API.

const guardNamed = (name: string, fn: (input: Record<string, unknown>) => Promise<boolean>): traceloop.Guard =>
  Object.assign(fn, { guardName: name });

async function guardrailRun(): Promise<void> {
  const answer = "The capital of France is Paris, population 2102650.";
  await traceloop.withWorkflow({ name: "moderated_answer" }, async () => {
    const guards = new traceloop.Guardrails([
      guardNamed("length_check", async (input) => String(input.text).length < 200),
      guardNamed("no_digits", async (input) => !/[0-9]/.test(String(input.text))),
    ]).sequential().runAll();
    await guards.validate([{ text: answer }, { text: answer }]);
    // A guard that throws: the span records the error type and message, validate() rethrows.
    const broken = new traceloop.Guardrails([
      guardNamed("policy_lookup", async () => {
        throw new TypeError("policy service unavailable");
      }),
    ]);
    await broken.validate([{ text: answer }]).catch(() => undefined);
  });
}

const scenarios: Scenario[] = [
  {
    name: "agent-workflow",
    run: agentWorkflow,
    notes: [
      "WORKFLOW → AGENT → TASK plan (chat offering a tool → tool call), TASK respond (TOOL get_weather returning a JSON object, then the chat with the tool result)",
      "span names <name>.<kind>; the chat spans carry traceloop.workflow.name, traceloop.entity.path (the enclosing task), gen_ai.agent.name and the association property from the SDK's span processor, but no traceloop.span.kind",
      "from the agent down, traceloop.workflow.name is the agent's name (weather_agent), not the workflow's",
    ],
  },
  {
    name: "entity-io",
    run: entityIo,
    notes: [
      "positional arguments → {\"args\":[...],\"kwargs\":{}}; one object argument → {\"args\":[],\"kwargs\":{...}}; no arguments → {\"args\":[],\"kwargs\":{}}",
      "an entity returning undefined gets no traceloop.entity.output; traceContent: false drops input and output",
      "traceloop.entity.version is an int attribute",
    ],
  },
  {
    name: "guardrails",
    run: guardrailRun,
    notes: [
      "Guardrails.validate() with two custom guards run in sequence (length_check passes, no_digits fails), then one that throws (policy_lookup): INTERNAL '<name>.guard' spans with gen_ai.operation.name guard, gen_ai.guardrail.name / input (JSON) / status (PASSED, FAILED) / duration (ms, measured), the thrown one with error.type / error.message, status ERROR and an exception event",
      "0.27 writes no parent guardrail.run span (the package's SemanticAttributes describe one); the guard spans hang under the workflow span",
    ],
  },
];

await runCapture({
  telemetry,
  convention: "openllmetry",
  instrumentation: "traceloop-sdk",
  instrumentationPackages: [packageVersion("@traceloop/node-server-sdk"), packageVersion("@traceloop/instrumentation-openai")],
  sdkPackage: packageVersion("openai"),
  scenarios,
  notes: [
    "withWorkflow / withAgent / withTask / withTool spans (scope @traceloop/node-server-sdk, kind INTERNAL) with traceloop.span.kind, traceloop.entity.name / path and traceloop.entity.input / output JSON envelopes",
    "initialize() with tracingEnabled: false; the SDK's createSpanProcessor and the bundled OpenAIInstrumentation wired to a deterministic tracer provider (see the script's header)",
  ],
});

instrumentation.disable();
