/** OpenLLMetry (Traceloop): read and written. */
import type { ConventionModule } from "../types.js";
import { emitOpenLlmetry } from "./emit.js";
import { OPENLLMETRY_DETECTION } from "./keys.js";
import { OPENLLMETRY_LOSSES } from "./losses.js";
import { parseOpenLlmetry } from "./parse/index.js";
import { OPENLLMETRY_HINTS, OPENLLMETRY_KEYS, OPENLLMETRY_KEY_PATTERNS, OPENLLMETRY_PRESENCE, OPENLLMETRY_RULES_SOURCE } from "./rules.js";
import { OPENLLMETRY_GROUPS } from "./tables.js";

export const openllmetry = {
  id: "openllmetry",
  title: "OpenLLMetry",
  doc: "docs/openllmetry.md",
  detect: OPENLLMETRY_DETECTION,
  groups: Object.values(OPENLLMETRY_GROUPS),
  parse: parseOpenLlmetry,
  rules: { source: OPENLLMETRY_RULES_SOURCE, keys: OPENLLMETRY_KEYS, presence: OPENLLMETRY_PRESENCE, hints: OPENLLMETRY_HINTS, keyPatterns: OPENLLMETRY_KEY_PATTERNS },
  emit: emitOpenLlmetry,
  losses: OPENLLMETRY_LOSSES,
} as const satisfies ConventionModule<"openllmetry">;
