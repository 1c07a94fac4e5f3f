/**
 * MLflow's own span attribute keys (mlflow/tracing/constant.py, SpanAttributeKey) and the span types.
 * MLflow JSON-encodes every value it writes (`dump_span_attribute_value`), so a model name is stored as
 * `"\"gpt-4o\""` and token usage as a JSON object string.
 */
import type { DetectRule } from "../types.js";

export const MLFLOW_KEYS = {
  spanType: "mlflow.spanType",
  inputs: "mlflow.spanInputs",
  outputs: "mlflow.spanOutputs",
  tokenUsage: "mlflow.chat.tokenUsage",
  model: "mlflow.llm.model",
  provider: "mlflow.llm.provider",
  tools: "mlflow.chat.tools",
  messageFormat: "mlflow.message.format",
  cost: "mlflow.llm.cost",
} as const;

/** Written by MLflow itself on every span it creates; not translation input. */
export const MLFLOW_TRACE_REQUEST_ID = "mlflow.traceRequestId";

/**
 * The `mlflow.message.format` value we set on chat spans whose inputs/outputs we normalised to the
 * OpenAI chat shapes (`{messages}` / `{choices}`); MLflow's UI then uses its OpenAI chat parser.
 */
export const NORMALIZED_CHAT_FORMAT = "openai";

export const MLFLOW_DETECTION: readonly DetectRule[] = [{ prefix: "mlflow." }];
