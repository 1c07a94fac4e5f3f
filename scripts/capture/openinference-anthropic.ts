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
  scenarios: anthropicScenarios(client, {
    messages: [
      "system prompt only inside input.value / llm.invocation_parameters, not in llm.input_messages",
      "llm.token_count.prompt = 3093 = input 21 + cache read 2048 + cache write 1024; prompt_details.cache_read / cache_write",
    ],
    "messages-tools": ["tool call recorded twice: message.tool_calls.0.* and message.contents.1.tool_call.*"],
    "messages-tool-result": ["tool_result turn recorded as role user with message.tool_call_id"],
    "messages-stream": ["token counts present; output.value is plain text"],
  }),
  notes: ["span kind INTERNAL; llm.model_name is the response model, llm.request.model_name the requested one"],
});

instrumentation.disable();
