/**
 * The AI SDK calls of the vercel-ai capture (vercel-ai.ts), in a module of their own so that tests can
 * run the same calls against the mock provider (test/otel/instrumented.test.ts).
 */
import { generateText, type LanguageModel, stepCountIs, streamText, tool } from "ai";
import { z } from "zod";

import type { Scenario } from "./harness.js";

const SYSTEM_PROMPT = "You are a concise assistant. Answer in one sentence.";
export const TELEMETRY = { isEnabled: true, recordInputs: true, recordOutputs: true } as const;

const weatherTool = tool({
  description: "Get the current weather for a city.",
  inputSchema: z.object({
    city: z.string().describe("City name, e.g. Paris"),
    unit: z.enum(["celsius", "fahrenheit"]).optional(),
  }),
  execute: async ({ city }) => ({ city, temperature: 18, condition: "sunny" }),
});

/** Runs `call`, which must fail with the mock's HTTP 400; the SDK's error is swallowed. */
async function expectApiError(call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (error) {
    if ((error as { statusCode?: unknown }).statusCode === 400) return;
    throw error;
  }
  throw new Error("expected the mock provider to reject this request");
}

export function chatScenarios(model: LanguageModel): Array<Omit<Scenario, "notes">> {
  return [
    {
      name: "generate-text",
      run: async () => {
        await generateText({
          model,
          system: SYSTEM_PROMPT,
          prompt: "What is the capital of France?",
          temperature: 0.2,
          maxOutputTokens: 64,
          maxRetries: 0,
          experimental_telemetry: { ...TELEMETRY, functionId: "capital-question", metadata: { fixture: "vercel-ai" } },
        });
      },
    },
    {
      name: "generate-text-tools",
      run: async () => {
        // Two steps: the model asks for get_weather, the SDK runs it and sends the result back.
        const result = await generateText({
          model,
          prompt: "What's the weather like in Paris today?",
          tools: { get_weather: weatherTool },
          stopWhen: stepCountIs(2),
          maxRetries: 0,
          experimental_telemetry: TELEMETRY,
        });
        if (result.steps.length !== 2) throw new Error(`expected two steps, got ${result.steps.length}`);
      },
    },
    {
      name: "stream-text",
      run: async () => {
        const result = streamText({
          model,
          prompt: "Count from 1 to 5.",
          maxRetries: 0,
          experimental_telemetry: TELEMETRY,
        });
        let text = "";
        for await (const piece of result.textStream) text += piece;
        if (text !== "1, 2, 3, 4, 5.") throw new Error(`unexpected streamed text: ${text}`);
      },
    },
    {
      name: "generate-text-error",
      run: () =>
        expectApiError(() =>
          generateText({
            model,
            prompt: "Name three primary colors.",
            temperature: 5,
            maxRetries: 0,
            experimental_telemetry: TELEMETRY,
          }),
        ),
    },
  ];
}
