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
// to undefined after the base constructor created them; without a second setMeterProvider() the
// streaming scenario dies with "Cannot read properties of undefined (reading 'record')" inside the
// instrumentation (registerInstrumentations() makes this call too, which hides the bug there).
// The global no-op meter provider is enough; metrics are not captured.
instrumentation.setMeterProvider(metrics.getMeterProvider());
const client = openaiClient(requireOpenAI());

await runCapture({
  telemetry,
  convention: "genai",
  instrumentation: name,
  instrumentationPackages: [packageVersion("@opentelemetry/instrumentation-openai")],
  sdkPackage: packageVersion("openai"),
  scenarios: openaiScenarios(client, {
    chat: ["cached (16) and reasoning (4) token details not recorded"],
    "chat-error": ["error.type = BadRequestError, status message = SDK error message, no exception event"],
    embeddings: ["no log records; input texts and vectors not recorded"],
  }),
  notes: withContent
    ? [
        "content only in log records (body: content / tool_calls / message), never in span attributes",
        "event name in the event.name attribute, OTLP eventName field unset; uses gen_ai.system, not gen_ai.provider.name",
        "CLIENT span named '<operation> <request model>' with server.address/port; tokens as gen_ai.usage.input_tokens / output_tokens",
        "0.21.0 must get setMeterProvider() after construction (done here), else iterating a stream with include_usage throws a TypeError from the instrumentation: its metric fields are reset by class-field initialisation",
      ]
    : [
        "captureMessageContent off: same log records, bodies without content (tool call ids/names and finish_reason kept)",
      ],
});

instrumentation.disable();
