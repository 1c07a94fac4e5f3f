/** Strands Agents (TypeScript and Python SDKs): GenAI keys and events with Strands content blocks. Read only. */
import type { ConventionModule } from "../types.js";
import { strandsReader } from "./reader.js";
import { STRANDS_HINTS, STRANDS_KEYS, STRANDS_PRESENCE, STRANDS_RULES_SOURCE } from "./rules.js";

export const strands = {
  ...strandsReader,
  title: "Strands Agents",
  doc: "docs/strands.md",
  rules: { source: STRANDS_RULES_SOURCE, keys: STRANDS_KEYS, presence: STRANDS_PRESENCE, hints: STRANDS_HINTS },
} as const satisfies ConventionModule<"strands">;
