/** VoltAgent (`span.type`, `entity.type`, `agent.messages`, `llm.*`, `usage.*`): read only. */
import type { ConventionModule } from "../types.js";
import { VOLTAGENT_DETECTION } from "./keys.js";
import { parseVoltAgent } from "./parse/index.js";
import { VOLTAGENT_HINTS, VOLTAGENT_KEYS, VOLTAGENT_PRESENCE, VOLTAGENT_RULES_SOURCE } from "./rules.js";
import { VOLTAGENT_GROUPS } from "./tables.js";

export const voltagent = {
  id: "voltagent",
  title: "VoltAgent",
  doc: "docs/voltagent.md",
  detect: VOLTAGENT_DETECTION,
  groups: Object.values(VOLTAGENT_GROUPS),
  parse: parseVoltAgent,
  rules: { source: VOLTAGENT_RULES_SOURCE, keys: VOLTAGENT_KEYS, presence: VOLTAGENT_PRESENCE, hints: VOLTAGENT_HINTS },
} as const satisfies ConventionModule<"voltagent">;
