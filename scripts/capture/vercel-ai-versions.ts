/**
 * The AI SDK majors the main vercel-ai.ts (ai 6) does not cover, for issue 13
 * (docs/issue-13-fixtures.md). Installed as aliased devDependencies so they sit beside ai 6:
 *
 * - `--v5`: `ai-v5` (ai 5.x) with `ai-sdk-anthropic-v2` / `ai-sdk-openai-v2`; `ai.*` spans from
 *   `experimental_telemetry` with inputs and outputs recorded. Fixtures `vercel-ai-v5__*` in
 *   vercel-ai/. ai 5.0.285 writes its counts as `ai.usage.promptTokens` / `completionTokens`
 *   (and `gen_ai.usage.input_tokens` on the doGenerate span); with Anthropic these EXCLUDE the
 *   cache (21 of 21 + 2048 read + 1024 written), and neither cache count has a key of its own:
 *   both are only inside the `ai.response.providerMetadata` JSON (`anthropic.usage`,
 *   `anthropic.cacheCreationInputTokens`).
 * - `--v7-otel`: `ai-v7` (ai 7.x) with `ai-sdk-anthropic-v4` / `ai-sdk-openai-v4` and the
 *   `@ai-sdk/otel` `OpenTelemetry` integration with every optional attribute group on; GenAI
 *   spans (invoke_agent, agent_step, chat, execute_tool, embeddings, decide, extract). Fixtures
 *   `ai-sdk-otel__*` in genai/.
 * - `--v7-legacy`: the same ai 7 calls through `LegacyOpenTelemetry`, which writes the older
 *   `ai.*` spans. Fixtures `vercel-ai-v7-legacy__*` in vercel-ai/.
 *
 * ai 7 takes its telemetry integrations per call (`telemetry.integrations`), so nothing is
 * registered globally. The providers point at the mock with dummy keys and never retry.
 */
import { OpenTelemetry, LegacyOpenTelemetry } from "@ai-sdk/otel";
import { createAnthropic as createAnthropic2 } from "ai-sdk-anthropic-v2";
import { createAnthropic as createAnthropic4 } from "ai-sdk-anthropic-v4";
import { createOpenAI as createOpenAI2 } from "ai-sdk-openai-v2";
import { createOpenAI as createOpenAI4 } from "ai-sdk-openai-v4";
import * as ai5 from "ai-v5";
import * as ai7 from "ai-v7";
import { z } from "zod";

import { type Convention, mockOrigin, packageVersion, runCapture, type Scenario, setupTelemetry } from "./harness.js";

const mode = process.argv.includes("--v5") ? "v5" : process.argv.includes("--v7-legacy") ? "v7-legacy" : "v7-otel";
const name = mode === "v5" ? "vercel-ai-v5" : mode === "v7-legacy" ? "vercel-ai-v7-legacy" : "ai-sdk-otel";
const telemetry = setupTelemetry(`fixture-${name}`);

const SYSTEM_PROMPT = "You are a concise assistant. Answer in one sentence.";
const ANTHROPIC_KEY = "sk-ant-fixture-not-a-real-key";
const OPENAI_KEY = "sk-fixture-not-a-real-key";
const CACHE = "issue-13 class 'cache tokens'";
const TOOL_DEFS = "issue-13 class 'tool definitions with inputSchema'";

async function expectApiError(call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (error) {
    if ((error as { statusCode?: unknown }).statusCode === 400) return;
    throw error;
  }
  throw new Error("expected the mock provider to reject this request");
}

// ---------------------------------------------------------------------------------------------
// ai 5

function v5Scenarios(): Scenario[] {
  const anthropic = createAnthropic2({ apiKey: ANTHROPIC_KEY, baseURL: `${mockOrigin()}/v1` })("claude-haiku-4-5");
  const openai = createOpenAI2({ apiKey: OPENAI_KEY, baseURL: `${mockOrigin()}/v1` }).chat("gpt-4o-mini");
  const TELEMETRY = { isEnabled: true, recordInputs: true, recordOutputs: true } as const;
  const weather = ai5.tool({
    description: "Get the current weather for a city.",
    inputSchema: z.object({ city: z.string().describe("City name, e.g. Paris"), unit: z.enum(["celsius", "fahrenheit"]).optional() }),
    execute: async ({ city }) => ({ city, temperature: 18, condition: "sunny" }),
  });
  return [
    {
      name: "anthropic-generate-text",
      run: async () => {
        await ai5.generateText({
          model: anthropic,
          system: SYSTEM_PROMPT,
          prompt: "What is the capital of France?",
          maxRetries: 0,
          experimental_telemetry: { ...TELEMETRY, functionId: "capital-question", metadata: { sessionId: "session-fixture-1", userId: "user-fixture-1" } },
        });
      },
      notes: [
        `${CACHE}: ai.usage.promptTokens = 21 and gen_ai.usage.input_tokens = 21 exclude the cache (mock: 21 uncached + 2048 read + 1024 written = 3093); no cache key: read and write counts only in the ai.response.providerMetadata JSON (anthropic.usage.cache_read_input_tokens, anthropic.cacheCreationInputTokens)`,
      ],
    },
    {
      name: "anthropic-tools",
      run: async () => {
        await ai5.generateText({
          model: anthropic,
          prompt: "What's the weather like in Paris today?",
          tools: { get_weather: weather },
          stopWhen: ai5.stepCountIs(2),
          maxRetries: 0,
          experimental_telemetry: TELEMETRY,
        });
      },
      notes: ["two steps with an ai.toolCall span; tool definitions in ai.prompt.tools (inputSchema)"],
    },
    {
      name: "anthropic-stream",
      run: async () => {
        const result = ai5.streamText({ model: anthropic, prompt: "Count from 1 to 5.", maxRetries: 0, experimental_telemetry: TELEMETRY });
        for await (const piece of result.textStream) void piece;
      },
    },
    {
      name: "openai-generate-text",
      run: async () => {
        await ai5.generateText({
          model: openai,
          system: SYSTEM_PROMPT,
          prompt: "What is the capital of France?",
          temperature: 0.2,
          maxRetries: 0,
          experimental_telemetry: TELEMETRY,
        });
      },
      notes: ["OpenAI: ai.usage.promptTokens 26 includes the 16 cached tokens (prompt_tokens), unlike Anthropic under ai 5; the cached count itself is not written"],
    },
    {
      name: "openai-error",
      run: () =>
        expectApiError(() =>
          ai5.generateText({ model: openai, prompt: "Name three primary colors.", temperature: 5, maxRetries: 0, experimental_telemetry: TELEMETRY }),
        ),
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// ai 7

function v7Scenarios(integration: ai7.Telemetry): Scenario[] {
  const anthropicProvider = createAnthropic4({ apiKey: ANTHROPIC_KEY, baseURL: `${mockOrigin()}/v1` });
  const anthropic = anthropicProvider("claude-haiku-4-5");
  const openaiProvider = createOpenAI4({ apiKey: OPENAI_KEY, baseURL: `${mockOrigin()}/v1` });
  const openaiResponses = openaiProvider("gpt-4o-mini");
  const openaiChat = openaiProvider.chat("gpt-4o-mini");
  const TELEMETRY = { isEnabled: true, recordInputs: true, recordOutputs: true, integrations: [integration] };
  const weather = ai7.tool({
    description: "Get the current weather for a city.",
    inputSchema: z.object({ city: z.string().describe("City name, e.g. Paris"), unit: z.enum(["celsius", "fahrenheit"]).optional() }),
    execute: async ({ city }) => ({ city, temperature: 18, condition: "sunny" }),
  });
  return [
    {
      name: "anthropic-generate-text",
      run: async () => {
        await ai7.generateText({
          model: anthropic,
          system: SYSTEM_PROMPT,
          prompt: "What is the capital of France?",
          maxRetries: 0,
          telemetry: { ...TELEMETRY, functionId: "capital-question" },
        });
      },
      notes: [`${CACHE}: ai 7 input count includes the cache (21 + 2048 read + 1024 written = 3093); read / write under their own keys`],
    },
    {
      name: "anthropic-tools",
      run: async () => {
        await ai7.generateText({
          model: anthropic,
          prompt: "What's the weather like in Paris today?",
          tools: { get_weather: weather },
          stopWhen: ai7.stepCountIs(2),
          maxRetries: 0,
          telemetry: TELEMETRY,
        });
      },
      notes: [
        `${TOOL_DEFS}: tool definitions (gen_ai.tool.definitions, or ai.prompt.tools under the legacy integration) carry the JSON schema as inputSchema`,
        "issue-13 class 'AI SDK 7 operations': 'step N' spans with gen_ai.operation.name agent_step, and execute_tool",
      ],
    },
    {
      name: "openai-stream",
      run: async () => {
        const result = ai7.streamText({ model: openaiChat, prompt: "Count from 1 to 5.", maxRetries: 0, telemetry: TELEMETRY });
        for await (const piece of result.textStream) void piece;
      },
    },
    {
      name: "openai-responses",
      run: async () => {
        await ai7.generateText({
          model: openaiResponses,
          system: SYSTEM_PROMPT,
          prompt: "What is the capital of France?",
          maxRetries: 0,
          telemetry: TELEMETRY,
        });
      },
      notes: ["@ai-sdk/openai 4 default model: the Responses API (mock /v1/responses)"],
    },
    {
      name: "embed",
      run: async () => {
        await ai7.embed({
          model: openaiProvider.embedding("text-embedding-3-small"),
          value: "The quick brown fox",
          providerOptions: { openai: { dimensions: 8 } },
          maxRetries: 0,
          telemetry: TELEMETRY,
        });
      },
    },
    {
      name: "decide",
      run: async () => {
        await ai7.experimental_decide({
          model: anthropicProvider.decisionModel("claude-haiku-4-5"),
          state: "The customer wrote: the parcel arrived broken and I want my money back.",
          questions: {
            intent: { type: "choice", instructions: "What does the customer want?", criteria: { refund: "a refund", replacement: "a new item" } },
            urgent: { type: "boolean", instructions: "Is the request urgent?" },
          },
          maxRetries: 0,
          telemetry: TELEMETRY,
        });
      },
      notes: ["issue-13 class 'AI SDK 7 operations': decide (gen_ai.operation.name decide, or ai.operationId ai.decide under the legacy integration); Anthropic structured output via output_config.format"],
    },
    {
      name: "extract",
      run: async () => {
        await ai7.experimental_extract({
          model: openaiProvider.extractionModel("gpt-4o-mini"),
          state: "Meet Anna in Paris on 2025-01-01.",
          fields: { city: { type: "text", instructions: "The city of the meeting" } },
          maxRetries: 0,
          telemetry: TELEMETRY,
        });
      },
      notes: ["issue-13 class 'AI SDK 7 operations': extract (gen_ai.operation.name extract); the legacy integration writes no span for extract"],
    },
    {
      name: "openai-error",
      run: () =>
        expectApiError(() =>
          ai7.generateText({ model: openaiChat, prompt: "Name three primary colors.", temperature: 5, maxRetries: 0, telemetry: TELEMETRY }),
        ),
    },
  ];
}

let convention: Convention;
let scenarios: Scenario[];
let packages: string[];
let sdk: string;
let notes: string[];
if (mode === "v5") {
  convention = "vercel-ai";
  scenarios = v5Scenarios();
  packages = [packageVersion("ai-v5")];
  sdk = `${packageVersion("ai-sdk-anthropic-v2")}, ${packageVersion("ai-sdk-openai-v2")}`;
  notes = ["ai 5 ai.* spans, recordInputs / recordOutputs on; installed as the aliases ai-v5, ai-sdk-anthropic-v2, ai-sdk-openai-v2"];
} else {
  const tracer = telemetry.tracerProvider.getTracer("ai");
  const integration =
    mode === "v7-otel"
      ? new OpenTelemetry({
          tracer,
          usage: true,
          providerMetadata: true,
          embedding: true,
          reranking: true,
          experimental_decision: true,
          experimental_extraction: true,
          runtimeContext: true,
          headers: true,
          toolChoice: true,
          schema: true,
        })
      : new LegacyOpenTelemetry({ tracer });
  convention = mode === "v7-otel" ? "genai" : "vercel-ai";
  scenarios = v7Scenarios(integration as unknown as ai7.Telemetry);
  packages = [packageVersion("ai-v7"), packageVersion("@ai-sdk/otel")];
  sdk = `${packageVersion("ai-sdk-anthropic-v4")}, ${packageVersion("ai-sdk-openai-v4")}`;
  notes =
    mode === "v7-otel"
      ? ["@ai-sdk/otel OpenTelemetry integration (GenAI spans) with every optional group on: usage, providerMetadata, embedding, reranking, experimental_decision, experimental_extraction, runtimeContext, headers, toolChoice, schema"]
      : ["@ai-sdk/otel LegacyOpenTelemetry integration: the ai.* spans of ai 5 / 6 written by ai 7 (issue-13: deprecated, validate should say so)"];
}

await runCapture({ telemetry, convention, instrumentation: name, instrumentationPackages: packages, sdkPackage: sdk, scenarios, notes });
