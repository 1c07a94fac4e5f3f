/**
 * OpenInference spans for the `openai` SDK (`@arizeai/openinference-instrumentation-openai`),
 * with `@opentelemetry/instrumentation-undici` enabled as well, so these fixtures also show the
 * plain HTTP client span of each request nested under the LLM span.
 */
import { OpenAIInstrumentation } from "@arizeai/openinference-instrumentation-openai";
import { UndiciInstrumentation } from "@opentelemetry/instrumentation-undici";

import { packageVersion, runCapture, setupTelemetry } from "./harness.js";
import { openaiScenarios } from "./scenarios.js";
import { openaiClient, requireOpenAI } from "./sdk.js";

const telemetry = setupTelemetry("fixture-openinference-openai");

const instrumentation = new OpenAIInstrumentation({ tracerProvider: telemetry.tracerProvider });
const undici = new UndiciInstrumentation();
undici.setTracerProvider(telemetry.tracerProvider);

const client = openaiClient(requireOpenAI());

await runCapture({
  telemetry,
  convention: "openinference",
  instrumentation: "openinference-openai",
  instrumentationPackages: [
    packageVersion("@arizeai/openinference-instrumentation-openai"),
    packageVersion("@opentelemetry/instrumentation-undici"),
  ],
  sdkPackage: packageVersion("openai"),
  scenarios: openaiScenarios(client),
});

instrumentation.disable();
undici.disable();
