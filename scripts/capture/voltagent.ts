/**
 * Spans of VoltAgent (`@voltagent/core`), which traces its agents itself: every agent call opens
 * an agent span, each model call an `llm:*` span and each tool execution a `tool.execution:*`
 * span, written with VoltAgent's own keys (`span.type`, `entity.*`, `agent.messages`,
 * `llm.messages`, `input` / `output`, `usage.*`, `voltagent.*`). The model is the AI SDK's OpenAI
 * provider (`@ai-sdk/openai`, chat completions API) pointed at the mock provider.
 *
 * VoltAgent builds its own tracer provider (`VoltAgentObservability`: a NodeTracerProvider with its
 * in-memory storage and WebSocket processors, registered as the global provider). It is kept as is,
 * with two changes for the capture: the harness's in-memory exporter is added through its
 * documented `spanProcessors` option (a SimpleSpanProcessor), and remote VoltOps sync is switched
 * off (`voltOpsSync.sampling.strategy = "never"`, and no VoltOps keys exist anyway). To get stable
 * ids the tracer's id generator is replaced by the harness's deterministic one (the private
 * `_idGenerator` field of the SDK's Tracer; ids are the only thing it changes).
 *
 * `NODE_ENV=production` is set before the module loads, which keeps VoltAgent from starting its
 * model-registry refresh (a fetch to a public URL); see below.
 *
 * The AI SDK's own `ai.*` spans are not part of these files: VoltAgent calls the AI SDK without
 * `experimental_telemetry`, so only VoltAgent's spans exist.
 */
import { createOpenAI } from "@ai-sdk/openai";
import { InMemoryLogRecordExporter, LoggerProvider } from "@opentelemetry/sdk-logs";
import { type BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { z } from "zod";

import { installSeededUuid, seedUuids } from "./seeded-uuid.js";
import { DeterministicIdGenerator, mockOrigin, packageVersion, runCapture, type Scenario, type Telemetry } from "./harness.js";

// Outside production @voltagent/core starts, when its module loads, a model-registry refresh that
// fetches a public URL every 30 minutes. The capture must not reach the network: production mode
// skips it, so the module is imported only after NODE_ENV is set.
process.env["NODE_ENV"] = "production";

// VoltAgent stamps operation ids and UI message ids with random UUIDs: made stable (seeded-uuid.ts),
// before the module loads.
installSeededUuid();
const { Agent, createTool, ModelProviderRegistry, VoltAgentObservability } = await import("@voltagent/core");

const ids = new DeterministicIdGenerator();
const spanExporter = new InMemorySpanExporter();
const observability = new VoltAgentObservability({
  serviceName: "fixture-voltagent",
  spanProcessors: [new SimpleSpanProcessor(spanExporter)],
  voltOpsSync: { sampling: { strategy: "never" } },
  flushOnFinishStrategy: "never",
});
const internals = observability as unknown as { provider: BasicTracerProvider; tracer: { _idGenerator: unknown } };
if (!("_idGenerator" in internals.tracer)) throw new Error("VoltAgent's tracer has no _idGenerator field to replace");
internals.tracer._idGenerator = ids;

const telemetry: Telemetry = {
  tracerProvider: internals.provider,
  loggerProvider: new LoggerProvider(),
  spanExporter,
  logExporter: new InMemoryLogRecordExporter(),
  ids,
};

const openai = createOpenAI({ apiKey: "sk-fixture-not-a-real-key", baseURL: `${mockOrigin()}/v1` });
const model = openai.chat("gpt-4o-mini");

const weatherTool = createTool({
  name: "get_weather",
  description: "Get the current weather for a city.",
  parameters: z.object({
    city: z.string().describe("City name, e.g. Paris"),
    unit: z.enum(["celsius", "fahrenheit"]).optional(),
  }),
  execute: async ({ city }) => ({ city, temperature: 18, condition: "sunny" }),
});

const failingTool = createTool({
  name: "get_weather",
  description: "Get the current weather for a city.",
  parameters: z.object({ city: z.string(), unit: z.enum(["celsius", "fahrenheit"]).optional() }),
  execute: async () => {
    throw new Error("weather service unavailable");
  },
});

const assistant = new Agent({
  name: "assistant",
  instructions: "You are a concise assistant. Answer in one sentence.",
  model,
  observability,
  maxRetries: 0,
});

const weatherAgent = new Agent({
  name: "weather-agent",
  instructions: "Answer weather questions with the get_weather tool.",
  model,
  tools: [weatherTool],
  observability,
  maxRetries: 0,
});

const brokenToolAgent = new Agent({
  name: "weather-agent-broken-tool",
  instructions: "Answer weather questions with the get_weather tool.",
  model,
  tools: [failingTool],
  observability,
  maxRetries: 0,
});

// One conversation per scenario, so that VoltAgent's memory does not carry one scenario's turns
// into the next one's messages.
const USER = { userId: "user-fixture-0001", conversationId: "conversation-fixture-0001" };
let currentConversation = USER.conversationId;
const user = (): { userId: string; conversationId: string } => ({ userId: USER.userId, conversationId: currentConversation });

async function expectFailure(call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch {
    return;
  }
  throw new Error("expected this call to fail");
}

const scenarios: Scenario[] = [
  {
    name: "generate-text",
    run: async () => {
      const result = await assistant.generateText("What is the capital of France?", { ...user(), temperature: 0.2, maxOutputTokens: 64 });
      if (result.text !== "The capital of France is Paris.") throw new Error(`unexpected text: ${result.text}`);
    },
  },
  {
    name: "stream-text",
    run: async () => {
      const result = await assistant.streamText("Count from 1 to 5.", user());
      let text = "";
      for await (const piece of result.textStream) text += piece;
      if (text !== "1, 2, 3, 4, 5.") throw new Error(`unexpected streamed text: ${text}`);
    },
  },
  {
    name: "tool-call",
    run: async () => {
      const result = await weatherAgent.generateText("What's the weather like in Paris today?", user());
      if (!result.text.includes("18")) throw new Error(`unexpected text: ${result.text}`);
    },
  },
  {
    name: "model-error",
    run: () => expectFailure(() => assistant.generateText("Name three primary colors.", { ...user(), temperature: 5 })),
  },
  {
    name: "tool-error",
    run: async () => {
      // The tool throws; VoltAgent hands the error back to the model as the tool result.
      await brokenToolAgent.generateText("What's the weather like in Paris today?", user()).catch(() => undefined);
    },
  },
];

await runCapture({
  telemetry,
  convention: "voltagent",
  instrumentation: "voltagent",
  instrumentationPackages: [packageVersion("@voltagent/core")],
  sdkPackage: packageVersion("@ai-sdk/openai"),
  scenarios: scenarios.map((s) => ({
    ...s,
    run: () => {
      seedUuids(`voltagent/${s.name}`);
      currentConversation = `conversation-fixture-${s.name}`;
      return s.run();
    },
  })),
  notes: [
    "scope @voltagent/core 1.0.0 (VoltAgent's own tracer name and its default version, not the package version); resource service.name from VoltAgentObservability's serviceName",
    "agent span INTERNAL (root, named after the agent); llm:<operation> and tool.execution:<tool> spans CLIENT; memory.* spans for VoltAgent's default in-memory conversation store",
    "span.type on child spans (llm, tool, memory); the agent span has none, only entity.type = agent, which every child repeats with entity.id / entity.name",
    "one llm:generateText span per agent call even when the AI SDK made several model requests (tool round trip): its llm.usage.* is the LAST step's usage (the AI SDK result.usage), while the agent span's usage.* is the sum of all steps (totalUsage)",
    "the llm span has no output text (only llm.finish_reason); the answer is in the agent span's output",
    "usage.prompt_tokens / llm.usage.prompt_tokens include cached tokens (AI SDK 6 inputTokens.total); cached as usage.cached_tokens / llm.usage.cached_tokens",
    "VoltAgent also writes ai.model.* and ai.response.finish_reason on the agent span, which look like Vercel AI SDK keys",
    "varies between runs: the AI SDK's 16-character message ids and createdAt timestamps inside agent.messages.ui / memory input JSON (UUIDs are made stable by the capture script)",
  ],
});
ModelProviderRegistry.getInstance().stopAutoRefresh();
await observability.shutdown();
// VoltAgent's in-memory stores keep cleanup timers running; nothing is left to wait for.
process.exit(0);
