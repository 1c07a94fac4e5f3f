/** Strands Agents (TypeScript and Python SDKs): GenAI keys and events with Strands content blocks. Read only. */
import type { ConventionModule } from "../types.js";
import { STRANDS_SCOPE } from "./keys.js";
import { parseStrands } from "./parse.js";
import { STRANDS_HINTS, STRANDS_KEYS, STRANDS_PRESENCE, STRANDS_RULES_SOURCE } from "./rules.js";

export const strands = {
  id: "strands",
  title: "Strands Agents",
  doc: "docs/strands.md",
  // Chat and tool spans carry only GenAI keys and events: known by scope; the cycle span by its own key.
  detect: [{ prefix: "agent_loop." }],
  detectScopes: [STRANDS_SCOPE],
  parse: parseStrands,
  rules: { source: STRANDS_RULES_SOURCE, keys: STRANDS_KEYS, presence: STRANDS_PRESENCE, hints: STRANDS_HINTS },
} as const satisfies ConventionModule<"strands">;
