/**
 * OpenAI Agents SDK (`@openai/agents`) traced by `@arizeai/openinference-instrumentation-openai-agents`,
 * for issue 13 (docs/issue-13-fixtures.md). The instrumentation is not a monkey-patch: it is a
 * trace processor of the agents SDK, registered with `manuallyInstrument(agents)` in exclusive
 * mode, which REPLACES the SDK's default processor (the one that would upload traces to OpenAI).
 *
 * The agents run with an `OpenAIProvider` pointed at the mock (Responses API, mock
 * /v1/responses) through a `Runner`; the SDK brings its own `openai` 7.x.
 */
import * as agents from "@openai/agents";
import { OpenAIAgentsInstrumentation } from "@arizeai/openinference-instrumentation-openai-agents";
import { z } from "zod";

import { mockOrigin, packageVersion, runCapture, type Scenario, setupTelemetry } from "./harness.js";

const telemetry = setupTelemetry("fixture-openinference-openai-agents");
const instrumentation = new OpenAIAgentsInstrumentation({ tracerProvider: telemetry.tracerProvider });
instrumentation.manuallyInstrument(agents as never);

const runner = new agents.Runner({
  modelProvider: new agents.OpenAIProvider({ apiKey: "sk-fixture-not-a-real-key", baseURL: `${mockOrigin()}/v1`, useResponses: true }),
  workflowName: "fixture-workflow",
  groupId: "session-fixture-1",
  traceMetadata: { user_id: "user-fixture-1" },
});

const getWeather = agents.tool({
  name: "get_weather",
  description: "Get the current weather for a city.",
  parameters: z.object({ city: z.string(), unit: z.enum(["celsius", "fahrenheit"]) }),
  execute: async ({ city }) => JSON.stringify({ city, temperature: 18, condition: "sunny" }),
});

const assistant = new agents.Agent({
  name: "Assistant",
  instructions: "You are a concise assistant. Answer in one sentence.",
  model: "gpt-4o-mini",
});
const weatherAgent = new agents.Agent({
  name: "Weather agent",
  instructions: "Answer weather questions with the get_weather tool.",
  model: "gpt-4o-mini",
  tools: [getWeather],
});

async function flush(): Promise<void> {
  await agents.getGlobalTraceProvider().forceFlush();
}

const scenarios: Scenario[] = [
  {
    name: "run",
    run: async () => {
      await runner.run(assistant, "What is the capital of France?");
      await flush();
    },
  },
  {
    name: "run-tools",
    run: async () => {
      await runner.run(weatherAgent, "What's the weather like in Paris today?");
      await flush();
    },
    notes: ["agent, two model calls (function_call, then the answer) and a function span for get_weather"],
  },
  {
    name: "run-stream",
    run: async () => {
      const result = await runner.run(assistant, "Count from 1 to 5.", { stream: true });
      for await (const event of result.toStream()) void event;
      await result.completed;
      await flush();
    },
  },
  {
    name: "run-error",
    run: async () => {
      const failing = assistant.clone({ modelSettings: { temperature: 5 } });
      try {
        await runner.run(failing, "Name three primary colors.");
      } catch (error) {
        await flush();
        if ((error as { status?: unknown }).status === 400) return;
        throw error;
      }
      throw new Error("expected the mock provider to reject this request");
    },
  },
];

await runCapture({
  telemetry,
  convention: "openinference",
  instrumentation: "openinference-openai-agents",
  instrumentationPackages: [packageVersion("@arizeai/openinference-instrumentation-openai-agents"), packageVersion("@openai/agents")],
  sdkPackage: packageVersion("@openai/agents"),
  scenarios,
  notes: [
    "trace processor of the agents SDK (exclusive: the SDK's upload to OpenAI is replaced); Runner with an OpenAIProvider on the mock's Responses API",
    "span tree: workflow AGENT span, workflow CHAIN span, agent AGENT span (graph.node.id), turn CHAIN, response LLM, function TOOL; llm.system openai on every span",
    "the Runner's groupId (session-fixture-1) and traceMetadata user_id are not recorded: no session.id / user.id",
    "the response LLM span: full Responses API reply JSON in output.value, the system prompt as llm.input_messages.0 (set after the others), cache_read and reasoning details",
  ],
});
