/** The read side of the Strands Agents module (detection and parser): what translation needs; index.ts adds the rest. */
import type { ConventionReader } from "../types.js";
import { STRANDS_SCOPE } from "./keys.js";
import { parseStrands } from "./parse.js";

export const strandsReader = {
  id: "strands",
  // Chat and tool spans carry only GenAI keys and events: known by scope; the cycle span by its own key.
  detect: [{ prefix: "agent_loop." }],
  detectScopes: [STRANDS_SCOPE],
  parse: parseStrands,
} as const satisfies ConventionReader<"strands">;
