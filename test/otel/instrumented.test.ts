/**
 * The otel subpath in a real app: the capture harness's OpenAI, Anthropic and AI SDK scenarios run
 * against the mock provider, traced by real instrumentations (OpenInference for `openai`, OpenLLMetry
 * for `@anthropic-ai/sdk`, the AI SDK's own telemetry, and undici for the HTTP client spans), inside a
 * `NodeTracerProvider` of each SDK major with `MlflowSpanProcessor` + `MlflowExporter` sending to a
 * mock MLflow endpoint that decodes the protobuf on its own. An in-memory exporter on the same provider
 * records what the app produced, to compare with what MLflow received.
 */
import { OpenAIInstrumentation } from "@arizeai/openinference-instrumentation-openai";
import { createOpenAI } from "@ai-sdk/openai";
import { context, diag, DiagLogLevel, propagation, trace } from "@opentelemetry/api";
import { UndiciInstrumentation } from "@opentelemetry/instrumentation-undici";
import { AnthropicInstrumentation } from "@traceloop/instrumentation-anthropic";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockProvider, type MockProvider } from "../../scripts/capture/mock-provider.js";
import { anthropicScenarios, openaiScenarios } from "../../scripts/capture/scenarios.js";
import { anthropicClient, openaiClient, requireAnthropic, requireOpenAI } from "../../scripts/capture/sdk.js";
import { chatScenarios } from "../../scripts/capture/vercel-scenarios.js";
import type { Scenario } from "../../scripts/capture/harness.js";
import { detectConventions, MLFLOW_KEYS, toMlflowAttributes, toMlflowSpan, type SpanLike } from "../../src/index.js";
import { MlflowExporter, MlflowSpanProcessor, MlflowSimpleSpanProcessor, type ReadableSpan, type SpanProcessor } from "../../src/otel/index.js";
import { startMockMlflow, type MockMlflow, type ReceivedSpan } from "./mock-mlflow.js";
import { SDKS, type Sdk } from "./sdks.js";

let provider: MockProvider;
let openinference: OpenAIInstrumentation;
let traceloop: AnthropicInstrumentation;
let undici: UndiciInstrumentation;
let scenarios: Record<string, Scenario>;

beforeAll(async () => {
  provider = await startMockProvider();
  process.env["MOCK_PROVIDER_URL"] = provider.origin;
  // Enabled before the SDKs are required, so their require hooks patch them (as in a CommonJS app).
  openinference = new OpenAIInstrumentation();
  traceloop = new AnthropicInstrumentation({ traceContent: true });
  undici = new UndiciInstrumentation();
  const openai = openaiClient(requireOpenAI());
  const anthropic = anthropicClient(requireAnthropic());
  const model = createOpenAI({ apiKey: "sk-fixture-not-a-real-key", baseURL: `${provider.origin}/v1` }).chat("gpt-4o-mini");
  scenarios = {};
  for (const s of openaiScenarios(openai)) scenarios[`openai/${s.name}`] = s;
  for (const s of anthropicScenarios(anthropic)) scenarios[`anthropic/${s.name}`] = s;
  for (const s of chatScenarios(model)) scenarios[`ai/${s.name}`] = s;
});

afterAll(async () => {
  openinference.disable();
  traceloop.disable();
  undici.disable();
  await provider.close();
});

interface App {
  memory: ReturnType<Sdk["memoryExporter"]>;
  shutdown(): Promise<void>;
  forceFlush(): Promise<void>;
}

/** A registered provider of `sdk` with `processor` (and an in-memory record of every ended span). */
function startApp(sdk: Sdk, processor: SpanProcessor): App {
  const memory = sdk.memoryExporter();
  const tracerProvider = sdk.provider([processor, sdk.simple(memory)]);
  tracerProvider.register();
  const asProvider = tracerProvider as unknown as Parameters<OpenAIInstrumentation["setTracerProvider"]>[0];
  openinference.setTracerProvider(asProvider);
  traceloop.setTracerProvider(asProvider);
  undici.setTracerProvider(asProvider);
  return {
    memory,
    forceFlush: () => tracerProvider.forceFlush(),
    shutdown: async () => {
      await tracerProvider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

async function run(names: readonly string[]): Promise<void> {
  for (const name of names) await scenarios[name]!.run();
  // Some instrumentations end their span in a promise callback after the SDK call resolved.
  await new Promise((resolve) => setTimeout(resolve, 50));
}

const ALL = [
  "openai/chat",
  "openai/chat-tools",
  "openai/chat-tool-result",
  "openai/chat-stream",
  "openai/chat-error",
  "openai/embeddings",
  "anthropic/messages",
  "anthropic/messages-tools",
  "anthropic/messages-tool-result",
  "anthropic/messages-stream",
  "anthropic/messages-error",
  "ai/generate-text",
  "ai/generate-text-tools",
  "ai/stream-text",
  "ai/generate-text-error",
];

const spanId = (span: ReadableSpan): string => span.spanContext().spanId;
const isLlm = (span: ReadableSpan): boolean => detectConventions(span as unknown as SpanLike).length > 0;
const MODEL_CALLS = new Set(["LLM", "CHAT_MODEL", "EMBEDDING"]);

/**
 * Model-call spans whose instrumentation records no token count at all (fixtures/MANIFEST.md:
 * OpenInference's OpenAI instrumentation 4.2.7 on streams and embeddings), so no tokenUsage can exist.
 */
function hasTokenCounts(span: ReadableSpan): boolean {
  return Object.entries(span.attributes).some(([key, value]) => /token/i.test(key) && typeof value === "number");
}

/** What MLflow should store for a span: the source attributes plus the translation's mlflow.* keys. */
function expectedAttributes(span: ReadableSpan): Record<string, unknown> {
  return JSON.parse(JSON.stringify(toMlflowAttributes(toMlflowSpan(span as unknown as SpanLike)))) as Record<string, unknown>;
}

describe.each(SDKS)("$label", (sdk) => {
  let mlflow: MockMlflow;
  beforeAll(async () => {
    mlflow = await startMockMlflow();
  });
  afterAll(async () => {
    await mlflow.close();
  });

  it("every LLM span arrives at MLflow translated, with the experiment header, and shutdown flushes them", async () => {
    mlflow.requests.length = 0;
    const warnings: string[] = [];
    diag.setLogger({ error: (m) => warnings.push(m), warn: (m) => warnings.push(m), info: () => {}, debug: () => {}, verbose: () => {} }, DiagLogLevel.WARN);
    const exporter = new MlflowExporter({ trackingUri: mlflow.url, experimentId: "42", env: { MLFLOW_TRACKING_TOKEN: "secret-token" } });
    // A long delay: nothing is sent before provider.shutdown(), which must flush it all.
    const processor =
      sdk.label === "SDK 2.x"
        ? new MlflowSpanProcessor({ exporter, batch: { scheduledDelayMillis: 60_000 } })
        : new MlflowSpanProcessor({ processor: sdk.batch(exporter, { scheduledDelayMillis: 60_000 }) });
    const app = startApp(sdk, processor);
    await run(ALL);
    const ended = app.memory.getFinishedSpans().slice();
    expect(mlflow.requests).toHaveLength(0);
    await app.shutdown();
    diag.disable();
    expect(warnings).toEqual([]);

    const llm = ended.filter(isLlm);
    const http = ended.filter((s) => !isLlm(s));
    expect(new Set(llm.map((s) => s.instrumentationScope?.name ?? s.instrumentationLibrary?.name))).toEqual(
      new Set(["@arizeai/openinference-instrumentation-openai", "@traceloop/instrumentation-anthropic", "ai"]),
    );
    expect(llm.length).toBeGreaterThanOrEqual(20);
    expect(http.length).toBeGreaterThanOrEqual(10); // one undici span per provider request

    for (const request of mlflow.requests) {
      expect(request.path).toBe("/v1/traces");
      expect(request.headers["x-mlflow-experiment-id"]).toBe("42");
      expect(request.headers["authorization"]).toBe("Bearer secret-token");
      expect(request.headers["content-type"]).toBe("application/x-protobuf");
    }
    const received = new Map<string, ReceivedSpan>(mlflow.spans().map((s) => [s.spanId, s]));
    // Exactly the LLM spans: the default filter leaves the HTTP spans out.
    expect([...received.keys()].sort()).toEqual(llm.map(spanId).sort());

    const withoutCounts: string[] = [];
    for (const source of llm) {
      const got = received.get(spanId(source))!;
      const label = `${got.scope} ${got.name}`;
      // Every source attribute kept, and the mlflow.* keys are the library's translation.
      expect(got.attributes, label).toEqual(expectedAttributes(source));
      const spanType = JSON.parse(got.attributes[MLFLOW_KEYS.spanType] as string) as string;
      expect(spanType, label).not.toBe("UNKNOWN");
      expect(got.attributes[MLFLOW_KEYS.inputs], label).toBeTypeOf("string");
      const failed = got.statusCode === 2;
      if (!failed) expect(got.attributes[MLFLOW_KEYS.outputs], label).toBeTypeOf("string");
      if (!failed && MODEL_CALLS.has(spanType)) {
        if (hasTokenCounts(source)) {
          const usage = JSON.parse(got.attributes[MLFLOW_KEYS.tokenUsage] as string) as Record<string, number>;
          expect(usage.input_tokens, label).toBeGreaterThan(0);
          expect(usage.total_tokens, label).toBe(usage.input_tokens! + usage.output_tokens!);
        } else withoutCounts.push(label);
      }
      expect(got.traceId).toBe(source.spanContext().traceId);
    }
    // The only model calls without token counts are the two the MANIFEST lists for OpenInference's OpenAI instrumentation.
    expect(withoutCounts.sort()).toEqual([
      "@arizeai/openinference-instrumentation-openai OpenAI Chat Completions",
      "@arizeai/openinference-instrumentation-openai OpenAI Embeddings",
    ]);
  });

  it('spanFilter "all" also sends the HTTP spans, untouched; a function filter picks spans', async () => {
    for (const [filter, expectHttp] of [["all", true], [(span: ReadableSpan) => span.name.startsWith("ai."), false]] as const) {
      mlflow.requests.length = 0;
      const exporter = new MlflowExporter({ trackingUri: mlflow.url });
      const processor =
        sdk.label === "SDK 2.x"
          ? new MlflowSimpleSpanProcessor({ exporter, spanFilter: filter })
          : new MlflowSpanProcessor({ processor: sdk.simple(exporter), spanFilter: filter });
      const app = startApp(sdk, processor);
      await run(["openai/chat", "ai/generate-text"]);
      const ended = app.memory.getFinishedSpans().slice();
      await app.shutdown();
      const received = new Map(mlflow.spans().map((s) => [s.spanId, s]));
      const expected = ended.filter((s) => (typeof filter === "function" ? filter(s) : true));
      expect([...received.keys()].sort()).toEqual(expected.map(spanId).sort());
      expect(ended.some((s) => !isLlm(s))).toBe(true);
      for (const source of ended.filter((s) => !isLlm(s))) {
        if (!expectHttp) continue;
        const got = received.get(spanId(source))!;
        expect(Object.keys(got.attributes).some((k) => k.startsWith("mlflow."))).toBe(false);
        expect(got.attributes).toEqual(JSON.parse(JSON.stringify(source.attributes)));
        expect(got.parentSpanId).toBe(source.parentSpanContext?.spanId ?? source.parentSpanId ?? "");
      }
      expect(mlflow.requests.every((r) => r.headers["x-mlflow-experiment-id"] === "0")).toBe(true);
    }
  });

  for (const failure of ["fail", "hang", "refused"] as const) {
    it(`an MLflow endpoint that ${failure === "fail" ? "answers 500" : failure === "hang" ? "never answers" : "refuses connections"} never throws into the app nor blocks its calls`, async () => {
      const endpoint = await startMockMlflow(failure === "refused" ? "ok" : failure);
      const trackingUri = endpoint.url;
      if (failure === "refused") await endpoint.close();
      const errors: string[] = [];
      const record = (message: string, ...args: unknown[]) => errors.push([message, ...args.map(String)].join(" "));
      diag.setLogger({ error: record, warn: () => {}, info: () => {}, debug: () => {}, verbose: () => {} }, DiagLogLevel.ERROR);
      try {
        // Simple processors: an export starts as each span ends, on the app's own call path.
        const exporter = new MlflowExporter({ trackingUri, timeoutMillis: 1000 });
        const processor =
          sdk.label === "SDK 2.x" ? new MlflowSimpleSpanProcessor({ exporter }) : new MlflowSpanProcessor({ processor: sdk.simple(exporter) });
        const app = startApp(sdk, processor);
        const bound = new Promise<"blocked">((resolve) => setTimeout(() => resolve("blocked"), 15_000).unref());
        const calls = run(["openai/chat", "anthropic/messages", "ai/generate-text"]).then(() => "returned" as const);
        expect(await Promise.race([calls, bound])).toBe("returned");
        expect(app.memory.getFinishedSpans().filter(isLlm).length).toBeGreaterThanOrEqual(4);
        await expect(app.shutdown()).resolves.toBeUndefined();
        // The failure is reported through the OTel diag logger, not thrown.
        expect(errors.length).toBeGreaterThan(0);
        if (failure === "hang") expect(endpoint.requests).toHaveLength(0);
      } finally {
        diag.disable();
        if (failure !== "refused") await endpoint.close();
      }
    });
  }
});
