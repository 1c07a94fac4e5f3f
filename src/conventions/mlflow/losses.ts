/** What a round trip through mlflow cannot carry (README "Round trips"; test/properties/carry.test.ts shows each). */
import type { CarryLoss } from "../types.js";

export const MLFLOW_LOSSES: readonly CarryLoss[] = [
  {
    id: "json-text",
    field: "inputs, outputs (strings)",
    reason: "a string whose text is itself JSON comes back decoded, as with MLflow's own `sanitize_attributes` (one layer of double encoding is removed)",
  },
  {
    id: "negative-zero",
    field: "inputs, outputs (JSON values)",
    reason: "`-0` comes back as `0` (MLflow stores JSON)",
  },
];
