/**
 * `@arizeai/openinference-vercel`: OpenInference's span processor, which rewrites the AI SDK's own
 * `ai.*` spans into OpenInference attributes when they end (keeping the `ai.*` keys too), for
 * issue 13 (docs/issue-13-fixtures.md). Version 2.8.1 is the last for `ai` 5 / 6 spans (3.x
 * requires ai 7 and @ai-sdk/otel); it runs here over the root `ai` 6 with `@ai-sdk/openai` and
 * `@ai-sdk/anthropic`, recordInputs / recordOutputs on.
 *
 * The processor sits in front of the harness's in-memory exporter (setupTelemetry's
 * `spanProcessor` option); what the files hold is what it hands to its exporter.
 */
import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import { OpenInferenceSimpleSpanProcessor } from "@arizeai/openinference-vercel";
import { embed, generateText, stepCountIs, streamText, tool } from "ai";
import { z } from "zod";

import { mockOrigin, packageVersion, runCapture, type Scenario, setupTelemetry } from "./harness.js";

const telemetry = setupTelemetry("fixture-openinference-vercel", {
  spanProcessor: (exporter) => new OpenInferenceSimpleSpanProcessor({ exporter }),
});

const TELEMETRY = { isEnabled: true, recordInputs: true, recordOutputs: true } as const;
const openai = createOpenAI({ apiKey: "sk-fixture-not-a-real-key", baseURL: `${mockOrigin()}/v1` });
const anthropic = createAnthropic({ apiKey: "sk-ant-fixture-not-a-real-key", baseURL: `${mockOrigin()}/v1` });
const weather = tool({
  description: "Get the current weather for a city.",
  inputSchema: z.object({ city: z.string().describe("City name, e.g. Paris"), unit: z.enum(["celsius", "fahrenheit"]).optional() }),
  execute: async ({ city }) => ({ city, temperature: 18, condition: "sunny" }),
});

const scenarios: Scenario[] = [
  {
    name: "generate-text",
    run: async () => {
      await generateText({
        model: openai.chat("gpt-4o-mini"),
        system: "You are a concise assistant. Answer in one sentence.",
        prompt: "What is the capital of France?",
        temperature: 0.2,
        maxRetries: 0,
        experimental_telemetry: { ...TELEMETRY, functionId: "capital-question", metadata: { sessionId: "session-fixture-1", userId: "user-fixture-1" } },
      });
    },
  },
  {
    name: "generate-text-tools",
    run: async () => {
      await generateText({
        model: openai.chat("gpt-4o-mini"),
        prompt: "What's the weather like in Paris today?",
        tools: { get_weather: weather },
        stopWhen: stepCountIs(2),
        maxRetries: 0,
        experimental_telemetry: TELEMETRY,
      });
    },
  },
  {
    name: "stream-text",
    run: async () => {
      const result = streamText({ model: openai.chat("gpt-4o-mini"), prompt: "Count from 1 to 5.", maxRetries: 0, experimental_telemetry: TELEMETRY });
      for await (const piece of result.textStream) void piece;
    },
  },
  {
    name: "anthropic-generate-text",
    run: async () => {
      await generateText({
        model: anthropic("claude-haiku-4-5"),
        system: "You are a concise assistant. Answer in one sentence.",
        prompt: "What is the capital of France?",
        maxRetries: 0,
        experimental_telemetry: TELEMETRY,
      });
    },
    notes: [
      "issue-13 class 'provider vocabulary': the processor writes no llm.provider / llm.system; the provider is only in gen_ai.system anthropic.messages and ai.model.provider",
      "llm.token_count.prompt 3093 includes the cache (ai 6), but no llm.token_count.prompt_details.* are written",
      "unset message fields (image, tool_calls.0.*) are exported as empty AnyValues ({}), not left out",
    ],
  },
  {
    name: "embed",
    run: async () => {
      await embed({
        model: openai.embedding("text-embedding-3-small"),
        value: "The quick brown fox",
        providerOptions: { openai: { dimensions: 8 } },
        maxRetries: 0,
        experimental_telemetry: TELEMETRY,
      });
    },
  },
];

await runCapture({
  telemetry,
  convention: "openinference",
  instrumentation: "openinference-vercel",
  instrumentationPackages: [packageVersion("@arizeai/openinference-vercel"), packageVersion("ai")],
  sdkPackage: `${packageVersion("@ai-sdk/openai")}, ${packageVersion("@ai-sdk/anthropic")}`,
  scenarios,
  notes: ["OpenInferenceSimpleSpanProcessor over the AI SDK 6 ai.* spans: OpenInference keys added, ai.* keys kept"],
});
