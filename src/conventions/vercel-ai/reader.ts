/** The read side of the Vercel AI SDK module (detection and parser): what translation needs; index.ts adds the rest. */
import type { ConventionReader } from "../types.js";
import { VERCEL_DETECTION } from "./keys.js";
import { parseVercelAi } from "./parse/index.js";
import { VERCEL_GROUPS } from "./tables.js";

export const vercelAiReader = {
  id: "vercel-ai",
  detect: VERCEL_DETECTION,
  groups: Object.values(VERCEL_GROUPS),
  parse: parseVercelAi,
} as const satisfies ConventionReader<"vercel-ai">;
