/** The Vercel AI SDK's own `ai.*` telemetry keys: read only (emit AI SDK spans as GenAI, OpenInference or OpenLLMetry). */
import type { ConventionModule } from "../types.js";
import { VERCEL_DETECTION } from "./keys.js";
import { parseVercelAi } from "./parse/index.js";
import { VERCEL_HINTS, VERCEL_KEYS, VERCEL_PRESENCE, VERCEL_RULES_SOURCE } from "./rules.js";
import { VERCEL_GROUPS } from "./tables.js";

export const vercelAi = {
  id: "vercel-ai",
  title: "Vercel AI SDK",
  doc: "docs/vercel-ai.md",
  detect: VERCEL_DETECTION,
  groups: Object.values(VERCEL_GROUPS),
  parse: parseVercelAi,
  rules: { source: VERCEL_RULES_SOURCE, keys: VERCEL_KEYS, presence: VERCEL_PRESENCE, hints: VERCEL_HINTS },
} as const satisfies ConventionModule<"vercel-ai">;
