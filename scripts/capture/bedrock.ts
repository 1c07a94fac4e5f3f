/**
 * Amazon Bedrock (`@aws-sdk/client-bedrock-runtime`) through three instrumentations, for issue 13
 * (docs/issue-13-fixtures.md), one per process (run.ts passes the flag):
 *
 * - `--openinference`: `@arizeai/openinference-instrumentation-bedrock` (openinference/,
 *   fixtures `openinference-bedrock__*`)
 * - `--traceloop`: `@traceloop/instrumentation-bedrock` with traceContent (openllmetry/,
 *   fixtures `traceloop-bedrock__*`)
 * - `--aws-sdk`: `@opentelemetry/instrumentation-aws-sdk`, whose Bedrock extension writes GenAI
 *   keys (genai/, fixtures `otel-aws-sdk-bedrock__*`)
 *
 * The client talks to the mock (scripts/capture/mock/bedrock.ts) through its `endpoint` option,
 * with dummy static credentials and one attempt. InvokeModel is called with the Anthropic, Nova
 * and Llama body formats, each with a system prompt; Converse with a system prompt and cache
 * counts, a tool call, its tool result, and an error.
 */
import { createRequire } from "node:module";

import type * as BedrockRuntime from "@aws-sdk/client-bedrock-runtime";

import { type Convention, mockOrigin, packageVersion, runCapture, type Scenario, setupTelemetry } from "./harness.js";

const require = createRequire(import.meta.url);
const which = process.argv.includes("--openinference") ? "openinference" : process.argv.includes("--traceloop") ? "traceloop" : "aws-sdk";
const name = which === "openinference" ? "openinference-bedrock" : which === "traceloop" ? "traceloop-bedrock" : "otel-aws-sdk-bedrock";
const telemetry = setupTelemetry(`fixture-${name}`);

let convention: Convention;
let instrumentationPackage: string;
let instrumentation: { disable(): void };
if (which === "openinference") {
  const { BedrockInstrumentation } = require("@arizeai/openinference-instrumentation-bedrock") as typeof import("@arizeai/openinference-instrumentation-bedrock");
  const inst = new BedrockInstrumentation({ tracerProvider: telemetry.tracerProvider });
  inst.setTracerProvider(telemetry.tracerProvider);
  instrumentation = inst;
  convention = "openinference";
  instrumentationPackage = packageVersion("@arizeai/openinference-instrumentation-bedrock");
} else if (which === "traceloop") {
  const { BedrockInstrumentation } = require("@traceloop/instrumentation-bedrock") as typeof import("@traceloop/instrumentation-bedrock");
  const inst = new BedrockInstrumentation({ traceContent: true });
  inst.setTracerProvider(telemetry.tracerProvider);
  instrumentation = inst;
  convention = "openllmetry";
  instrumentationPackage = packageVersion("@traceloop/instrumentation-bedrock");
} else {
  const { AwsInstrumentation } = require("@opentelemetry/instrumentation-aws-sdk") as typeof import("@opentelemetry/instrumentation-aws-sdk");
  const inst = new AwsInstrumentation({ suppressInternalInstrumentation: true });
  inst.setTracerProvider(telemetry.tracerProvider);
  instrumentation = inst;
  convention = "genai";
  instrumentationPackage = packageVersion("@opentelemetry/instrumentation-aws-sdk");
}

const sdk = require("@aws-sdk/client-bedrock-runtime") as typeof BedrockRuntime;
// The client defaults to HTTP/2 (for bidirectional streams); the mock speaks HTTP/1.1. The
// HTTP/1.1 handler is the one every other AWS client uses (a dependency of the client package).
const { NodeHttpHandler } = require("@smithy/node-http-handler") as { NodeHttpHandler: new () => unknown };
const client = new sdk.BedrockRuntimeClient({
  requestHandler: new NodeHttpHandler() as never,
  region: "us-east-1",
  endpoint: mockOrigin(),
  credentials: { accessKeyId: "AKIAFIXTURENOTREAL000", secretAccessKey: "fixture-secret-not-real" },
  maxAttempts: 1,
});

const SYSTEM_PROMPT = "You are a concise assistant. Answer in one sentence.";
const QUESTION = "What is the capital of France?";
const RAW = "issue-13 class 'raw request/response fallback'";
const CACHE = "issue-13 class 'cache tokens'";

/** Notes differ per instrumentation: what each kept was read off the captured files. */
function notesFor(byInstrumentation: Partial<Record<typeof which, string[]>>): string[] {
  return byInstrumentation[which] ?? [];
}

async function invoke(modelId: string, body: unknown): Promise<void> {
  await client.send(
    new sdk.InvokeModelCommand({ modelId, contentType: "application/json", accept: "application/json", body: JSON.stringify(body) }),
  );
}

const WEATHER_TOOL = {
  toolSpec: {
    name: "get_weather",
    description: "Get the current weather for a city.",
    inputSchema: {
      json: {
        type: "object",
        properties: { city: { type: "string", description: "City name, e.g. Paris" }, unit: { type: "string", enum: ["celsius", "fahrenheit"] } },
        required: ["city"],
      },
    },
  },
};

const scenarios: Scenario[] = [
  {
    name: "invoke-anthropic",
    run: () =>
      invoke("anthropic.claude-3-5-haiku-20241022-v1:0", {
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 256,
        temperature: 0.2,
        system: SYSTEM_PROMPT,
        messages: [{ role: "user", content: [{ type: "text", text: QUESTION }] }],
      }),
    notes: notesFor({
      openinference: [
        `${RAW}: the system prompt is only in input.value (llm.input_messages holds the user turn alone)`,
        "cache read 1024 as llm.token_count.prompt_details.cache_read beside llm.token_count.prompt 21 (Anthropic's cache-exclusive count); llm.provider aws",
      ],
      traceloop: ["system prompt kept as gen_ai.system_instructions; cache_read_input_tokens 1024 not recorded (input 21, total 32)"],
      "aws-sdk": ["no content keys at all; cache_read_input_tokens 1024 not recorded; gen_ai.system aws.bedrock, no gen_ai.operation.name on InvokeModel"],
    }),
  },
  {
    name: "invoke-nova",
    run: () =>
      invoke("amazon.nova-lite-v1:0", {
        schemaVersion: "messages-v1",
        system: [{ text: SYSTEM_PROMPT }],
        messages: [{ role: "user", content: [{ text: QUESTION }] }],
        inferenceConfig: { maxTokens: 256, temperature: 0.2 },
      }),
    notes: notesFor({
      openinference: [`${RAW}: the Nova system block is only in input.value`],
      traceloop: ["the Nova system block is not recorded anywhere (no raw request key)"],
    }),
  },
  {
    name: "invoke-llama",
    run: () =>
      invoke("meta.llama3-8b-instruct-v1:0", {
        prompt: `<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\n${SYSTEM_PROMPT}<|eot_id|><|start_header_id|>user<|end_header_id|>\n\n${QUESTION}<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n`,
        max_gen_len: 256,
        temperature: 0.2,
      }),
    notes: notesFor({
      openinference: [`${RAW}: the system prompt is inside the Llama chat template, recorded as one user message`],
      traceloop: ["text_completion; the templated prompt (with its system part) as one user message"],
    }),
  },
  {
    name: "converse",
    run: async () => {
      await client.send(
        new sdk.ConverseCommand({
          modelId: "anthropic.claude-3-5-haiku-20241022-v1:0",
          system: [{ text: SYSTEM_PROMPT }],
          messages: [{ role: "user", content: [{ text: QUESTION }] }],
          inferenceConfig: { maxTokens: 256, temperature: 0.2 },
        }),
      );
    },
    notes: [
      `${CACHE}: Converse usage inputTokens 21 excludes cacheReadInputTokens 2048 and cacheWriteInputTokens 512; totalTokens 2592 includes them`,
      ...notesFor({
        openinference: [`${RAW}: cache read / write counts only in output.value; llm.token_count.prompt 21, total 2592`],
        traceloop: ["0.27 does not trace Converse: span bedrock.completion with provider and model only"],
        "aws-sdk": ["gen_ai.usage.input_tokens 21, no cache keys: the 2560 cached tokens are lost"],
      }),
    ],
  },
  {
    name: "converse-tools",
    run: async () => {
      await client.send(
        new sdk.ConverseCommand({
          modelId: "anthropic.claude-3-5-haiku-20241022-v1:0",
          messages: [{ role: "user", content: [{ text: "What's the weather like in Paris today?" }] }],
          toolConfig: { tools: [WEATHER_TOOL] },
        }),
      );
    },
  },
  {
    name: "converse-tool-result",
    run: async () => {
      await client.send(
        new sdk.ConverseCommand({
          modelId: "anthropic.claude-3-5-haiku-20241022-v1:0",
          toolConfig: { tools: [WEATHER_TOOL] },
          messages: [
            { role: "user", content: [{ text: "What's the weather like in Paris today?" }] },
            {
              role: "assistant",
              content: [
                { text: "I'll look up the current weather in Paris." },
                { toolUse: { toolUseId: "tooluse_fixture_0001", name: "get_weather", input: { city: "Paris", unit: "celsius" } } },
              ],
            },
            {
              role: "user",
              content: [{ toolResult: { toolUseId: "tooluse_fixture_0001", content: [{ json: { temperature: 18, condition: "sunny" } }], status: "success" } }],
            },
          ],
        }),
      );
    },
    notes: notesFor({
      openinference: [
        `${RAW}: the toolResult content ({temperature 18, sunny}) is only in input.value; llm.input_messages.2 keeps just the tool_call_id`,
      ],
      traceloop: ["0.27 does not trace Converse"],
      "aws-sdk": ["no content keys"],
    }),
  },
  {
    name: "converse-error",
    run: async () => {
      try {
        await client.send(
          new sdk.ConverseCommand({
            modelId: "anthropic.claude-3-5-haiku-20241022-v1:0",
            messages: [{ role: "user", content: [{ text: "Name three primary colors." }] }],
            inferenceConfig: { temperature: 5 },
          }),
        );
      } catch (error) {
        if ((error as { name?: unknown }).name === "ValidationException") return;
        throw error;
      }
      throw new Error("expected a ValidationException from the mock");
    },
  },
];

await runCapture({
  telemetry,
  convention,
  instrumentation: name,
  instrumentationPackages: [instrumentationPackage],
  sdkPackage: packageVersion("@aws-sdk/client-bedrock-runtime"),
  scenarios,
  notes: ["Bedrock runtime client pointed at the mock with its endpoint option and dummy credentials"],
});

instrumentation.disable();
