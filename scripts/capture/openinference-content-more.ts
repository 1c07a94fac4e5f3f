/**
 * OpenInference captures for issue 13 (docs/issue-13-fixtures.md) where facts sit only in the
 * raw JSON of `input.value`:
 *
 * - `--langchain`: `@arizeai/openinference-instrumentation-langchain` around ChatOpenAI, invoked
 *   with a conversation whose earlier turns hold an assistant tool call, its tool result and an
 *   image part. `input.value` keeps the serialised LangChain messages (tool_calls with ids, the
 *   image_url part); the flattened `llm.input_messages.*` drop some of it. Fixtures
 *   `openinference-langchain-more__*`. Same manual instrumentation as openinference-langchain.ts.
 * - `--anthropic`: `@arizeai/openinference-instrumentation-anthropic` with a base64 image block in
 *   the user message. Fixtures `openinference-anthropic-more__*`.
 */
import { createRequire } from "node:module";

import { AnthropicInstrumentation } from "@arizeai/openinference-instrumentation-anthropic";
import { LangChainInstrumentation } from "@arizeai/openinference-instrumentation-langchain";

import { mockOrigin, packageVersion, runCapture, setupTelemetry } from "./harness.js";
import { requireCallbackManagerModule } from "./langchain.js";
import { anthropicClient, requireAnthropic } from "./sdk.js";

const require = createRequire(import.meta.url);
const useAnthropic = process.argv.includes("--anthropic");
/** A 1x1 PNG. */
const PNG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
const RAW = "issue-13 class 'raw request fallback'";

if (useAnthropic) {
  const telemetry = setupTelemetry("fixture-openinference-anthropic-more");
  const instrumentation = new AnthropicInstrumentation({ tracerProvider: telemetry.tracerProvider });
  const client = anthropicClient(requireAnthropic());
  await runCapture({
    telemetry,
    convention: "openinference",
    instrumentation: "openinference-anthropic-more",
    instrumentationPackages: [packageVersion("@arizeai/openinference-instrumentation-anthropic")],
    sdkPackage: packageVersion("@anthropic-ai/sdk"),
    scenarios: [
      {
        name: "messages-image",
        run: async () => {
          await client.messages.create({
            model: "claude-haiku-4-5",
            max_tokens: 256,
            messages: [
              {
                role: "user",
                content: [
                  { type: "image", source: { type: "base64", media_type: "image/png", data: PNG_BASE64 } },
                  { type: "text", text: "What is in this picture?" },
                ],
              },
            ],
          });
        },
        notes: [
          `${RAW}: the image keeps only message_content.image.type base64 and .image.media_type image/png in llm.input_messages.0.contents.0; the image data (no message_content.image.image.url) is only in input.value`,
        ],
      },
    ],
    notes: ["@arizeai/openinference-instrumentation-anthropic, issue-13 scenarios only"],
  });
  instrumentation.disable();
} else {
  const telemetry = setupTelemetry("fixture-openinference-langchain-more");
  const instrumentation = new LangChainInstrumentation({ tracerProvider: telemetry.tracerProvider });
  instrumentation.manuallyInstrument(requireCallbackManagerModule());
  const { AIMessage, HumanMessage, SystemMessage, ToolMessage } = require("@langchain/core/messages") as typeof import("@langchain/core/messages");
  const { ChatOpenAI } = require("@langchain/openai") as typeof import("@langchain/openai");
  const model = new ChatOpenAI({
    model: "gpt-4o-mini",
    apiKey: "sk-fixture-not-a-real-key",
    configuration: { baseURL: `${mockOrigin()}/v1` },
    maxRetries: 0,
    timeout: 10_000,
  });
  await runCapture({
    telemetry,
    convention: "openinference",
    instrumentation: "openinference-langchain-more",
    instrumentationPackages: [packageVersion("@arizeai/openinference-instrumentation-langchain"), packageVersion("@langchain/core")],
    sdkPackage: packageVersion("@langchain/openai"),
    scenarios: [
      {
        name: "history-tools-image",
        run: async () => {
          await model.invoke([
            new SystemMessage("You are a concise assistant. Answer in one sentence."),
            new HumanMessage({
              content: [
                { type: "text", text: "What's the weather like where this photo was taken?" },
                { type: "image_url", image_url: { url: `data:image/png;base64,${PNG_BASE64}` } },
              ],
            }),
            new AIMessage({
              content: "",
              tool_calls: [{ id: "call_fixture_0001", name: "get_weather", args: { city: "Paris", unit: "celsius" }, type: "tool_call" }],
            }),
            new ToolMessage({ content: '{"city":"Paris","temperature":18,"condition":"sunny"}', tool_call_id: "call_fixture_0001" }),
            new AIMessage("It is currently 18 °C and sunny in Paris."),
            new HumanMessage("Thanks! And what is the capital of France?"),
          ]);
        },
        notes: [
          `${RAW}: input.value holds the serialised LangChain messages; the flattened keys lose the whole first user turn's content (llm.input_messages.1 has a role only: no text, no image part), the earlier assistant tool call (llm.input_messages.2: content "" and no tool_calls) and the tool turn's tool_call_id (llm.input_messages.3)`,
        ],
      },
    ],
    notes: ["manuallyInstrument(CallbackManagerModule) as in openinference-langchain.ts; ChatOpenAI invoked directly with a message list"],
  });
  instrumentation.disable();
}
