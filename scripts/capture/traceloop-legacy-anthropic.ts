/**
 * OpenLLMetry spans in the older, indexed attribute style (`gen_ai.prompt.0.role`,
 * `gen_ai.completion.0.content`, ...), from `@traceloop/instrumentation-anthropic@0.22.6`, the
 * last release line before the package moved to `gen_ai.input.messages` JSON. Installed under the
 * npm alias `traceloop-instrumentation-anthropic-0.22`; it patches `@anthropic-ai/sdk` through its
 * require hook (declared range >=0.9.1). The SDK's native tracing is off.
 */
import { AnthropicInstrumentation } from "traceloop-instrumentation-anthropic-0.22";

import { packageVersion, runCapture, setupTelemetry } from "./harness.js";
import { anthropicScenarios } from "./scenarios.js";
import { anthropicClient, requireAnthropic } from "./sdk.js";

const telemetry = setupTelemetry("fixture-traceloop-legacy-anthropic");
const instrumentation = new AnthropicInstrumentation({ traceContent: true });
instrumentation.setTracerProvider(telemetry.tracerProvider);
const client = anthropicClient(requireAnthropic());

await runCapture({
  telemetry,
  convention: "openllmetry",
  instrumentation: "traceloop-legacy-anthropic",
  instrumentationPackages: [packageVersion("traceloop-instrumentation-anthropic-0.22")],
  sdkPackage: packageVersion("@anthropic-ai/sdk"),
  scenarios: anthropicScenarios(client, {
    messages: ["system prompt as gen_ai.prompt.0 with role system; cache token counts not recorded"],
    "messages-tools": ["no tool definitions recorded"],
    "messages-tool-result": ["tool_use / tool_result blocks appear only inside the JSON content strings"],
    "messages-stream": ["no finish_reason"],
  }),
  notes: [
    "gen_ai.system = Anthropic; completion content is the JSON of the Anthropic content blocks",
  ],
});

instrumentation.disable();
