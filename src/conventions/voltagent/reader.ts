/** The read side of the VoltAgent module (detection and parser): what translation needs; index.ts adds the rest. */
import type { ConventionReader } from "../types.js";
import { VOLTAGENT_DETECTION } from "./keys.js";
import { parseVoltAgent } from "./parse/index.js";
import { VOLTAGENT_GROUPS } from "./tables.js";

export const voltagentReader = {
  id: "voltagent",
  detect: VOLTAGENT_DETECTION,
  groups: Object.values(VOLTAGENT_GROUPS),
  parse: parseVoltAgent,
} as const satisfies ConventionReader<"voltagent">;
