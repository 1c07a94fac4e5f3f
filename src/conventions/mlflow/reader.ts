/** The read side of the MLflow attributes module (detection and parser): what translation needs; index.ts adds the rest. */
import type { ConventionReader } from "../types.js";
import { MLFLOW_DETECTION } from "./keys.js";
import { parseMlflow } from "./parse.js";

export const mlflowReader = {
  id: "mlflow",
  detect: MLFLOW_DETECTION,
  parse: parseMlflow,
} as const satisfies ConventionReader<"mlflow">;
