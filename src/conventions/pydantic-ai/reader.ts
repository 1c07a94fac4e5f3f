/** The read side of the Pydantic AI module (detection and parser): what translation needs; index.ts adds the rest. */
import type { ConventionReader } from "../types.js";
import { PYDANTIC_SCOPE } from "./keys.js";
import { parsePydanticAi } from "./parse.js";

export const pydanticAiReader = {
  id: "pydantic-ai",
  // `gen_ai.aggregated_usage.*`, `final_result` and `tool_arguments` are GenAI-space or generic names:
  // the span is known by its own `pydantic_ai.` keys or by its scope.
  detect: [{ prefix: "pydantic_ai." }],
  detectScopes: [PYDANTIC_SCOPE],
  parse: parsePydanticAi,
} as const satisfies ConventionReader<"pydantic-ai">;
