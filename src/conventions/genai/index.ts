/** The OTel GenAI semantic conventions (`gen_ai.*`): read and written. */
import type { ConventionModule } from "../types.js";
import { emitGenAi } from "./emit.js";
import { GENAI_DETECTION, GENAI_EVENT_PREFIX } from "./keys.js";
import { GENAI_LOSSES } from "./losses.js";
import { parseGenAi } from "./parse/index.js";
import { GENAI_EVENTS, GENAI_HINTS, GENAI_KEYS, GENAI_PRESENCE, GENAI_RULES_SOURCE } from "./rules.js";
import { GENAI_GROUPS } from "./tables.js";

export const genai = {
  id: "genai",
  title: "OTel GenAI",
  doc: "docs/genai.md",
  detect: GENAI_DETECTION,
  detectEvents: [GENAI_EVENT_PREFIX],
  groups: Object.values(GENAI_GROUPS),
  parse: parseGenAi,
  rules: { source: GENAI_RULES_SOURCE, keys: GENAI_KEYS, presence: GENAI_PRESENCE, hints: GENAI_HINTS, events: GENAI_EVENTS },
  emit: emitGenAi,
  losses: GENAI_LOSSES,
} as const satisfies ConventionModule<"genai">;
