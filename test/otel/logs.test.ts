/**
 * Instrumentations that log GenAI content as records: the contrib OpenAI instrumentation
 * (`@opentelemetry/instrumentation-openai`, content capture on) writes prompts and choices as log
 * records, not on the span. With `MlflowSpanProcessor.logRecordProcessor` in the app's LoggerProvider,
 * the spans MLflow receives carry the same inputs, outputs and token usage as the reviewed goldens of
 * the captured fixtures (which join the logs offline, through decodeOtlpJson({ logs })).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { context, diag, DiagLogLevel, metrics, propagation, trace } from "@opentelemetry/api";
import { OpenAIInstrumentation } from "@opentelemetry/instrumentation-openai";
import { LoggerProvider } from "@opentelemetry/sdk-logs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockProvider, type MockProvider } from "../../scripts/capture/mock-provider.js";
import { openaiScenarios } from "../../scripts/capture/scenarios.js";
import { openaiClient, requireOpenAI } from "../../scripts/capture/sdk.js";
import type { Scenario } from "../../scripts/capture/harness.js";
import { MLFLOW_KEYS, type MlflowSpan } from "../../src/index.js";
import { MlflowExporter, MlflowSpanProcessor } from "../../src/otel/index.js";
import { ROOT } from "../helpers/fixtures.js";
import { startMockMlflow, type MockMlflow } from "./mock-mlflow.js";
import { SDKS } from "./sdks.js";

let provider: MockProvider;
let mlflow: MockMlflow;
let instrumentation: OpenAIInstrumentation;
let scenarios: Scenario[];

beforeAll(async () => {
  provider = await startMockProvider();
  mlflow = await startMockMlflow();
  process.env["MOCK_PROVIDER_URL"] = provider.origin;
  instrumentation = new OpenAIInstrumentation({ captureMessageContent: true });
  // As in scripts/capture/otel-openai.ts: 0.21.0 needs a meter provider set after construction.
  instrumentation.setMeterProvider(metrics.getMeterProvider());
  scenarios = openaiScenarios(openaiClient(requireOpenAI()));
});

afterAll(async () => {
  instrumentation.disable();
  await provider.close();
  await mlflow.close();
});

const golden = (scenario: string): MlflowSpan =>
  (JSON.parse(readFileSync(join(ROOT, `fixtures/genai/otel-openai__${scenario}.mlflow.json`), "utf8")) as MlflowSpan[])[0]!;

describe.each(SDKS)("$label", (sdk) => {
  it("GenAI log records join their span's translation: the same inputs, outputs and usage as the goldens", async () => {
    mlflow.requests.length = 0;
    const warnings: string[] = [];
    diag.setLogger({ error: (m) => warnings.push(m), warn: (m) => warnings.push(m), info: () => {}, debug: () => {}, verbose: () => {} }, DiagLogLevel.WARN);
    const processor = new MlflowSpanProcessor({ processor: sdk.simple(new MlflowExporter({ trackingUri: mlflow.url })) });
    const tracerProvider = sdk.provider([processor]);
    tracerProvider.register();
    const loggerProvider = new LoggerProvider({ processors: [processor.logRecordProcessor as never] });
    instrumentation.setTracerProvider(tracerProvider as never);
    instrumentation.setLoggerProvider(loggerProvider);
    for (const scenario of scenarios) await scenario.run();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await tracerProvider.shutdown();
    await loggerProvider.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
    diag.disable();
    expect(warnings).toEqual([]);

    const received = mlflow.spans();
    expect(received.map((s) => s.name)).toEqual([
      "chat gpt-4o-mini",
      "chat gpt-4o-mini",
      "chat gpt-4o-mini",
      "chat gpt-4o-mini",
      "chat gpt-4o-mini",
      "embeddings text-embedding-3-small",
    ]);
    const names = ["chat", "chat-tools", "chat-tool-result", "chat-stream", "chat-error", "embeddings"];
    received.forEach((span, i) => {
      const expected = golden(names[i]!);
      const decode = (key: string): unknown => (span.attributes[key] === undefined ? undefined : JSON.parse(span.attributes[key] as string));
      expect(decode(MLFLOW_KEYS.spanType), names[i]).toBe(expected.spanType);
      expect(decode(MLFLOW_KEYS.inputs), names[i]).toEqual(expected.inputs);
      expect(decode(MLFLOW_KEYS.outputs), names[i]).toEqual(expected.outputs);
      expect(decode(MLFLOW_KEYS.tokenUsage), names[i]).toEqual(expected.tokenUsage);
      // The records are not copied onto the exported span: they travel as logs.
      expect(Object.keys(span.attributes).some((k) => k === "body")).toBe(false);
    });
    // The chat prompt and answer came from the log records only.
    expect(golden("chat").inputs).toMatchObject({ messages: [{ role: "system" }, { role: "user", content: "What is the capital of France?" }] });
    expect(golden("chat").outputs).toMatchObject({ choices: [{ message: { content: "The capital of France is Paris." } }] });
  });
});
