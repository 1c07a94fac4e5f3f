/**
 * OpenLLMetry spans for the `openai` SDK (`@traceloop/instrumentation-openai`), used on its own
 * rather than through the Traceloop SDK. Prompt/completion content is switched on explicitly
 * (`traceContent: true`); token enrichment (local tokenizer estimates) stays off so that the
 * token counts in the fixtures are the ones the provider reported.
 */
import { OpenAIInstrumentation } from "@traceloop/instrumentation-openai";

import { packageVersion, runCapture, setupTelemetry } from "./harness.js";
import { openaiScenarios } from "./scenarios.js";
import { openaiClient, requireOpenAI } from "./sdk.js";

const telemetry = setupTelemetry("fixture-traceloop-openai");
const instrumentation = new OpenAIInstrumentation({ traceContent: true, enrichTokens: false });
instrumentation.setTracerProvider(telemetry.tracerProvider);
const client = openaiClient(requireOpenAI());

await runCapture({
  telemetry,
  convention: "openllmetry",
  instrumentation: "traceloop-openai",
  instrumentationPackages: [packageVersion("@traceloop/instrumentation-openai")],
  sdkPackage: packageVersion("openai"),
  scenarios: openaiScenarios(client),
});

instrumentation.disable();
