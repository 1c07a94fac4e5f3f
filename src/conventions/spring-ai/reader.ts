/** The read side of the Spring AI module (detection and parser): what translation needs; index.ts adds the rest. */
import type { ConventionReader } from "../types.js";
import { parseSpringAi } from "./parse.js";

export const springAiReader = {
  id: "spring-ai",
  detect: [{ prefix: "spring.ai." }],
  // Spring's singular `embedding` operation (AiOperationType; the GenAI spec says `embeddings`) marks its embedding spans.
  detectValues: [{ key: "gen_ai.operation.name", value: "embedding" }],
  detectEvents: ["gen_ai.content.prompt", "gen_ai.content.completion"],
  parse: parseSpringAi,
} as const satisfies ConventionReader<"spring-ai">;
