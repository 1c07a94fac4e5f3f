import { isSpanType, type ChatTool, type Cost } from "../../canonical/span.js";
import { isChatTool, isCost } from "../../canonical/guards.js";
import { parser } from "../types.js";
import { MLFLOW_KEYS } from "./keys.js";
import { isPlainObject } from "../../internal/records.js";
import { RANK, type ParseContext } from "../../readers/context.js";
import { decodeMlflowValue, readUsage } from "./encode.js";
/** The `mlflow` convention parser: values already on the span win over every other source. */
function readMlflow(ctx: ParseContext): void {
  const read = (key: string): unknown => {
    if (!ctx.has(key)) return undefined;
    ctx.consume(key);
    const decoded = decodeMlflowValue(ctx.get(key));
    if (decoded.refused) {
      const code = decoded.refused === "too-long" ? "json-too-large" : "json-too-deep";
      ctx.diagnose(code, "warning", `${key} is too ${decoded.refused === "too-long" ? "large" : "deeply nested"} to parse; kept as the raw string`, key);
    }
    return decoded.value;
  };
  // A refused value is in no canonical field, so it must stay in `attributes` even with keepSource: false.
  const refuse = (key: string): void => {
    ctx.consumed.delete(key);
  };

  const spanType = read(MLFLOW_KEYS.spanType);
  if (spanType !== undefined && spanType !== null) {
    // "UNKNOWN" is what MLflow writes when it does not know; let the other conventions infer instead.
    if (isSpanType(spanType) && spanType !== "UNKNOWN") ctx.offer("spanType", spanType, RANK.mlflow, "mlflow");
    else if (!isSpanType(spanType)) {
      ctx.diagnose("unknown-span-type", "warning", `${MLFLOW_KEYS.spanType} ${JSON.stringify(spanType)} is not an MLflow span type`, MLFLOW_KEYS.spanType);
      refuse(MLFLOW_KEYS.spanType);
    }
  }
  const inputs = read(MLFLOW_KEYS.inputs);
  if (inputs !== undefined) ctx.offer("inputs", inputs, RANK.mlflow, "mlflow");
  const outputs = read(MLFLOW_KEYS.outputs);
  if (outputs !== undefined) ctx.offer("outputs", outputs, RANK.mlflow, "mlflow");
  // No model key at all: the model the request names, else the one the response names, in the order
  // MLflow's server fills mlflow.llm.model from them (translation `_get_model_name`). RANK.inferred, so
  // a model key of any convention on the span wins.
  if (!ctx.has(MLFLOW_KEYS.model)) {
    const named = modelOf(inputs) ?? modelOf(outputs);
    if (named !== undefined) ctx.offer("model", named, RANK.inferred, "mlflow");
  }

  const usage = read(MLFLOW_KEYS.tokenUsage);
  if (usage !== undefined) {
    const parsed = readUsage(usage, ctx);
    // An empty object says nothing: it must not hide another convention's counts.
    if (parsed && Object.keys(parsed).length > 0) ctx.offer("tokenUsage", parsed, RANK.mlflow, "mlflow");
    // Kept raw when some of it is not in tokenUsage (not an object, a bad count, a key MLflow does not define).
    if (!parsed || Object.keys(parsed).length < Object.keys(usage as object).length) refuse(MLFLOW_KEYS.tokenUsage);
  }
  for (const [field, key] of [["model", MLFLOW_KEYS.model], ["provider", MLFLOW_KEYS.provider], ["messageFormat", MLFLOW_KEYS.messageFormat]] as const) {
    const value = read(key);
    if (typeof value === "string" && value !== "") ctx.offer(field, value, RANK.mlflow, "mlflow");
    else if (value !== undefined && value !== null) {
      ctx.diagnose("invalid-value", "warning", `${key} should be a string`, key);
      refuse(key);
    }
  }
  const tools = read(MLFLOW_KEYS.tools);
  if (Array.isArray(tools)) {
    const valid = tools.filter((tool): tool is ChatTool => isChatTool(tool));
    if (valid.length < tools.length) {
      ctx.diagnose("invalid-value", "warning", `${tools.length - valid.length} of ${tools.length} entries of ${MLFLOW_KEYS.tools} are not {type:"function", function:{name,...}} tool definitions; they are left out of tools`, MLFLOW_KEYS.tools);
      refuse(MLFLOW_KEYS.tools);
    }
    if (valid.length > 0 || tools.length === 0) ctx.offer("tools", valid, RANK.mlflow, "mlflow");
  } else if (tools !== undefined && tools !== null) {
    ctx.diagnose("invalid-value", "warning", `${MLFLOW_KEYS.tools} should be a JSON list`, MLFLOW_KEYS.tools);
    refuse(MLFLOW_KEYS.tools);
  }
  const cost = read(MLFLOW_KEYS.cost);
  if (isPlainObject(cost) && isCost(cost)) ctx.offer("cost", cost as Cost, RANK.mlflow, "mlflow");
  else if (cost !== undefined && cost !== null) {
    ctx.diagnose("invalid-value", "warning", `${MLFLOW_KEYS.cost} should be a JSON object of numbers (input_cost, output_cost, total_cost)`, MLFLOW_KEYS.cost);
    refuse(MLFLOW_KEYS.cost);
  }
}

/** One step: the `mlflow.*` keys are read together, at RANK.mlflow. */
export const parseMlflow = parser(() => undefined, [{ name: "mlflow attributes", run: readMlflow }]);

function modelOf(value: unknown): string | undefined {
  if (!isPlainObject(value)) return undefined;
  const model = (value as Record<string, unknown>).model;
  return typeof model === "string" && model.trim() !== "" ? model : undefined;
}
