/**
 * More `@traceloop/instrumentation-anthropic` captures, for issue 13 (docs/issue-13-fixtures.md):
 *
 * - `cache-uncached-larger`: a reply whose uncached input (5000) is larger than its cache counts
 *   (2000 read, 500 written). 0.27 writes Anthropic's raw, cache-exclusive `input_tokens` as
 *   `gen_ai.usage.input_tokens`, so the "add the cache only when it exceeds the input" rule
 *   keeps 5000 where the true input is 7500.
 * - `stream-tools`: a streamed call that ends in a tool_use block, whose arguments arrive as
 *   `input_json_delta` fragments.
 *
 * Same set-up as traceloop-anthropic.ts (traceContent on, the SDK's native tracing off).
 */
import { AnthropicInstrumentation } from "@traceloop/instrumentation-anthropic";

import { packageVersion, runCapture, setupTelemetry } from "./harness.js";
import { LARGE_UNCACHED_PROMPT } from "./mock/anthropic-extra.js";
import { anthropicClient, requireAnthropic } from "./sdk.js";

const telemetry = setupTelemetry("fixture-traceloop-anthropic-more");
const instrumentation = new AnthropicInstrumentation({ traceContent: true });
instrumentation.setTracerProvider(telemetry.tracerProvider);
const client = anthropicClient(requireAnthropic());

const MODEL = "claude-haiku-4-5";
const WEATHER_TOOL = {
  name: "get_weather",
  description: "Get the current weather for a city.",
  input_schema: {
    type: "object" as const,
    properties: {
      city: { type: "string", description: "City name, e.g. Paris" },
      unit: { type: "string", enum: ["celsius", "fahrenheit"] },
    },
    required: ["city"],
  },
};

await runCapture({
  telemetry,
  convention: "openllmetry",
  instrumentation: "traceloop-anthropic-more",
  instrumentationPackages: [packageVersion("@traceloop/instrumentation-anthropic")],
  sdkPackage: packageVersion("@anthropic-ai/sdk"),
  scenarios: [
    {
      name: "cache-uncached-larger",
      run: async () => {
        await client.messages.create({
          model: MODEL,
          max_tokens: 256,
          system: [{ type: "text", text: "You are a concise assistant.", cache_control: { type: "ephemeral" } }],
          messages: [{ role: "user", content: LARGE_UNCACHED_PROMPT }],
        });
      },
      notes: [
        "issue-13 class 'cache tokens': gen_ai.usage.input_tokens 5000 excludes the cache (2000 read + 500 written); the true input is 7500, and the cache alone (2500) is below the uncached count; gen_ai.usage.total_tokens 5015 = input + output, without the cache",
      ],
    },
    {
      name: "stream-tools",
      run: async () => {
        const stream = await client.messages.create({
          model: MODEL,
          max_tokens: 256,
          stream: true,
          tools: [WEATHER_TOOL],
          messages: [{ role: "user", content: "What's the weather like in Paris today?" }],
        });
        for await (const event of stream) void event;
      },
      notes: [
        "issue-13 class 'streamed tool-call arguments': the tool_use arguments arrive as input_json_delta fragments and 0.27 records the tool_call part with arguments {} (the fragments are not joined); finish_reason \"\", no gen_ai.response.finish_reasons",
      ],
    },
  ],
  notes: ["@traceloop/instrumentation-anthropic with traceContent; scenarios for issue 13 only"],
});

instrumentation.disable();
