/**
 * OpenLIT (`openlit` npm) around the `openai` SDK, for issue 13 (docs/issue-13-fixtures.md).
 * OpenLIT writes GenAI-style keys; on embeddings its `gen_ai.input.messages` is the plain input
 * string, not the JSON message list the GenAI conventions define.
 *
 * Set-up: `openlit.init()` reuses the global tracer provider when it "looks like an SDK provider"
 * (has `addSpanProcessor`), and otherwise builds its own NodeTracerProvider with an OTLP or console
 * exporter. What it inspects is the API's ProxyTracerProvider, which never has that method, so a
 * no-op one is added to the proxy: openlit then registers its instrumentations against the proxy,
 * whose tracers come from the harness provider, and exports nothing itself. Passing the provider as `tracer` would not do: openlit then skips
 * instrumenting altogether. Metrics and events (log records through its own OTLP exporter) are
 * off; the http / undici instrumentations it would also load are disabled so the files hold only
 * its LLM spans.
 */
import { createRequire } from "node:module";

import { trace } from "@opentelemetry/api";

import { packageVersion, runCapture, type Scenario, setupTelemetry } from "./harness.js";
import { openaiScenarios } from "./scenarios.js";
import { openaiClient, requireOpenAI } from "./sdk.js";

const require = createRequire(import.meta.url);
const telemetry = setupTelemetry("fixture-openlit-openai");
// openlit inspects trace.getTracerProvider(), i.e. the API's proxy in front of our provider.
(trace.getTracerProvider() as unknown as { addSpanProcessor: () => void }).addSpanProcessor = () => {};

const openlit = (require("openlit") as { default: { init(options: Record<string, unknown>): void } }).default;
openlit.init({
  applicationName: "fixture-openlit-openai",
  environment: "fixture",
  captureMessageContent: true,
  disableMetrics: true,
  disableEvents: true,
  // An object, so openlit does not download its price list from the internet.
  pricingJson: { chat: {}, embeddings: {}, images: {}, audio: {} },
  disabledInstrumentors: ["http", "undici", "express", "fastify", "koa", "hapi", "nestjs-core"],
});
const client = openaiClient(requireOpenAI());

const scenarios: Scenario[] = [
  ...openaiScenarios(client, {
    embeddings: ["issue-13 class 'OpenLIT embeddings input': a list input is written as gen_ai.input.messages = JSON array of the raw strings, not GenAI messages"],
  }),
  {
    name: "embeddings-string",
    run: async () => {
      await client.embeddings.create({ model: "text-embedding-3-small", input: "The quick brown fox", dimensions: 8 });
    },
    notes: ["issue-13 class 'OpenLIT embeddings input': gen_ai.input.messages is the plain input string (\"The quick brown fox\"), not JSON"],
  },
];

await runCapture({
  telemetry,
  convention: "genai",
  instrumentation: "openlit-openai",
  instrumentationPackages: [packageVersion("openlit")],
  sdkPackage: packageVersion("openai"),
  scenarios,
  notes: [
    "openlit.init() with captureMessageContent, no metrics, no events, a local (empty) price list; reuses the harness tracer provider",
    "chat spans carry the scope @openlit/instrumentation-vllm (openlit's vLLM instrumentation also wraps the openai client and wins), embeddings spans @openlit/instrumentation-openai",
    "server.address is always api.openai.com and server.port 443 (written 50000 here: the harness rewrites every port that is not the mock's), whatever baseURL the client has",
    "extra keys: gen_ai.usage.cost, gen_ai.sdk.version, telemetry.sdk.name, deployment.environment, service.name, openlit.agent.version_hash on the span",
  ],
});
