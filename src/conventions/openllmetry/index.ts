/** OpenLLMetry (Traceloop): read and written. */
import type { ConventionModule } from "../types.js";
import { emitOpenLlmetry } from "./emit.js";
import { OPENLLMETRY_LOSSES } from "./losses.js";
import { openllmetryReader } from "./reader.js";
import { OPENLLMETRY_HINTS, OPENLLMETRY_KEYS, OPENLLMETRY_PRESENCE } from "./rules.js";

export const openllmetry = {
  ...openllmetryReader,
  title: "OpenLLMetry",
  doc: "docs/openllmetry.md",
  rules: { keys: OPENLLMETRY_KEYS, presence: OPENLLMETRY_PRESENCE, hints: OPENLLMETRY_HINTS },
  emit: emitOpenLlmetry,
  losses: OPENLLMETRY_LOSSES,
} as const satisfies ConventionModule<"openllmetry">;
