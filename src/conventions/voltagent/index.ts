/** VoltAgent (`span.type`, `entity.type`, `agent.messages`, `llm.*`, `usage.*`): read only. */
import type { ConventionModule } from "../types.js";
import { voltagentReader } from "./reader.js";
import { VOLTAGENT_HINTS, VOLTAGENT_KEYS, VOLTAGENT_PRESENCE } from "./rules.js";

export const voltagent = {
  ...voltagentReader,
  title: "VoltAgent",
  doc: "docs/voltagent.md",
  rules: { keys: VOLTAGENT_KEYS, presence: VOLTAGENT_PRESENCE, hints: VOLTAGENT_HINTS },
} as const satisfies ConventionModule<"voltagent">;
