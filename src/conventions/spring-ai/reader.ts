/** The read side of the Spring AI module (detection and parser): what translation needs; index.ts adds the rest. */
import type { ConventionReader } from "../types.js";
import { parseSpringAi } from "./parse.js";

export const springAiReader = {
  id: "spring-ai",
  detect: [{ prefix: "spring.ai." }],
  // Spring's singular `embedding` operation (AiOperationType; the GenAI spec says `embeddings`) marks its embedding spans.
  detectValues: [{ key: "gen_ai.operation.name", value: "embedding" }],
  detectEvents: ["gen_ai.content.prompt", "gen_ai.content.completion"],
  // Spring Boot's observation bridge names every tracer `org.springframework.boot`; a chat span without
  // tools carries only GenAI keys, so the scope is what tells it apart (only spans with LLM keys are refined).
  detectScopes: ["org.springframework.boot"],
  parse: parseSpringAi,
} as const satisfies ConventionReader<"spring-ai">;
