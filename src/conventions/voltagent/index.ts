/** VoltAgent (`span.type`, `entity.type`, `agent.messages`, `llm.*`, `usage.*`): read only. */
import type { ConventionModule } from "../types.js";
import { voltagentReader } from "./reader.js";
import { VOLTAGENT_HINTS, VOLTAGENT_KEYS, VOLTAGENT_PRESENCE, VOLTAGENT_RULES_SOURCE } from "./rules.js";

export const voltagent = {
  ...voltagentReader,
  title: "VoltAgent",
  doc: "docs/voltagent.md",
  rules: { source: VOLTAGENT_RULES_SOURCE, keys: VOLTAGENT_KEYS, presence: VOLTAGENT_PRESENCE, hints: VOLTAGENT_HINTS },
} as const satisfies ConventionModule<"voltagent">;
