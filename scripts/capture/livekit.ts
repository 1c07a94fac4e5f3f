/**
 * Spans of LiveKit Agents for Node (`@livekit/agents`) with its OpenAI plugin
 * (`@livekit/agents-plugin-openai`), which trace themselves through the global tracer provider
 * (tracer `livekit-agents`). No LiveKit server, room or audio is involved:
 *
 * - `llm-*` scenarios call the plugin's `LLM.chat({ chatCtx, toolCtx })` directly, the path every
 *   voice pipeline uses for its LLM turn (`llm_request` → `llm_request_run`);
 * - `session-*` scenarios run a text-only `voice.AgentSession` with `session.run({ userInput })`
 *   (LiveKit's own test mode): `agent_session` → `agent_turn` / `user_turn` → `llm_node` →
 *   `llm_request`, and `function_tool` spans for tools the agent executes.
 *
 * The OpenAI client of the plugin talks to the mock provider (chat completions, streamed, with
 * `stream_options.include_usage`), dummy key, no retries.
 */
import { z } from "zod";

import { mockOrigin, packageVersion, runCapture, type Scenario, setupTelemetry } from "./harness.js";
import { seedRandomness } from "./seeded-random.js";

const telemetry = setupTelemetry("fixture-livekit");

const { initializeLogger, llm, voice } = await import("@livekit/agents");
const openai = await import("@livekit/agents-plugin-openai");
initializeLogger({ pretty: false, level: "fatal" });

const INSTRUCTIONS = "You are a concise assistant. Answer in one sentence.";
const NO_RETRY = { maxRetry: 0, retryIntervalMs: 0, timeoutMs: 10_000 };

const model = (options: { temperature?: number } = {}): InstanceType<typeof openai.LLM> =>
  new openai.LLM({ model: "gpt-4o-mini", apiKey: "sk-fixture-not-a-real-key", baseURL: `${mockOrigin()}/v1`, ...options });

const getWeather = llm.tool({
  description: "Get the current weather for a city.",
  parameters: z.object({
    city: z.string().describe("City name, e.g. Paris"),
    unit: z.enum(["celsius", "fahrenheit"]).optional(),
  }),
  execute: async ({ city }) => ({ city, temperature: 18, condition: "sunny" }),
});

function chatContext(text: string): InstanceType<typeof llm.ChatContext> {
  const ctx = llm.ChatContext.empty();
  ctx.addMessage({ role: "system", content: INSTRUCTIONS });
  ctx.addMessage({ role: "user", content: text });
  return ctx;
}

async function collectText(stream: AsyncIterable<{ delta?: { content?: string } }>): Promise<string> {
  let text = "";
  for await (const chunk of stream) text += chunk.delta?.content ?? "";
  return text;
}

async function runSession(userInput: string, tools?: Record<string, typeof getWeather>): Promise<void> {
  const session = new voice.AgentSession({ llm: model() });
  const agent = new voice.Agent({ instructions: INSTRUCTIONS, ...(tools !== undefined ? { tools } : {}) });
  await session.start({ agent });
  try {
    const result = await session.run({ userInput });
    await result.wait?.();
  } finally {
    await session.close();
  }
}

const scenarios: Scenario[] = [
  {
    name: "llm-chat",
    run: async () => {
      const text = await collectText(model().chat({ chatCtx: chatContext("What is the capital of France?"), connOptions: NO_RETRY }));
      if (text !== "The capital of France is Paris.") throw new Error(`unexpected answer: ${text}`);
    },
  },
  {
    name: "llm-tools",
    run: async () => {
      await collectText(
        model().chat({ chatCtx: chatContext("What's the weather like in Paris today?"), toolCtx: { get_weather: getWeather }, connOptions: NO_RETRY }),
      );
    },
  },
  {
    name: "llm-error",
    run: async () => {
      try {
        await collectText(model({ temperature: 5 }).chat({ chatCtx: chatContext("Name three primary colors."), connOptions: NO_RETRY }));
      } catch {
        return;
      }
      // The stream may end without throwing: the error is then reported through the span only.
    },
  },
  {
    name: "session-chat",
    run: () => runSession("What is the capital of France?"),
  },
  {
    name: "session-tool",
    run: () => runSession("What's the weather like in Paris today?", { get_weather: getWeather }),
  },
];

await runCapture({
  telemetry,
  convention: "livekit",
  instrumentation: "livekit",
  instrumentationPackages: [packageVersion("@livekit/agents")],
  sdkPackage: packageVersion("@livekit/agents-plugin-openai"),
  notes: [
    "spans from the package itself (tracer livekit-agents, all INTERNAL); no LiveKit server: LLM.chat() directly, and a text-only AgentSession via session.run({userInput})",
    "llm_request has GenAI keys (input/output messages, system instructions, tool definitions, usage, finish reason tool_call) plus lk.llm_metrics; its child llm_request_run has lk.retry_count and, on failure, status ERROR (the parent stays UNSET with usage 0)",
    "session spans: agent_session, agent_turn, llm_node (lk.pii.chat_ctx, lk.pii.response.text / function_calls), function_tool (lk.function_tool.*, lk.pii.function_tool.arguments / output, gen_ai.tool.call.*), user_turn, eou_detection, ...; content under lk.pii.* in 1.9",
    "gen_ai.provider.name is the OpenAI base URL's host (127.0.0.1:8787 here, api.openai.com in production)",
    "lk.llm_metrics.timestamp, langfuse.observation.completion_start_time and chat item created_at are wall-clock times: not rebased, vary between runs",
  ],
  scenarios: scenarios.map((s) => ({
    ...s,
    run: async () => {
      seedRandomness(`livekit/${s.name}`);
      await s.run();
    },
  })),
});
