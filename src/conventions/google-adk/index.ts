/** Google ADK (`gcp.vertex.agent.*` plus GenAI keys): read only; the GenAI parser fills what this one leaves. */
import type { ConventionModule } from "../types.js";
import { googleAdkReader } from "./reader.js";
import { ADK_HINTS, ADK_KEYS, ADK_PRESENCE, ADK_RULES_SOURCE } from "./rules.js";

export const googleAdk = {
  ...googleAdkReader,
  title: "Google ADK",
  doc: "docs/google-adk.md",
  rules: { source: ADK_RULES_SOURCE, keys: ADK_KEYS, presence: ADK_PRESENCE, hints: ADK_HINTS },
} as const satisfies ConventionModule<"google-adk">;
