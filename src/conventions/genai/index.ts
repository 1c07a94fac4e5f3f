/** The OTel GenAI semantic conventions (`gen_ai.*`): read and written. */
import type { ConventionModule } from "../types.js";
import { emitGenAi } from "./emit.js";
import { genaiReader } from "./reader.js";
import { GENAI_EVENTS, GENAI_HINTS, GENAI_KEYS, GENAI_PRESENCE, GENAI_RULES_SOURCE } from "./rules.js";

export const genai = {
  ...genaiReader,
  title: "OTel GenAI",
  doc: "docs/genai.md",
  rules: { source: GENAI_RULES_SOURCE, keys: GENAI_KEYS, presence: GENAI_PRESENCE, hints: GENAI_HINTS, events: GENAI_EVENTS },
  emit: emitGenAi,
} as const satisfies ConventionModule<"genai">;
