/**
 * Manual OpenInference spans from `@arizeai/openinference-core`: the `trace*` wrappers an application
 * uses around its own code (agents, chains, tools, retrievers, rerankers, embedders, guardrails,
 * evaluators, prompt templates), with the attribute helpers (`getLLMAttributes`,
 * `getRetrieverAttributes`, …) for the structured parts and the context helpers for session, user,
 * metadata, tags and prompt templates. No provider is called: the "model" is a local function, so the
 * span contents are exactly what the helpers write.
 */
import { context } from "@opentelemetry/api";
import {
  getDocumentAttributes,
  getEmbeddingAttributes,
  getLLMAttributes,
  getRetrieverAttributes,
  getToolAttributes,
  setMetadata,
  setPromptTemplate,
  setSession,
  setTags,
  setUser,
  traceAgent,
  traceChain,
  traceEmbedding,
  traceEvaluator,
  traceGuardrail,
  traceLLM,
  tracePrompt,
  traceReranker,
  traceRetriever,
  traceTool,
} from "@arizeai/openinference-core";

import { packageVersion, runCapture, setupTelemetry, type Scenario } from "./harness.js";

const telemetry = setupTelemetry("fixture-openinference-core");

const WEATHER_TOOL = {
  type: "function",
  function: {
    name: "get_weather",
    description: "Get the current weather for a city.",
    parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  },
};

const DOCS = [
  { id: "doc-1", content: "Paris is the capital of France.", score: 0.92, metadata: { source: "atlas", page: 12 } },
  { id: "doc-2", content: "Lyon is known for its cuisine.", score: 0.41, metadata: { source: "guide" } },
  { id: 3, content: "The Seine flows through Paris.", score: 0.77, metadata: '{"source":"rivers"}' },
];

// ---------------------------------------------------------------------------------------------
// Scenario "agent": AGENT -> LLM (tool call) -> TOOL -> LLM (answer), in a session.

const getWeather = traceTool((city: string) => ({ city, temperature: 18, condition: "sunny" }), {
  name: "get_weather",
  processInput: (city: string) => ({
    ...getToolAttributes({ name: "get_weather", description: "Get the current weather for a city.", parameters: WEATHER_TOOL.function.parameters }),
    "input.value": JSON.stringify({ city }),
    "input.mime_type": "application/json",
  }),
});

const planStep = traceLLM(
  (_question: string) => ({ toolCall: { id: "call_core_0001", name: "get_weather", arguments: { city: "Paris" } } }),
  {
    name: "plan",
    processInput: (question: string) =>
      getLLMAttributes({
        provider: "openai",
        system: "openai",
        requestModelName: "gpt-4o-mini",
        responseModelName: "gpt-4o-mini-2024-07-18",
        invocationParameters: { temperature: 0 },
        inputMessages: [
          { role: "system", content: "You answer weather questions with the get_weather tool." },
          {
            role: "user",
            contents: [
              { type: "text", text: question },
              { type: "image", image: { url: "https://example.com/paris.png" } },
            ],
          },
        ],
        tools: [{ jsonSchema: WEATHER_TOOL }],
      }),
    processOutput: () =>
      getLLMAttributes({
        outputMessages: [
          { role: "assistant", toolCalls: [{ id: "call_core_0001", function: { name: "get_weather", arguments: { city: "Paris" } } }] },
        ],
        tokenCount: { prompt: 120, completion: 18, total: 138, promptDetails: { cacheRead: 64 } },
      }),
  },
);

const answerStep = traceLLM((_weather: unknown) => "It is 18 °C and sunny in Paris.", {
  name: "answer",
  processInput: (weather: unknown) =>
    getLLMAttributes({
      provider: "openai",
      modelName: "gpt-4o-mini-2024-07-18",
      inputMessages: [
        { role: "user", content: "What's the weather in Paris?" },
        { role: "assistant", toolCalls: [{ id: "call_core_0001", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }] },
        { role: "tool", toolCallId: "call_core_0001", content: JSON.stringify(weather) },
      ],
    }),
  processOutput: (text: string) =>
    getLLMAttributes({
      outputMessages: [
        {
          role: "assistant",
          contents: [
            { type: "reasoning", text: "The tool says sunny, 18 degrees.", signature: "sig-core" },
            { type: "text", text },
          ],
        },
      ],
      tokenCount: { prompt: 160, completion: 12, total: 172 },
    }),
});

const weatherAgent = traceAgent(
  async (question: string) => {
    planStep(question);
    const weather = getWeather("Paris");
    return answerStep(weather);
  },
  { name: "weather_agent" },
);

// ---------------------------------------------------------------------------------------------
// Scenario "rag": CHAIN -> EMBEDDING -> RETRIEVER -> RERANKER -> PROMPT -> LLM.

const embedQuery = traceEmbedding((_text: string) => [0.25, -0.5, 0.125], {
  name: "embed_query",
  processInput: (text: string) => ({ "input.value": text, "input.mime_type": "text/plain" }),
  processOutput: (vector: number[]) => getEmbeddingAttributes({ modelName: "text-embedding-3-small", embeddings: [{ text: "capital of France", vector }] }),
});

const retrieve = traceRetriever((_query: string) => DOCS, {
  name: "vector_search",
  processOutput: (docs: typeof DOCS) => getRetrieverAttributes({ documents: docs }),
});

const rerank = traceReranker((query: string, docs: typeof DOCS) => [...docs].sort((a, b) => b.score - a.score).slice(0, 2), {
  name: "rerank",
  processInput: (query: string, docs: typeof DOCS) => {
    const attrs: Record<string, string | number> = { "reranker.query": query, "reranker.model_name": "cross-encoder/ms-marco-MiniLM-L-6-v2", "reranker.top_k": 2 };
    docs.forEach((d, i) => Object.assign(attrs, getDocumentAttributes(d, i, "reranker.input_documents")));
    return attrs;
  },
  processOutput: (docs: typeof DOCS) => {
    const attrs: Record<string, string | number> = {};
    docs.forEach((d, i) => Object.assign(attrs, getDocumentAttributes(d, i, "reranker.output_documents")));
    return attrs;
  },
});

const renderPrompt = tracePrompt((question: string, docs: typeof DOCS) => `Context:\n${docs.map((d) => d.content).join("\n")}\n\nQuestion: ${question}`, {
  name: "render_prompt",
});

const generate = traceLLM((_prompt: string) => "Paris.", {
  name: "generate",
  processInput: (prompt: string) =>
    getLLMAttributes({ provider: "anthropic", system: "anthropic", modelName: "claude-haiku-4-5", inputMessages: [{ role: "user", content: prompt }], invocationParameters: { max_tokens: 64 } }),
  processOutput: (text: string) =>
    getLLMAttributes({ outputMessages: [{ role: "assistant", content: text }], tokenCount: { prompt: 3093, completion: 3, total: 3096, promptDetails: { cacheRead: 2048, cacheWrite: 1024 } } }),
});

const ragChain = traceChain(
  async (question: string) => {
    embedQuery("capital of France");
    const docs = retrieve(question);
    const top = rerank(question, docs);
    const prompt = context.with(
      setPromptTemplate(context.active(), { template: "Context:\n{context}\n\nQuestion: {question}", variables: { question }, version: "v1" }),
      () => renderPrompt(question, top),
    );
    return generate(prompt);
  },
  { name: "rag_pipeline" },
);

// ---------------------------------------------------------------------------------------------
// Scenario "guardrail-evaluator": GUARDRAIL and EVALUATOR spans, one of them failing.

const checkInput = traceGuardrail(
  (text: string) => {
    if (text.includes("password")) throw new Error("guardrail: input asks for credentials");
    return { allowed: true };
  },
  { name: "input_guardrail" },
);

const judge = traceEvaluator((answer: string, reference: string) => ({ score: answer === reference ? 1 : 0, label: answer === reference ? "correct" : "incorrect" }), {
  name: "exact_match",
});

const scenarios: Scenario[] = [
  {
    name: "agent",
    run: async () => {
      const ctx = setTags(setMetadata(setUser(setSession(context.active(), { sessionId: "session-core-1" }), { userId: "user-core-1" }), { tenant: "acme", experiment: 7 }), ["weather", "demo"]);
      await context.with(ctx, () => weatherAgent("What's the weather in Paris?"));
    },
    notes: [
      "AGENT wrapping two LLM spans and a TOOL span; session.id, user.id, metadata, tag.tags on every span from the context helpers",
      "tag.tags is written as a JSON string, not the string list the spec names",
      "no llm.finish_reason: getLLMAttributes has no option for it",
    ],
  },
  {
    name: "rag",
    run: async () => {
      await ragChain("What is the capital of France?");
    },
    notes: ["CHAIN wrapping EMBEDDING, RETRIEVER, RERANKER, PROMPT (with llm.prompt_template.*) and LLM spans"],
  },
  {
    name: "guardrail-evaluator",
    run: async () => {
      checkInput("What is the capital of France?");
      try {
        checkInput("Tell me the admin password");
      } catch {
        // expected: the second call is blocked
      }
      judge("Paris", "Paris");
    },
    notes: ["two GUARDRAIL spans (the second status ERROR with an exception event) and an EVALUATOR span"],
  },
];

await runCapture({
  telemetry,
  convention: "openinference",
  instrumentation: "openinference-core",
  instrumentationPackages: [packageVersion("@arizeai/openinference-core")],
  sdkPackage: "(none: application code)",
  scenarios,
  notes: ["manual spans from the trace* wrappers; structured attributes from the get*Attributes helpers"],
});
