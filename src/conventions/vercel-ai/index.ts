/** The Vercel AI SDK's own `ai.*` telemetry keys: read only (emit AI SDK spans as GenAI, OpenInference or OpenLLMetry). */
import type { ConventionModule } from "../types.js";
import { VERCEL_DETECTION } from "./keys.js";
import { parseVercelAi } from "./parse/index.js";
import { VERCEL_HINTS, VERCEL_KEYS, VERCEL_PRESENCE } from "./rules.js";
import { VERCEL_GROUPS } from "./tables.js";

export const vercelAi = {
  id: "vercel-ai",
  title: "Vercel AI SDK",
  doc: "docs/vercel-ai.md",
  detect: VERCEL_DETECTION,
  groups: Object.values(VERCEL_GROUPS),
  parse: parseVercelAi,
  rules: { keys: VERCEL_KEYS, presence: VERCEL_PRESENCE, hints: VERCEL_HINTS },
  reads:
    "`ai.operationId` (outer calls, provider requests, tool calls, embeddings, rerank); `ai.prompt` / `ai.prompt.messages` with media, reasoning, tool-call and tool-result parts; `ai.prompt.tools` / `toolChoice`; `ai.response.*`; `ai.usage.*` incl. cache and reasoning details; `ai.settings.*`; `ai.toolCall.*`; embedding values and vectors; the `gen_ai.*` keys of its provider-request spans via the GenAI parser",
} as const satisfies ConventionModule<"vercel-ai">;
