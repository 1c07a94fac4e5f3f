/**
 * Spans of Google's Agent Development Kit for TypeScript (`@google/adk`), which traces itself
 * through the global tracer provider (tracer `gcp.vertex.agent`): `invocation` for a runner call,
 * `invoke_agent <name>` per agent run, `call_llm` per model request and `execute_tool <name>` per
 * tool call. No instrumentation package is involved.
 *
 * The agent's `Gemini` model talks to the mock provider's Gemini endpoint (mock/gemini.ts):
 * `@google/genai` takes its base URL from GOOGLE_GEMINI_BASE_URL, set below to 127.0.0.1. The API
 * key is a dummy; Vertex AI is off, so no Google credentials are looked up. Content capture is
 * ADK's default (ADK_CAPTURE_MESSAGE_CONTENT_IN_SPANS unset means on); it is set explicitly.
 *
 * Scenarios: a plain answer, an SSE-streamed answer, a tool round trip (the model asks for
 * get_weather, ADK runs it, the model answers), a model error (temperature 5, which the mock
 * rejects with HTTP 400) and a tool that throws. Every run uses the same user and session ids.
 * ADK's own random ids (invocation, event, tool call) are made repeatable with seeded-random.ts.
 */
import { z } from "zod";

import { mockOrigin, packageVersion, runCapture, type Scenario, setupTelemetry } from "./harness.js";
import { seedRandomness } from "./seeded-random.js";

process.env["GOOGLE_GEMINI_BASE_URL"] = mockOrigin();
process.env["ADK_CAPTURE_MESSAGE_CONTENT_IN_SPANS"] = "true";

const telemetry = setupTelemetry("fixture-google-adk");

// Imported after the environment and the global tracer provider are in place.
const { FunctionTool, Gemini, InMemoryRunner, LlmAgent, SequentialAgent, StreamingMode, setLogger } = await import("@google/adk");
// ADK logs every request at info level; the capture output stays quiet.
setLogger(null);

const APP_NAME = "fixture-app";
const USER_ID = "user-fixture-1";
const SESSION_ID = "session-fixture-1";
const MODEL = "gemini-2.5-flash";
const INSTRUCTION = "You are a concise assistant. Answer in one sentence.";

const model = (): InstanceType<typeof Gemini> => new Gemini({ model: MODEL, apiKey: "fixture-not-a-real-key" });

const weatherParameters = z.object({
  city: z.string().describe("City name, e.g. Paris"),
  unit: z.enum(["celsius", "fahrenheit"]).optional(),
});

const weatherTool = new FunctionTool({
  name: "get_weather",
  description: "Get the current weather for a city.",
  parameters: weatherParameters,
  execute: ({ city }) => ({ city, temperature: 18, condition: "sunny" }),
});

const brokenWeatherTool = new FunctionTool({
  name: "get_weather",
  description: "Get the current weather for a city.",
  parameters: weatherParameters,
  execute: () => {
    throw new Error("weather service unavailable");
  },
});

type Agent = InstanceType<typeof LlmAgent> | InstanceType<typeof SequentialAgent>;

interface Turn {
  readonly text: string;
  readonly errors: readonly string[];
}

/** Runs one user turn through a fresh in-memory runner: the final text and any error events. */
async function runTurn(agent: Agent, text: string, streaming = false): Promise<Turn> {
  const runner = new InMemoryRunner({ agent, appName: APP_NAME });
  await runner.sessionService.createSession({ appName: APP_NAME, userId: USER_ID, sessionId: SESSION_ID });
  let answer = "";
  const errors: string[] = [];
  for await (const event of runner.runAsync({
    userId: USER_ID,
    sessionId: SESSION_ID,
    newMessage: { role: "user", parts: [{ text }] },
    ...(streaming ? { runConfig: { streamingMode: StreamingMode.SSE } } : {}),
  })) {
    if (event.errorCode !== undefined || event.errorMessage !== undefined) {
      errors.push(`${event.errorCode ?? ""} ${event.errorMessage ?? ""}`);
    }
    if (event.partial === true) continue;
    for (const part of event.content?.parts ?? []) if (typeof part.text === "string") answer += part.text;
  }
  return { text: answer, errors };
}

/** The turn must fail, either by throwing or with an error event, with a message matching `pattern`. */
async function expectFailure(call: () => Promise<Turn>, pattern: RegExp): Promise<void> {
  let turn: Turn;
  try {
    turn = await call();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!pattern.test(message)) throw error;
    return;
  }
  if (!turn.errors.some((e) => pattern.test(e))) throw new Error(`expected a failure, got ${JSON.stringify(turn)}`);
}

const scenarios: Scenario[] = [
  {
    name: "chat",
    run: async () => {
      const agent = new LlmAgent({
        name: "capital_agent",
        description: "Answers geography questions.",
        model: model(),
        instruction: INSTRUCTION,
        generateContentConfig: { temperature: 0.2, maxOutputTokens: 64, topP: 0.9 },
      });
      const { text: answer } = await runTurn(agent, "What is the capital of France?");
      if (answer !== "The capital of France is Paris.") throw new Error(`unexpected answer: ${answer}`);
    },
    notes: [
      "usage: gen_ai.usage.input_tokens = promptTokenCount (30, which INCLUDES the 16 cached tokens); cachedContentTokenCount and thoughtsTokenCount (4) only inside the gcp.vertex.agent.llm_response JSON (usageMetadata)",
    ],
  },
  {
    name: "chat-stream",
    run: async () => {
      const agent = new LlmAgent({
        name: "counting_agent",
        description: "Counts.",
        model: model(),
        instruction: INSTRUCTION,
      });
      const { text: answer } = await runTurn(agent, "Count from 1 to 5.", true);
      if (answer !== "1, 2, 3, 4, 5.") throw new Error(`unexpected streamed answer: ${answer}`);
    },
  },
  {
    name: "tool-round-trip",
    run: async () => {
      const agent = new LlmAgent({
        name: "weather_agent",
        description: "Answers weather questions with the get_weather tool.",
        model: model(),
        instruction: INSTRUCTION,
        tools: [weatherTool],
      });
      const { text: answer } = await runTurn(agent, "What's the weather like in Paris today?");
      if (answer !== "It is currently 18 °C and sunny in Paris.") throw new Error(`unexpected answer: ${answer}`);
    },
  },
  {
    name: "sequential-agents",
    run: async () => {
      // A workflow agent with two LLM sub-agents run one after the other on the same turn.
      const pipeline = new SequentialAgent({
        name: "geography_pipeline",
        description: "Answers, then answers again.",
        subAgents: [
          new LlmAgent({ name: "first_agent", description: "Answers first.", model: model(), instruction: INSTRUCTION }),
          new LlmAgent({ name: "second_agent", description: "Answers second.", model: model(), instruction: INSTRUCTION }),
        ],
      });
      await runTurn(pipeline, "What is the capital of France?");
    },
  },
  {
    name: "model-error",
    run: () =>
      expectFailure(
        () =>
          runTurn(
            new LlmAgent({
              name: "broken_agent",
              description: "Sends an invalid temperature.",
              model: model(),
              instruction: INSTRUCTION,
              generateContentConfig: { temperature: 5 },
            }),
            "Name three primary colors.",
          ),
        /temperature|INVALID_ARGUMENT|400/,
      ),
  },
  {
    name: "tool-error",
    run: async () => {
      const agent = new LlmAgent({
        name: "weather_agent",
        description: "Answers weather questions with the get_weather tool.",
        model: model(),
        instruction: INSTRUCTION,
        tools: [brokenWeatherTool],
      });
      // ADK may either surface the tool's exception or hand it to the model as a tool result.
      try {
        const turn = await runTurn(agent, "What's the weather like in Paris today?");
        if (turn.errors.length > 0) console.error(`tool-error events: ${turn.errors.join("; ")}`);
      } catch (error) {
        if (!/weather service unavailable/.test(error instanceof Error ? error.message : String(error))) throw error;
      }
    },
  },
];

await runCapture({
  telemetry,
  convention: "google-adk",
  instrumentation: "google-adk",
  instrumentationPackages: [packageVersion("@google/adk")],
  sdkPackage: packageVersion("@google/genai"),
  // ADK's invocation, event and tool call ids come from Math.random / crypto.randomUUID.
  scenarios: scenarios.map((s) => ({
    ...s,
    run: async () => {
      seedRandomness(`google-adk/${s.name}`);
      await s.run();
    },
  })),
  notes: [
    "spans from ADK itself (tracer gcp.vertex.agent, all INTERNAL): invocation, invoke_agent <name>, call_llm, execute_tool <name>; a tool span is a child of the call_llm that asked for it",
    "call_llm has gen_ai.system = gcp.vertex.agent and no gen_ai.operation.name; content as JSON in gcp.vertex.agent.llm_request / llm_response (Gemini shapes) and tool_call_args / tool_response ('{}' placeholders on tool spans)",
    "gen_ai.usage.input_tokens = Gemini promptTokenCount, which includes cached tokens; cache and thinking counts only inside llm_response.usageMetadata",
    "failed model calls and failed tools leave bare spans (no attributes, status UNSET); session id as gen_ai.conversation.id / gcp.vertex.agent.session_id, the user id nowhere",
    "ADK's invocation, event and tool call ids are random: seeded per scenario (seeded-random.ts)",
  ],
});
