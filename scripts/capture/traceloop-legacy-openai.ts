/**
 * OpenLLMetry spans in the older, indexed attribute style (`gen_ai.prompt.0.role`,
 * `gen_ai.completion.0.content`, `llm.usage.total_tokens`, ...), from
 * `@traceloop/instrumentation-openai@0.22.5`, the last release line before the package moved to
 * `gen_ai.input.messages`/`gen_ai.output.messages` JSON. Installed under the npm alias
 * `traceloop-instrumentation-openai-0.22` so it can sit beside the current version.
 *
 * Caveat: 0.22.5 declares support for `openai` >=4 <6, but every openai 4.x/5.x release declares
 * an (optional) peer of zod 3, which cannot be installed next to this project's zod 4. So this
 * capture uses openai 6 and patches it with the instrumentation's `manuallyInstrument`, which
 * skips the version check; the chat-completions surface it wraps is unchanged in v6. The fixtures
 * show the attribute format, which is what matters here.
 */
import { OpenAIInstrumentation } from "traceloop-instrumentation-openai-0.22";

import { packageVersion, runCapture, setupTelemetry } from "./harness.js";
import { openaiScenarios } from "./scenarios.js";
import { openaiClient, requireOpenAI } from "./sdk.js";

const telemetry = setupTelemetry("fixture-traceloop-legacy-openai");
const instrumentation = new OpenAIInstrumentation({ traceContent: true, enrichTokens: false });
instrumentation.setTracerProvider(telemetry.tracerProvider);
const sdk = requireOpenAI();
instrumentation.manuallyInstrument(sdk.OpenAI);
const client = openaiClient(sdk);

await runCapture({
  telemetry,
  convention: "openllmetry",
  instrumentation: "traceloop-legacy-openai",
  instrumentationPackages: [packageVersion("traceloop-instrumentation-openai-0.22")],
  sdkPackage: packageVersion("openai"),
  scenarios: openaiScenarios(client, {
    "chat-tools": ["tool call as gen_ai.completion.0.tool_calls.0.name/arguments, without its id; content \"\""],
    "chat-tool-result": [
      "assistant tool-call turn recorded as content \"null\" (tool calls dropped); tool message without tool_call_id",
    ],
    "chat-stream": ["no token counts although the stream ended with a usage chunk"],
    "chat-error": ["a rejected non-streaming call never ends the span, so nothing is exported"],
    embeddings: ["not instrumented: 0.22.5 wraps chat, completions and images only"],
  }),
  notes: [
    "openai 6 is outside the declared >=4 <6 range; patched with manuallyInstrument",
    "gen_ai.system = OpenAI; gen_ai.usage.prompt_tokens / completion_tokens + llm.usage.total_tokens; tools as llm.request.functions.N.*",
  ],
});

instrumentation.disable();
