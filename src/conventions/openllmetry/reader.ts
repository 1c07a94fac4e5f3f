/** The read side of the OpenLLMetry module (detection and parser): what translation needs; index.ts adds the rest. */
import type { ConventionReader } from "../types.js";
import { OPENLLMETRY_DETECTION } from "./keys.js";
import { parseOpenLlmetry } from "./parse/index.js";
import { OPENLLMETRY_GROUPS } from "./tables.js";

export const openllmetryReader = {
  id: "openllmetry",
  detect: OPENLLMETRY_DETECTION,
  // Operation names only OpenLLMetry writes (the spec's are `retrieval` and no guard operation): a
  // guard or vector-DB span without any other OpenLLMetry key is still known as OpenLLMetry.
  detectValues: [
    { key: "gen_ai.operation.name", value: "guard" },
    { key: "gen_ai.operation.name", value: "vector_db_retrieve" },
  ],
  groups: Object.values(OPENLLMETRY_GROUPS),
  parse: parseOpenLlmetry,
} as const satisfies ConventionReader<"openllmetry">;
