/**
 * The SDK calls every capture makes, shared so that all instrumentations of one SDK see exactly
 * the same requests and their fixtures can be compared side by side. The mock provider picks its
 * reply from the request content (see mock-provider.ts).
 */
import type Anthropic from "@anthropic-ai/sdk";
import type OpenAI from "openai";

import type { Scenario } from "./harness.js";

const SYSTEM_PROMPT = "You are a concise assistant. Answer in one sentence.";

const OPENAI_MODEL = "gpt-4o-mini";
/** The weather tool every OpenAI scenario offers (the from-source MLflow autolog spans reuse it). */
export const OPENAI_WEATHER_TOOL: OpenAI.Chat.Completions.ChatCompletionTool = {
  type: "function",
  function: {
    name: "get_weather",
    description: "Get the current weather for a city.",
    parameters: {
      type: "object",
      properties: {
        city: { type: "string", description: "City name, e.g. Paris" },
        unit: { type: "string", enum: ["celsius", "fahrenheit"] },
      },
      required: ["city"],
      additionalProperties: false,
    },
  },
};

/**
 * Runs `call`, which must fail with an API error (the mock answers HTTP 400); the error is
 * swallowed because the instrumentation, not the caller, is what the fixture is about.
 */
async function expectApiError(call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    if (status === 400) return;
    throw error;
  }
  throw new Error("expected the mock provider to reject this request");
}

export type ScenarioNotes = Readonly<Record<string, readonly string[]>>;

/** Scenarios for `openai` chat completions and embeddings; `notes` are keyed by scenario name. */
export function openaiScenarios(client: OpenAI, notes: ScenarioNotes = {}): Scenario[] {
  const scenarios: Array<Omit<Scenario, "notes">> = [
    {
      name: "chat",
      run: async () => {
        await client.chat.completions.create({
          model: OPENAI_MODEL,
          messages: [
            { role: "system", content: SYSTEM_PROMPT },
            { role: "user", content: "What is the capital of France?" },
          ],
          temperature: 0.2,
          max_tokens: 64,
        });
      },
    },
    {
      name: "chat-tools",
      run: async () => {
        await client.chat.completions.create({
          model: OPENAI_MODEL,
          messages: [{ role: "user", content: "What's the weather like in Paris today?" }],
          tools: [OPENAI_WEATHER_TOOL],
          tool_choice: "auto",
        });
      },
    },
    {
      name: "chat-tool-result",
      run: async () => {
        await client.chat.completions.create({
          model: OPENAI_MODEL,
          messages: [
            { role: "user", content: "What's the weather like in Paris today?" },
            {
              role: "assistant",
              content: null,
              tool_calls: [
                {
                  id: "call_fixture_0001",
                  type: "function",
                  function: { name: "get_weather", arguments: '{"city":"Paris","unit":"celsius"}' },
                },
              ],
            },
            { role: "tool", tool_call_id: "call_fixture_0001", content: '{"temperature":18,"condition":"sunny"}' },
          ],
          tools: [OPENAI_WEATHER_TOOL],
        });
      },
    },
    {
      name: "chat-stream",
      run: async () => {
        const stream = await client.chat.completions.create({
          model: OPENAI_MODEL,
          messages: [{ role: "user", content: "Count from 1 to 5." }],
          stream: true,
          stream_options: { include_usage: true },
        });
        let text = "";
        for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
        if (text !== "1, 2, 3, 4, 5.") throw new Error(`unexpected streamed text: ${text}`);
      },
    },
    {
      name: "chat-error",
      run: () =>
        expectApiError(() =>
          client.chat.completions.create({
            model: OPENAI_MODEL,
            messages: [{ role: "user", content: "Name three primary colors." }],
            temperature: 5,
          }),
        ),
    },
    {
      name: "embeddings",
      run: async () => {
        const result = await client.embeddings.create({
          model: "text-embedding-3-small",
          input: ["The quick brown fox", "jumps over the lazy dog"],
          dimensions: 8,
        });
        if (result.data.length !== 2) throw new Error("expected two embeddings");
      },
    },
  ];
  return scenarios.map((s) => ({ ...s, notes: notes[s.name] ?? [] }));
}

const ANTHROPIC_MODEL = "claude-haiku-4-5";
const ANTHROPIC_WEATHER_TOOL: Anthropic.Messages.Tool = {
  name: "get_weather",
  description: "Get the current weather for a city.",
  input_schema: {
    type: "object",
    properties: {
      city: { type: "string", description: "City name, e.g. Paris" },
      unit: { type: "string", enum: ["celsius", "fahrenheit"] },
    },
    required: ["city"],
  },
};

/** Scenarios for `@anthropic-ai/sdk` messages; `notes` are keyed by scenario name. */
export function anthropicScenarios(client: Anthropic, notes: ScenarioNotes = {}): Scenario[] {
  const scenarios: Array<Omit<Scenario, "notes">> = [
    {
      name: "messages",
      run: async () => {
        await client.messages.create({
          model: ANTHROPIC_MODEL,
          max_tokens: 256,
          system: SYSTEM_PROMPT,
          messages: [{ role: "user", content: "What is the capital of France?" }],
          temperature: 0.2,
        });
      },
    },
    {
      name: "messages-tools",
      run: async () => {
        await client.messages.create({
          model: ANTHROPIC_MODEL,
          max_tokens: 256,
          messages: [{ role: "user", content: "What's the weather like in Paris today?" }],
          tools: [ANTHROPIC_WEATHER_TOOL],
        });
      },
    },
    {
      name: "messages-tool-result",
      run: async () => {
        await client.messages.create({
          model: ANTHROPIC_MODEL,
          max_tokens: 256,
          messages: [
            { role: "user", content: "What's the weather like in Paris today?" },
            {
              role: "assistant",
              content: [
                { type: "text", text: "I'll look up the current weather in Paris." },
                {
                  type: "tool_use",
                  id: "toolu_fixture_0001",
                  name: "get_weather",
                  input: { city: "Paris", unit: "celsius" },
                },
              ],
            },
            {
              role: "user",
              content: [
                {
                  type: "tool_result",
                  tool_use_id: "toolu_fixture_0001",
                  content: '{"temperature":18,"condition":"sunny"}',
                },
              ],
            },
          ],
          tools: [ANTHROPIC_WEATHER_TOOL],
        });
      },
    },
    {
      name: "messages-stream",
      run: async () => {
        const stream = await client.messages.create({
          model: ANTHROPIC_MODEL,
          max_tokens: 256,
          messages: [{ role: "user", content: "Count from 1 to 5." }],
          stream: true,
        });
        let text = "";
        for await (const event of stream) {
          if (event.type === "content_block_delta" && event.delta.type === "text_delta") text += event.delta.text;
        }
        if (text !== "1, 2, 3, 4, 5.") throw new Error(`unexpected streamed text: ${text}`);
      },
    },
    {
      name: "messages-error",
      run: () =>
        expectApiError(() =>
          client.messages.create({
            model: ANTHROPIC_MODEL,
            max_tokens: 256,
            messages: [{ role: "user", content: "Name three primary colors." }],
            temperature: 5,
          }),
        ),
    },
  ];
  return scenarios.map((s) => ({ ...s, notes: notes[s.name] ?? [] }));
}
