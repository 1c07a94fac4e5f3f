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
  scenarios: anthropicScenarios(client, {
    messages: [
      "system prompt in gen_ai.system_instructions",
      "input_tokens 21 excludes cache; gen_ai.usage.cache_creation.input_tokens / cache_read.input_tokens",
    ],
    "messages-tools": ["finish reason normalised to tool_call; no tool definitions recorded"],
    "messages-tool-result": ["tool_call_response.response is the raw string"],
    "messages-stream": ["no gen_ai.response.finish_reasons; output message has finish_reason \"\""],
    "messages-error": ["undici child span has error.type 400"],
  }),
  notes: [
    "OTel GenAI-style attributes (gen_ai.input.messages / gen_ai.output.messages JSON), not the older gen_ai.prompt.N form",
    "no gen_ai.response.id",
  ],
});

instrumentation.disable();
undici.disable();
