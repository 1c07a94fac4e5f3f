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
  scenarios: openaiScenarios(client, {
    "chat-stream": [
      "no token counts although the stream ended with a usage chunk",
      "llm.model_name is the request model (gpt-4o-mini), not the response model",
    ],
    "chat-error": [
      "4.2.7 ends its span only on success: the rejected SDK promise has no handler, so the LLM span is never ended or exported; only the undici span (status ERROR) exists",
    ],
    embeddings: [
      "no token counts",
      "vectors recorded as double arrays with float32 noise (the SDK requests base64 and decodes it)",
    ],
  }),
  notes: [
    "LLM span kind INTERNAL; undici CLIENT span is its child",
    "no llm.provider: it is inferred from the base URL host, and 127.0.0.1 is unknown",
  ],
});

instrumentation.disable();
undici.disable();
