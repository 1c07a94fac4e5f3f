/** OpenLLMetry (Traceloop): read and written. */
import type { ConventionModule } from "../types.js";
import { emitOpenLlmetry } from "./emit.js";
import { openllmetryReader } from "./reader.js";
import { OPENLLMETRY_HINTS, OPENLLMETRY_KEYS, OPENLLMETRY_KEY_PATTERNS, OPENLLMETRY_PRESENCE, OPENLLMETRY_RULES_SOURCE } from "./rules.js";

export const openllmetry = {
  ...openllmetryReader,
  title: "OpenLLMetry",
  doc: "docs/openllmetry.md",
  rules: { source: OPENLLMETRY_RULES_SOURCE, keys: OPENLLMETRY_KEYS, presence: OPENLLMETRY_PRESENCE, hints: OPENLLMETRY_HINTS, keyPatterns: OPENLLMETRY_KEY_PATTERNS },
  emit: emitOpenLlmetry,
} as const satisfies ConventionModule<"openllmetry">;
