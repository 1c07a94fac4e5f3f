/**
 * LangChain.js scenarios shared by the LangChain captures (openinference-langchain.ts,
 * traceloop-langchain.ts), so both instrumentations see the same runs.
 *
 * LangChain is loaded with `require` (its CommonJS build), after the instrumentation has been
 * created: both instrumentations hook `CallbackManager` of `@langchain/core/callbacks/manager`,
 * and `@langchain/core` ships separate CommonJS and ESM copies of that class, so the scenarios and
 * the patch must use the same copy. The OpenInference package is CommonJS only, which makes the
 * CommonJS build the natural one here.
 *
 * The chat model is `ChatOpenAI` pointed at the mock provider (chat completions API, no retries).
 * Replies therefore are those of mock-provider.ts: a text answer, or a get_weather tool call when
 * tools are offered, or the final answer when the last message is a tool result.
 */
import { createRequire } from "node:module";

import { z } from "zod";

import type { Scenario } from "./harness.js";
import type { ScenarioNotes } from "./scenarios.js";
import { mockOrigin } from "./harness.js";

const require = createRequire(import.meta.url);

/** Obviously fake key; the mock provider ignores it. */
const DUMMY_OPENAI_KEY = "sk-fixture-not-a-real-key";
const MODEL = "gpt-4o-mini";
const SYSTEM_PROMPT = "You are a concise assistant. Answer in one sentence.";
const WEATHER_QUESTION = "What's the weather like in Paris today?";
const TOOL_RESULT_REPLY = "It is currently 18 °C and sunny in Paris.";

/** The `@langchain/core/callbacks/manager` module, for manual instrumentation. */
export function requireCallbackManagerModule(): typeof import("@langchain/core/callbacks/manager") {
  return require("@langchain/core/callbacks/manager") as typeof import("@langchain/core/callbacks/manager");
}

/** Scenarios "chain" and "tool-call"; `notes` are keyed by scenario name. */
export function langchainScenarios(notes: ScenarioNotes = {}): Scenario[] {
  const { ChatPromptTemplate } = require("@langchain/core/prompts") as typeof import("@langchain/core/prompts");
  const { StringOutputParser } =
    require("@langchain/core/output_parsers") as typeof import("@langchain/core/output_parsers");
  const { RunnableLambda } = require("@langchain/core/runnables") as typeof import("@langchain/core/runnables");
  const { tool } = require("@langchain/core/tools") as typeof import("@langchain/core/tools");
  const { HumanMessage } = require("@langchain/core/messages") as typeof import("@langchain/core/messages");
  const { ChatOpenAI } = require("@langchain/openai") as typeof import("@langchain/openai");

  const model = new ChatOpenAI({
    model: MODEL,
    apiKey: DUMMY_OPENAI_KEY,
    configuration: { baseURL: `${mockOrigin()}/v1` },
    maxRetries: 0,
    timeout: 10_000,
  });

  const getWeather = tool(
    async ({ city, unit }: { city: string; unit?: "celsius" | "fahrenheit" | undefined }) =>
      JSON.stringify({ city, temperature: 18, unit: unit ?? "celsius", condition: "sunny" }),
    {
      name: "get_weather",
      description: "Get the current weather for a city.",
      schema: z.object({
        city: z.string().describe("City name, e.g. Paris"),
        unit: z.enum(["celsius", "fahrenheit"]).optional(),
      }),
    },
  );

  const scenarios: Array<Omit<Scenario, "notes">> = [
    {
      // prompt template | chat model | string parser, invoked with one template variable.
      name: "chain",
      run: async () => {
        const prompt = ChatPromptTemplate.fromMessages([
          ["system", SYSTEM_PROMPT],
          ["human", "What is the capital of {country}?"],
        ]);
        const chain = prompt.pipe(model).pipe(new StringOutputParser());
        const answer = await chain.invoke({ country: "France" });
        if (answer !== "The capital of France is Paris.") throw new Error(`unexpected answer: ${answer}`);
      },
    },
    {
      // One application step, as a named RunnableLambda: the model with the tool bound answers
      // with a tool call, the tool runs on that call, and the model is called again with the
      // tool's ToolMessage.
      name: "tool-call",
      run: async () => {
        const modelWithTools = model.bindTools([getWeather]);
        // The lambda hands its config on to the calls inside it, which is what makes their runs
        // children of its run: @langchain/core alone does not install the AsyncLocalStorage that
        // would carry it implicitly (only importing `@langchain/core/context` or the `langchain`
        // package does), and without it each call below would start a trace of its own.
        const step = RunnableLambda.from(async (question: string, config) => {
          const messages: import("@langchain/core/messages").BaseMessage[] = [new HumanMessage(question)];
          const reply = await modelWithTools.invoke(messages, config);
          messages.push(reply);
          const call = reply.tool_calls?.[0];
          if (call === undefined) throw new Error("expected a tool call");
          messages.push(await getWeather.invoke(call, config));
          const final = await modelWithTools.invoke(messages, config);
          return final.text;
        }).withConfig({ runName: "weather_step" });
        const answer = await step.invoke(WEATHER_QUESTION);
        if (answer !== TOOL_RESULT_REPLY) throw new Error(`unexpected answer: ${answer}`);
      },
    },
  ];
  return scenarios.map((s) => ({ ...s, notes: notes[s.name] ?? [] }));
}
