/**
 * Plain HTTP spans with no LLM convention at all, for `fixtures/none/http__requests.otlp.json`.
 *
 * `@opentelemetry/instrumentation-undici` traces the client side (Node's global `fetch`) and
 * `@opentelemetry/instrumentation-http` the server side: this process starts its own instance of
 * the mock provider after the `http` module has been patched, so each request yields a CLIENT span
 * and a SERVER span in the same trace. Three requests: a model list (200), a raw chat completion
 * POST made without any LLM instrumentation (200), and an unknown path (404).
 */
import { createRequire } from "node:module";

import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { UndiciInstrumentation } from "@opentelemetry/instrumentation-undici";

import { packageVersion, runCapture, setupTelemetry } from "./harness.js";
import { startMockProvider } from "./mock-provider.js";

const telemetry = setupTelemetry("fixture-http");
const httpInstrumentation = new HttpInstrumentation();
httpInstrumentation.setTracerProvider(telemetry.tracerProvider);
const undici = new UndiciInstrumentation();
undici.setTracerProvider(telemetry.tracerProvider);
// The http instrumentation patches from a require hook; requiring the module fires it. The mock
// server below uses the same `http` exports object, so its incoming requests are traced.
createRequire(import.meta.url)("node:http");

const server = await startMockProvider();
// The harness normalises the mock's port; point it at this in-process server.
process.env["MOCK_PROVIDER_URL"] = server.origin;

async function fetchOk(path: string, init?: RequestInit): Promise<void> {
  const response = await fetch(`${server.origin}${path}`, init);
  await response.arrayBuffer();
}

await runCapture({
  telemetry,
  convention: "none",
  instrumentation: "http",
  instrumentationPackages: [
    packageVersion("@opentelemetry/instrumentation-undici"),
    packageVersion("@opentelemetry/instrumentation-http"),
  ],
  sdkPackage: "(global fetch)",
  requireLlmSpans: false,
  scenarios: [
    {
      name: "requests",
      run: async () => {
        await fetchOk("/v1/models");
        await fetchOk("/v1/chat/completions", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            model: "gpt-4o-mini",
            messages: [{ role: "user", content: "What is the capital of France?" }],
          }),
        });
        await fetchOk("/v1/does-not-exist");
      },
      notes: [
        "3 traces, each a CLIENT span (undici) with a SERVER child (instrumentation-http); both use the stable HTTP semconv",
        "the 404 is ERROR on the client span, UNSET on the server span; span names are the bare HTTP method",
      ],
    },
  ],
});

await server.close();
httpInstrumentation.disable();
undici.disable();
