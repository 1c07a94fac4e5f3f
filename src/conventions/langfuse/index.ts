/** Langfuse SDK v3+ (`langfuse.observation.*`): read only (emit Langfuse spans as GenAI, OpenInference or OpenLLMetry). */
import type { ConventionModule } from "../types.js";
import { langfuseReader } from "./reader.js";
import { LANGFUSE_HINTS, LANGFUSE_KEYS, LANGFUSE_PRESENCE, LANGFUSE_RULES_SOURCE } from "./rules.js";

export const langfuse = {
  ...langfuseReader,
  title: "Langfuse",
  doc: "docs/langfuse.md",
  rules: { source: LANGFUSE_RULES_SOURCE, keys: LANGFUSE_KEYS, presence: LANGFUSE_PRESENCE, hints: LANGFUSE_HINTS },
} as const satisfies ConventionModule<"langfuse">;
