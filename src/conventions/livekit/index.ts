/** LiveKit Agents (`lk.*` plus GenAI keys): read only; the GenAI parser fills what this one leaves. */
import type { ConventionModule } from "../types.js";
import { livekitReader } from "./reader.js";
import { LK_HINTS, LK_KEYS, LK_PRESENCE, LK_RULES_SOURCE } from "./rules.js";

export const livekit = {
  ...livekitReader,
  title: "LiveKit Agents",
  doc: "docs/livekit.md",
  rules: { source: LK_RULES_SOURCE, keys: LK_KEYS, presence: LK_PRESENCE, hints: LK_HINTS },
} as const satisfies ConventionModule<"livekit">;
