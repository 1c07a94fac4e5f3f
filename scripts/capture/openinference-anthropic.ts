/**
 * OpenInference spans for `@anthropic-ai/sdk` (`@arizeai/openinference-instrumentation-anthropic`).
 * The SDK's own native tracing is switched off so that only the instrumentation's spans appear.
 */
import { AnthropicInstrumentation } from "@arizeai/openinference-instrumentation-anthropic";

import { packageVersion, runCapture, setupTelemetry } from "./harness.js";
import { anthropicScenarios } from "./scenarios.js";
import { anthropicClient, requireAnthropic } from "./sdk.js";

const telemetry = setupTelemetry("fixture-openinference-anthropic");
const instrumentation = new AnthropicInstrumentation({ tracerProvider: telemetry.tracerProvider });
const client = anthropicClient(requireAnthropic());

await runCapture({
  telemetry,
  convention: "openinference",
  instrumentation: "openinference-anthropic",
  instrumentationPackages: [packageVersion("@arizeai/openinference-instrumentation-anthropic")],
  sdkPackage: packageVersion("@anthropic-ai/sdk"),
  scenarios: anthropicScenarios(client),
});

instrumentation.disable();
