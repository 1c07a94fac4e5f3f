/** The Vercel AI SDK's own `ai.*` telemetry keys: read only (emit AI SDK spans as GenAI, OpenInference or OpenLLMetry). */
import type { ConventionModule } from "../types.js";
import { vercelAiReader } from "./reader.js";
import { VERCEL_HINTS, VERCEL_KEYS, VERCEL_PRESENCE, VERCEL_RULES_SOURCE } from "./rules.js";

export const vercelAi = {
  ...vercelAiReader,
  title: "Vercel AI SDK",
  doc: "docs/vercel-ai.md",
  rules: { source: VERCEL_RULES_SOURCE, keys: VERCEL_KEYS, presence: VERCEL_PRESENCE, hints: VERCEL_HINTS },
} as const satisfies ConventionModule<"vercel-ai">;
