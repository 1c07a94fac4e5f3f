/**
 * Spans of Strands Agents for TypeScript (`@strands-agents/sdk`), which traces its agent loop
 * itself with the global OTel tracer provider (`trace.getTracer(...)`): `invoke_agent <name>` per
 * call, `execute_event_loop_cycle` per cycle, `chat` per model request and `execute_tool <tool>`
 * per tool call, with GenAI keys (provider `strands-agents`) and, by default, the legacy span
 * events `gen_ai.user.message` / `gen_ai.assistant.message` / `gen_ai.tool.message` /
 * `gen_ai.choice`. Run twice by run.ts: `strands` (legacy events) and `strands-latest`
 * (`--latest`: OTEL_SEMCONV_STABILITY_OPT_IN=gen_ai_latest_experimental, set here before the SDK
 * loads because run.ts passes no OTEL_* variables: the newer attribute / event layout).
 *
 * The model is Strands' OpenAI provider (chat completions API, `openai` SDK) pointed at the mock;
 * every request carries `prompt_cache_key`, for which the mock reports cached prompt tokens. A third
 * job, `strands-anthropic` (`--anthropic`, legacy events), uses Strands' Anthropic provider
 * (`@anthropic-ai/sdk`) with prompt caching on, against the mock's Messages endpoint, whose replies
 * then carry cache reads and writes: the provider whose input count excludes the cache.
 *
 * Installed apart from the root package (scripts/capture/strands/package.json, `npm ci` there):
 * the SDK's optional peer ranges (@opentelemetry/exporter-* 0.219, @anthropic-ai/sdk 0.109) conflict
 * with versions the root pins for other captures, so npm refuses it in the root. This file lives
 * in that folder so that the SDK resolves from its node_modules; the harness, zod and the OTel SDK
 * come from the root's.
 */
import { fileURLToPath } from "node:url";
import path from "node:path";

import { z } from "zod";

import { mockOrigin, runCapture, type Scenario, setupTelemetry } from "../harness.js";
import { readFileSync } from "node:fs";

const latest = process.argv.includes("--latest");
const anthropic = process.argv.includes("--anthropic");
const name = anthropic ? "strands-anthropic" : latest ? "strands-latest" : "strands";
if (latest) process.env["OTEL_SEMCONV_STABILITY_OPT_IN"] = "gen_ai_latest_experimental";

const telemetry = setupTelemetry(`fixture-${name}`);

const { Agent, tool } = await import("@strands-agents/sdk");
const { OpenAIModel } = await import("@strands-agents/sdk/models/openai");
const { AnthropicModel } = await import("@strands-agents/sdk/models/anthropic");

const HERE = path.dirname(fileURLToPath(import.meta.url));
const version = (pkg: string): string => {
  const json = JSON.parse(readFileSync(path.join(HERE, "node_modules", pkg, "package.json"), "utf8")) as { name: string; version: string };
  return `${json.name}@${json.version}`;
};

const model = (params: Record<string, unknown> = {}): InstanceType<typeof OpenAIModel> | InstanceType<typeof AnthropicModel> =>
  anthropic
    ? new AnthropicModel({
        modelId: "claude-haiku-4-5",
        apiKey: "sk-ant-fixture-not-a-real-key",
        clientConfig: { baseURL: mockOrigin(), maxRetries: 0 },
        maxTokens: 256,
        // Prompt caching on: Strands adds cache points, and the mock then reports cache reads / writes.
        cacheConfig: {},
        params,
      } as ConstructorParameters<typeof AnthropicModel>[0])
    : new OpenAIModel({
    api: "chat",
    modelId: "gpt-4o-mini",
    apiKey: "sk-fixture-not-a-real-key",
    clientConfig: { baseURL: `${mockOrigin()}/v1`, maxRetries: 0 },
    params: { prompt_cache_key: "fixture-cache", ...params },
  });

const weatherTool = tool({
  name: "get_weather",
  description: "Get the current weather for a city.",
  inputSchema: z.object({
    city: z.string().describe("City name, e.g. Paris"),
    unit: z.enum(["celsius", "fahrenheit"]).optional(),
  }),
  callback: ({ city }) => ({ city, temperature: 18, condition: "sunny" }),
});

const failingTool = tool({
  name: "get_weather",
  description: "Get the current weather for a city.",
  inputSchema: z.object({ city: z.string(), unit: z.enum(["celsius", "fahrenheit"]).optional() }),
  callback: () => {
    throw new Error("weather service unavailable");
  },
});

const TRACE_ATTRIBUTES = { "session.id": "session-fixture-0001", "user.id": "user-fixture-0001" };

const agent = (options: { name: string; tools?: unknown[]; params?: Record<string, unknown> }): InstanceType<typeof Agent> =>
  new Agent({
    name: options.name,
    model: model(options.params),
    systemPrompt: "You are a concise assistant. Answer in one sentence.",
    tools: (options.tools ?? []) as never,
    traceAttributes: TRACE_ATTRIBUTES,
    printer: false,
  } as ConstructorParameters<typeof Agent>[0]);

const scenarios: Scenario[] = [
  {
    name: "invoke",
    run: async () => {
      const result = await agent({ name: "assistant", params: { temperature: 0.2, max_tokens: 64 } }).invoke("What is the capital of France?");
      if (!String(result).includes("Paris")) throw new Error(`unexpected reply: ${String(result)}`);
    },
  },
  {
    name: "stream",
    run: async () => {
      const events = agent({ name: "assistant" }).stream("Count from 1 to 5.");
      for await (const event of events) void event;
    },
  },
  {
    name: "tool-call",
    run: async () => {
      const result = await agent({ name: "weather-agent", tools: [weatherTool] }).invoke("What's the weather like in Paris today?");
      if (!String(result).includes("18")) throw new Error(`unexpected reply: ${String(result)}`);
    },
  },
  {
    name: "model-error",
    run: async () => {
      try {
        await agent({ name: "assistant", params: { temperature: 5 } }).invoke("Name three primary colors.");
      } catch {
        return;
      }
      throw new Error("expected the mock to reject temperature 5");
    },
  },
  {
    name: "tool-error",
    run: async () => {
      await agent({ name: "weather-agent-broken-tool", tools: [failingTool] })
        .invoke("What's the weather like in Paris today?")
        .catch(() => undefined);
    },
  },
];

await runCapture({
  telemetry,
  convention: "strands",
  instrumentation: name,
  instrumentationPackages: [version("@strands-agents/sdk")],
  sdkPackage: version(anthropic ? "@anthropic-ai/sdk" : "openai"),
  // Anthropic rejects temperature above 1: temperature 5 gives the mock's HTTP 400 there too.
  scenarios,
  notes: [
    "scope strands-agents (no version); every span INTERNAL: invoke_agent <agent>, execute_agent_loop_cycle (agent_loop.cycle_id), chat (one per model request), execute_tool <tool>",
    latest
      ? "gen_ai_latest_experimental: gen_ai.provider.name = strands-agents; content as separate gen_ai.client.inference.operation.details events (one for gen_ai.system_instructions, one for gen_ai.input.messages, one for gen_ai.output.messages, GenAI parts JSON); tool spans get gen_ai.tool.call.arguments / result attributes; no legacy cache_read_input_tokens spelling"
      : "legacy mode: gen_ai.system = strands-agents; content in span events gen_ai.system.message / gen_ai.user.message / gen_ai.assistant.message / gen_ai.tool.message (content = JSON list of Strands content blocks: text, toolUse, toolResult) and gen_ai.choice (message = JSON blocks, or plain text on the agent span; finish_reason in Strands spelling endTurn / toolUse)",
    "usage on chat spans and, summed over the whole call, again on the invoke_agent span (200 / 33 / 233, cache read 128 in tool-call): the agent numbers repeat the chat spans'",
    anthropic
      ? "Anthropic provider: gen_ai.usage.input_tokens = Anthropic input_tokens, EXCLUDING cache (invoke: 19 besides cache read 2048 and write 1024; total 33 = input + output), because the SDK sets total = input + output for Anthropic and then adds the cache to the input only when input + output != total"
      : "OpenAI provider: gen_ai.usage.input_tokens = prompt_tokens, which includes the cached tokens (the SDK adds cache read + write to the input only when input + output != total, as Bedrock reports)",
    "usage also written as gen_ai.usage.prompt_tokens / completion_tokens; cache keys only when > 0",
    "no request parameters (temperature, max_tokens), response model or response id are recorded; session.id / user.id come from the agent's traceAttributes, on the invoke_agent span only",
    "varies between runs: gen_ai.event.start_time / end_time (wall clock ISO strings)",
  ],
});
