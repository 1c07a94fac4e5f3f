/** Mastra (`@mastra/otel-exporter`): GenAI keys plus `mastra.*` span types and content. Read only. */
import type { ConventionModule } from "../types.js";
import { mastraReader } from "./reader.js";
import { MASTRA_HINTS, MASTRA_KEYS, MASTRA_PRESENCE, MASTRA_RULES_SOURCE } from "./rules.js";

export const mastra = {
  ...mastraReader,
  title: "Mastra",
  doc: "docs/mastra.md",
  rules: { source: MASTRA_RULES_SOURCE, keys: MASTRA_KEYS, presence: MASTRA_PRESENCE, hints: MASTRA_HINTS },
} as const satisfies ConventionModule<"mastra">;
