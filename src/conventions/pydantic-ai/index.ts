/** Pydantic AI (and Logfire's instrumentation of it): GenAI keys plus the agent run's and v2 tools' own keys. Read only. */
import type { ConventionModule } from "../types.js";
import { pydanticAiReader } from "./reader.js";
import { PYDANTIC_HINTS, PYDANTIC_KEYS, PYDANTIC_PRESENCE, PYDANTIC_RULES_SOURCE } from "./rules.js";

export const pydanticAi = {
  ...pydanticAiReader,
  title: "Pydantic AI",
  doc: "docs/pydantic-ai.md",
  rules: { source: PYDANTIC_RULES_SOURCE, keys: PYDANTIC_KEYS, presence: PYDANTIC_PRESENCE, hints: PYDANTIC_HINTS },
} as const satisfies ConventionModule<"pydantic-ai">;
