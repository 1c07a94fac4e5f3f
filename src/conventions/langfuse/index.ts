/** Langfuse SDK v3+ (`langfuse.observation.*`): read only (emit Langfuse spans as GenAI, OpenInference or OpenLLMetry). */
import type { ConventionModule } from "../types.js";
import { LANGFUSE_DETECTION } from "./keys.js";
import { parseLangfuse } from "./parse/index.js";
import { LANGFUSE_HINTS, LANGFUSE_KEYS, LANGFUSE_PRESENCE, LANGFUSE_RULES_SOURCE } from "./rules.js";

export const langfuse = {
  id: "langfuse",
  title: "Langfuse",
  doc: "docs/langfuse.md",
  detect: LANGFUSE_DETECTION,
  parse: parseLangfuse,
  rules: { source: LANGFUSE_RULES_SOURCE, keys: LANGFUSE_KEYS, presence: LANGFUSE_PRESENCE, hints: LANGFUSE_HINTS },
} as const satisfies ConventionModule<"langfuse">;
