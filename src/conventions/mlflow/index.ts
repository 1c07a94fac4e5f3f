/** MLflow's own span attributes (`mlflow.*`): values already on a span win; written as MLflow stores them. */
import type { ConventionModule } from "../types.js";
import { emitMlflow } from "./emit.js";
import { MLFLOW_DETECTION } from "./keys.js";
import { MLFLOW_LOSSES } from "./losses.js";
import { parseMlflow } from "./parse.js";
import { MLFLOW_HINTS } from "./rules.js";

export const mlflow = {
  id: "mlflow",
  title: "MLflow attributes",
  doc: "README.md#what-mlflow-stores-tomlflowattributes",
  detect: MLFLOW_DETECTION,
  parse: parseMlflow,
  rules: { source: "mlflow/mlflow@a89bed67:mlflow/tracing/constant.py — SpanAttributeKey, the mlflow.* keys MLflow stores", keys: {}, presence: [], hints: MLFLOW_HINTS },
  emit: emitMlflow,
  losses: MLFLOW_LOSSES,
} as const satisfies ConventionModule<"mlflow">;
