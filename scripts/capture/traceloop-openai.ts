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
  scenarios: openaiScenarios(client, {
    "chat-tools": ["finish reason normalised to tool_call (OpenAI said tool_calls)"],
    "chat-stream": ["no token counts although the stream ended with a usage chunk"],
    "chat-error": [
      "0.27.0 ends a non-streaming chat span only on success (the promise wrapper has no rejection path), so nothing is exported",
    ],
    embeddings: ["not instrumented: 0.27.0 wraps chat, completions, responses and images only"],
  }),
  notes: [
    "OTel GenAI-style attributes (gen_ai.input.messages / gen_ai.output.messages JSON, gen_ai.provider.name), not the older gen_ai.prompt.N form",
    "adds gen_ai.usage.total_tokens; no cached/reasoning token details",
  ],
});

instrumentation.disable();
