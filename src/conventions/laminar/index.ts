/** Laminar (`lmnr.span.*` on observe() spans; its LLM spans are OpenLLMetry / GenAI): read only. */
import type { ConventionModule } from "../types.js";
import { laminarReader } from "./reader.js";
import { LAMINAR_HINTS, LAMINAR_KEYS, LAMINAR_PRESENCE, LAMINAR_RULES_SOURCE } from "./rules.js";

export const laminar = {
  ...laminarReader,
  title: "Laminar",
  doc: "docs/laminar.md",
  rules: { source: LAMINAR_RULES_SOURCE, keys: LAMINAR_KEYS, presence: LAMINAR_PRESENCE, hints: LAMINAR_HINTS },
} as const satisfies ConventionModule<"laminar">;
