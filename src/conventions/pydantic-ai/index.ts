/** Pydantic AI (and Logfire's instrumentation of it): GenAI keys plus the agent run's and v2 tools' own keys. Read only. */
import type { ConventionModule } from "../types.js";
import { PYDANTIC_SCOPE } from "./keys.js";
import { parsePydanticAi } from "./parse.js";
import { PYDANTIC_HINTS, PYDANTIC_KEYS, PYDANTIC_PRESENCE, PYDANTIC_RULES_SOURCE } from "./rules.js";

export const pydanticAi = {
  id: "pydantic-ai",
  title: "Pydantic AI",
  doc: "docs/pydantic-ai.md",
  // `gen_ai.aggregated_usage.*`, `final_result` and `tool_arguments` are GenAI-space or generic names:
  // the span is known by its own `pydantic_ai.` keys or by its scope.
  detect: [{ prefix: "pydantic_ai." }],
  detectScopes: [PYDANTIC_SCOPE],
  parse: parsePydanticAi,
  rules: { source: PYDANTIC_RULES_SOURCE, keys: PYDANTIC_KEYS, presence: PYDANTIC_PRESENCE, hints: PYDANTIC_HINTS },
} as const satisfies ConventionModule<"pydantic-ai">;
