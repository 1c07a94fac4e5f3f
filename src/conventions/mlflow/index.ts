/** MLflow's own span attributes (`mlflow.*`): values already on a span win; written as MLflow stores them. */
import type { ConventionModule } from "../types.js";
import { emitMlflow } from "./emit.js";
import { mlflowReader } from "./reader.js";
import { MLFLOW_HINTS } from "./rules.js";

export const mlflow = {
  ...mlflowReader,
  title: "MLflow attributes",
  doc: "README.md#what-mlflow-stores-tomlflowattributes",
  rules: { source: "mlflow/mlflow@a89bed67:mlflow/tracing/constant.py — SpanAttributeKey, the mlflow.* keys MLflow stores", keys: {}, presence: [], hints: MLFLOW_HINTS },
  emit: emitMlflow,
} as const satisfies ConventionModule<"mlflow">;
