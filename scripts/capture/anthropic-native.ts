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
  scenarios: anthropicScenarios(client, {
    messages: [
      "gen_ai.usage.input_tokens = 3093 includes cache; cache writes as gen_ai.usage.cache_write.input_tokens (not cache_creation)",
    ],
    "messages-tool-result": ["tool_call_response.response is a list of text blocks, not the raw string"],
    "messages-stream": [
      "no gen_ai.output.messages on the streamed span although content mode is on",
      "gen_ai.response.time_to_first_chunk is measured and varies between runs",
    ],
    "messages-error": ["error.type = invalid_request_error, http.response.status_code 400, no exception event"],
  }),
  notes: [
    "spans come from the SDK itself (scope com.anthropic.sdk.typescript, openTelemetry.traces.contentMode: content)",
    "CLIENT span with gen_ai.* plus http/url attributes; stop reason as anthropic.message.stop_reason, no gen_ai.response.finish_reasons",
  ],
});
