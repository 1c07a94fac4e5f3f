/** LiveKit Agents (`lk.*` plus GenAI keys): read only; the GenAI parser fills what this one leaves. */
import type { ConventionModule } from "../types.js";
import { LK_DETECTION } from "./keys.js";
import { parseLivekit } from "./parse.js";
import { LK_HINTS, LK_KEYS, LK_PRESENCE, LK_RULES_SOURCE } from "./rules.js";

export const livekit = {
  id: "livekit",
  title: "LiveKit Agents",
  doc: "docs/livekit.md",
  detect: LK_DETECTION,
  parse: parseLivekit,
  rules: { source: LK_RULES_SOURCE, keys: LK_KEYS, presence: LK_PRESENCE, hints: LK_HINTS },
} as const satisfies ConventionModule<"livekit">;
