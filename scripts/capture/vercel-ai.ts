/**
 * Spans of the Vercel AI SDK (`ai`), which traces itself: with `experimental_telemetry.isEnabled`
 * every call opens an outer span (`ai.generateText`, `ai.streamText`, `ai.embed`) and one inner
 * span per provider request (`ai.generateText.doGenerate`, `ai.streamText.doStream`,
 * `ai.embed.doEmbed`), plus an `ai.toolCall` span for every tool it executes. They are taken from
 * the global tracer provider (`trace.getTracer("ai")`); no instrumentation package is involved.
 * `recordInputs` / `recordOutputs` are on, so prompts and completions are recorded too.
 *
 * Run twice by run.ts: with the OpenAI provider (`@ai-sdk/openai`, chat completions API, fixtures
 * `vercel-ai__*`) and with `--anthropic` (`@ai-sdk/anthropic`, fixtures `vercel-ai-anthropic__*`).
 * The providers are pointed at the mock provider with a dummy key and never retry.
 *
 * The requests mirror scenarios.ts (same prompts, same tool) so these files can be compared with
 * the other instrumentations' ones, but they go through the AI SDK's own API.
 */
import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import { embed } from "ai";

import { mockOrigin, packageVersion, runCapture, type Scenario, setupTelemetry } from "./harness.js";
import { chatScenarios, TELEMETRY } from "./vercel-scenarios.js";

const useAnthropic = process.argv.includes("--anthropic");
const name = useAnthropic ? "vercel-ai-anthropic" : "vercel-ai";

const telemetry = setupTelemetry(`fixture-${name}`);

const withNotes = (scenarios: Array<Omit<Scenario, "notes">>, notes: Readonly<Record<string, readonly string[]>>): Scenario[] =>
  scenarios.map((s) => ({ ...s, notes: notes[s.name] ?? [] }));

const COMMON_NOTES = [
  "spans come from the `ai` package itself (scope ai, all INTERNAL): an outer ai.generateText / ai.streamText / ai.embed span, one inner .doGenerate / .doStream / .doEmbed span per provider request, and ai.toolCall per executed tool, a child of the outer span (sibling of the steps)",
  "gen_ai.* keys only on the inner chat spans: gen_ai.system = the AI SDK provider id (openai.chat, anthropic.messages), gen_ai.request.model / max_tokens / temperature, gen_ai.response.id / model / finish_reasons, gen_ai.usage.input_tokens / output_tokens; no gen_ai.operation.name and no content in gen_ai.* keys",
  "finish reasons are the AI SDK's unified values (stop, tool-calls), not the provider's",
  "messages only in ai.* keys: ai.prompt (JSON {system?, prompt | messages}) on the outer span; ai.prompt.messages (JSON list; content as typed parts text / tool-call with input object / tool-result with output {type, value}) on inner spans; ai.prompt.tools (string list of JSON tool definitions with inputSchema) and ai.prompt.toolChoice on inner spans",
  "output as ai.response.text, ai.response.toolCalls (JSON list of {toolCallId, toolName, input as JSON string}) and ai.response.finishReason, on outer and inner spans",
  "usage also as ai.usage.inputTokens (includes cache reads and writes) / outputTokens / totalTokens / cachedInputTokens, ai.usage.inputTokenDetails.noCacheTokens / cacheReadTokens / cacheWriteTokens, ai.usage.outputTokenDetails.textTokens / reasoningTokens; the outer span sums all steps",
  "request settings as ai.settings.*; functionId as ai.telemetry.functionId and resource.name and appended to operation.name; metadata as ai.telemetry.metadata.<key>; ai.model.provider / ai.model.id; ai.request.headers.user-agent",
];

if (useAnthropic) {
  const anthropic = createAnthropic({ apiKey: "sk-ant-fixture-not-a-real-key", baseURL: `${mockOrigin()}/v1` });
  const model = anthropic("claude-haiku-4-5");
  await runCapture({
    telemetry,
    convention: "vercel-ai",
    instrumentation: name,
    instrumentationPackages: [packageVersion("ai")],
    sdkPackage: packageVersion("@ai-sdk/anthropic"),
    // No error scenario: @ai-sdk/anthropic clamps temperature 5 to 1 (with a warning), so the
    // mock's HTTP 400 is never triggered.
    scenarios: withNotes(
      chatScenarios(model).filter((s) => s.name !== "generate-text-error"),
      {
        "generate-text": [
          "input tokens 3093 = 21 + cache read 2048 + cache write 1024 in ai.usage.inputTokens and gen_ai.usage.input_tokens alike; raw Anthropic usage in ai.response.providerMetadata",
        ],
        "generate-text-tools": [
          "the tool-calling step has text too (ai.response.text) besides ai.response.toolCalls; outer span usage = both steps (914 / 87)",
        ],
        "stream-text": [
          "ai.response.msToFirstChunk / msToFinish / avgOutputTokensPerSecond are measured and vary between runs; events ai.stream.firstChunk and ai.stream.finish",
        ],
      },
    ),
    notes: [
      ...COMMON_NOTES,
      "no error scenario: @ai-sdk/anthropic clamps temperature 5 to 1.0 before sending, so the mock never answers 400",
      "ai.response.timestamp is the wall clock at capture time (Anthropic replies carry no creation time): not rebased, varies between runs",
    ],
  });
} else {
  const openai = createOpenAI({ apiKey: "sk-fixture-not-a-real-key", baseURL: `${mockOrigin()}/v1` });
  const model = openai.chat("gpt-4o-mini");
  const embedding = openai.embedding("text-embedding-3-small");
  await runCapture({
    telemetry,
    convention: "vercel-ai",
    instrumentation: name,
    instrumentationPackages: [packageVersion("ai")],
    sdkPackage: packageVersion("@ai-sdk/openai"),
    scenarios: withNotes(
      [
        ...chatScenarios(model),
        {
          name: "embed",
          run: async () => {
            const result = await embed({
              model: embedding,
              value: "The quick brown fox",
              providerOptions: { openai: { dimensions: 8 } },
              maxRetries: 0,
              experimental_telemetry: TELEMETRY,
            });
            if (result.embedding.length !== 8) throw new Error(`expected 8 dimensions, got ${result.embedding.length}`);
          },
        },
      ],
      {
        "generate-text": [
          "cached (16) and reasoning (4) tokens only in ai.usage.* (cachedInputTokens, inputTokenDetails.cacheReadTokens, reasoningTokens, outputTokenDetails.reasoningTokens)",
        ],
        "generate-text-tools": [
          "the tool-calling step has no ai.response.text; the follow-up step's ai.prompt.messages holds the assistant tool-call and the tool-result turn; outer span usage = both steps (200 / 33)",
        ],
        "stream-text": [
          "ai.response.msToFirstChunk / msToFinish / avgOutputTokensPerSecond are measured and vary between runs; events ai.stream.firstChunk and ai.stream.finish",
        ],
        "generate-text-error": [
          "exception.type AI_APICallError on both spans; no response or usage keys; temperature 5 written as intValue",
        ],
        embed: [
          "no gen_ai.* keys at all; input as ai.value / ai.values (JSON-encoded strings), vectors as ai.embedding / ai.embeddings (JSON strings); tokens only as ai.usage.tokens",
        ],
      },
    ),
    notes: [...COMMON_NOTES, "openai.chat(...) model: the chat completions API (the default openai(...) model uses the Responses API)"],
  });
}
