/**
 * OTel GenAI spans for the `openai` SDK (`@opentelemetry/instrumentation-openai`).
 *
 * Run twice by run.ts: with `--content` (message content captured; fixtures `otel-openai__*`)
 * and with `--no-content` (the default; fixtures `otel-openai-nocontent__*`). The option is set
 * through the `captureMessageContent` config; the equivalent environment variable
 * OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT is removed by run.ts so it cannot override it.
 *
 * This instrumentation puts prompts and completions in log records (GenAI events such as
 * `gen_ai.user.message`, `gen_ai.choice`), not in span attributes, so these captures also
 * record logs and write them beside the trace as `<name>.logs.json`.
 */
import { metrics } from "@opentelemetry/api";
import { OpenAIInstrumentation } from "@opentelemetry/instrumentation-openai";

import { packageVersion, runCapture, setupTelemetry } from "./harness.js";
import { openaiScenarios } from "./scenarios.js";
import { openaiClient, requireOpenAI } from "./sdk.js";

const withContent = process.argv.includes("--content");
const name = withContent ? "otel-openai" : "otel-openai-nocontent";

const telemetry = setupTelemetry(`fixture-${name}`);
const instrumentation = new OpenAIInstrumentation({ captureMessageContent: withContent });
instrumentation.setTracerProvider(telemetry.tracerProvider);
instrumentation.setLoggerProvider(telemetry.loggerProvider);
// Required, not cosmetic: in 0.21.0 the subclass's metric fields are class fields that are reset
// to undefined after the base constructor created them, so every call would throw inside the
// instrumentation until a meter provider is set again (registerInstrumentations() does this too).
// The global no-op meter provider is enough; metrics are not captured.
instrumentation.setMeterProvider(metrics.getMeterProvider());
const client = openaiClient(requireOpenAI());

await runCapture({
  telemetry,
  convention: "genai",
  instrumentation: name,
  instrumentationPackages: [packageVersion("@opentelemetry/instrumentation-openai")],
  sdkPackage: packageVersion("openai"),
  scenarios: openaiScenarios(client),
  notes: [withContent ? "captureMessageContent: true" : "captureMessageContent: false"],
});

instrumentation.disable();
