import { type FieldHint, type RequirableField } from "../rule-types.js";
export const MLFLOW_HINTS: Record<RequirableField, FieldHint> = {
  spanType: { default: "mlflow.spanType" },
  inputs: { default: "mlflow.spanInputs" },
  outputs: { default: "mlflow.spanOutputs" },
  tokenUsage: { default: "mlflow.chat.tokenUsage" },
  model: { default: "mlflow.llm.model" },
  provider: { default: "mlflow.llm.provider" },
  tools: { default: "mlflow.chat.tools" },
};
