/** The read side of the OTel GenAI module (detection and parser): what translation needs; index.ts adds the rest. */
import type { ConventionReader } from "../types.js";
import { GENAI_DETECTION, GENAI_EVENT_PREFIX } from "./keys.js";
import { parseGenAi } from "./parse/index.js";
import { GENAI_GROUPS } from "./tables.js";

export const genaiReader = {
  id: "genai",
  detect: GENAI_DETECTION,
  detectEvents: [GENAI_EVENT_PREFIX],
  groups: Object.values(GENAI_GROUPS),
  parse: parseGenAi,
} as const satisfies ConventionReader<"genai">;
