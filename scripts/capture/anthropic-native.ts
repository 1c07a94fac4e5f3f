/**
 * The Anthropic SDK's own OpenTelemetry tracing (built into `@anthropic-ai/sdk` since 0.134; on
 * by default whenever a global tracer provider is registered). No instrumentation package is
 * involved: the SDK itself emits GenAI-convention spans. Content mode is `content`, so message
 * text is recorded too.
 */
import { packageVersion, runCapture, setupTelemetry } from "./harness.js";
import { anthropicScenarios } from "./scenarios.js";
import { anthropicClient, requireAnthropic } from "./sdk.js";

const telemetry = setupTelemetry("fixture-anthropic-native");
const client = anthropicClient(requireAnthropic(), { nativeTracing: "content" });

await runCapture({
  telemetry,
  convention: "genai",
  instrumentation: "anthropic-native",
  instrumentationPackages: [packageVersion("@anthropic-ai/sdk")],
  sdkPackage: packageVersion("@anthropic-ai/sdk"),
  scenarios: anthropicScenarios(client),
  notes: ["spans come from the SDK itself (openTelemetry.traces.contentMode: content)"],
});
