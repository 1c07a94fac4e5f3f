/**
 * OpenLLMetry spans for the `cohere-ai` SDK (`@traceloop/instrumentation-cohere`, traceContent on),
 * for issue 13 (docs/issue-13-fixtures.md): rerank, whose documents the instrumentation writes as
 * `documents.N.index` = the document text (no `gen_ai.*` / `llm.*` prefix), the query as
 * `gen_ai.prompt.0.user`, and the ranking as `gen_ai.completion.N.relevanceScore` / `.content`;
 * plus a chat call and an error. The v1 `CohereClient` (the one the instrumentation patches) talks
 * to the mock (scripts/capture/mock/cohere.ts) through its `baseUrl` option.
 */
import { createRequire } from "node:module";

import { CohereInstrumentation } from "@traceloop/instrumentation-cohere";

import { mockOrigin, packageVersion, runCapture, setupTelemetry } from "./harness.js";

const require = createRequire(import.meta.url);
const telemetry = setupTelemetry("fixture-traceloop-cohere");
const instrumentation = new CohereInstrumentation({ traceContent: true });
instrumentation.setTracerProvider(telemetry.tracerProvider);
const { CohereClient } = require("cohere-ai") as typeof import("cohere-ai");
const client = new CohereClient({ token: "co-fixture-not-a-real-key", baseUrl: mockOrigin(), maxRetries: 0 } as never);

const DOCUMENTS = [
  "Berlin is the capital of Germany.",
  "Paris is the capital and largest city of France.",
  "The Eiffel Tower stands in Paris.",
  "Madrid is the capital of Spain.",
];
const RERANK = "issue-13 class 'Cohere rerank documents': documents as documents.N.index = text";

await runCapture({
  telemetry,
  convention: "openllmetry",
  instrumentation: "traceloop-cohere",
  instrumentationPackages: [packageVersion("@traceloop/instrumentation-cohere")],
  sdkPackage: packageVersion("cohere-ai"),
  scenarios: [
    {
      name: "rerank",
      run: async () => {
        await client.rerank({ model: "rerank-v3.5", query: "What is the capital of France?", documents: DOCUMENTS, topN: 3, returnDocuments: true } as never);
      },
      notes: [RERANK, "ranked documents as gen_ai.completion.N.relevanceScore / .content; search units as llm.usage.total_tokens"],
    },
    {
      name: "rerank-objects",
      run: async () => {
        await client.rerank({
          model: "rerank-v3.5",
          query: "Where is the Eiffel Tower?",
          documents: DOCUMENTS.map((text) => ({ text })),
          topN: 2,
        } as never);
      },
      notes: [
        RERANK,
        "documents given as {text} objects; without returnDocuments only gen_ai.completion.N.relevanceScore is written, and which document each score belongs to (the result index) is not recorded",
      ],
    },
    {
      name: "chat",
      notes: ["gen_ai.system \"Cohere\" (capitalised, not the GenAI value cohere); token counts of the reply not recorded"],
      run: async () => {
        await client.chat({ model: "command-r-08-2024", message: "What is the capital of France?", temperature: 0.2 });
      },
    },
    {
      name: "chat-error",
      run: async () => {
        try {
          await client.chat({ model: "command-r-08-2024", message: "Name three primary colors.", temperature: 5 });
        } catch (error) {
          if ((error as { statusCode?: unknown }).statusCode === 400) return;
          throw error;
        }
        throw new Error("expected the mock provider to reject this request");
      },
    },
  ],
  notes: ["v1 CohereClient (rerank, chat) with traceContent; spans cohere.rerank / cohere.chat"],
});

instrumentation.disable();
