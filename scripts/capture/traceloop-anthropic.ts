/**
 * OpenLLMetry spans for `@anthropic-ai/sdk` (`@traceloop/instrumentation-anthropic`), with
 * `traceContent: true`, plus `@opentelemetry/instrumentation-undici` so the HTTP client span of
 * each request shows up under the LLM span. The SDK's native tracing is off.
 */
import { UndiciInstrumentation } from "@opentelemetry/instrumentation-undici";
import { AnthropicInstrumentation } from "@traceloop/instrumentation-anthropic";

import { packageVersion, runCapture, setupTelemetry } from "./harness.js";
import { anthropicScenarios } from "./scenarios.js";
import { anthropicClient, requireAnthropic } from "./sdk.js";

const telemetry = setupTelemetry("fixture-traceloop-anthropic");
const instrumentation = new AnthropicInstrumentation({ traceContent: true });
instrumentation.setTracerProvider(telemetry.tracerProvider);
const undici = new UndiciInstrumentation();
undici.setTracerProvider(telemetry.tracerProvider);
const client = anthropicClient(requireAnthropic());

await runCapture({
  telemetry,
  convention: "openllmetry",
  instrumentation: "traceloop-anthropic",
  instrumentationPackages: [
    packageVersion("@traceloop/instrumentation-anthropic"),
    packageVersion("@opentelemetry/instrumentation-undici"),
  ],
  sdkPackage: packageVersion("@anthropic-ai/sdk"),
  scenarios: anthropicScenarios(client),
});

instrumentation.disable();
undici.disable();
