/** OpenInference (Arize / Phoenix): read and written. */
import type { ConventionModule } from "../types.js";
import { emitOpenInference } from "./emit.js";
import { openinferenceReader } from "./reader.js";
import { OPENINFERENCE_HINTS, OPENINFERENCE_KEYS, OPENINFERENCE_PRESENCE, OPENINFERENCE_RULES_SOURCE } from "./rules.js";

export const openinference = {
  ...openinferenceReader,
  title: "OpenInference",
  doc: "docs/openinference.md",
  rules: { source: OPENINFERENCE_RULES_SOURCE, keys: OPENINFERENCE_KEYS, presence: OPENINFERENCE_PRESENCE, hints: OPENINFERENCE_HINTS },
  emit: emitOpenInference,
} as const satisfies ConventionModule<"openinference">;
