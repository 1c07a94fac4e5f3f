/**
 * MlflowSpan <-> the attributes MLflow stores on a span.
 *
 * Writing: every `mlflow.*` value is JSON-encoded, as MLflow's `dump_span_attribute_value` does.
 * Reading: tolerant of what real writers produce: raw strings that are not JSON (`@mlflow/vercel`
 * writes `mlflow.spanType` as plain `LLM`), native OTLP values (objects, numbers), and values that
 * were JSON-encoded twice (MLflow's own `sanitize_attributes` removes one such layer).
 */
import type { Attributes, ChatTool, Cost, MlflowSpan } from "../../span.js";
import { z } from "zod";
import { ChatToolSchema, CostSchema, isSpanType, TokenUsageSchema } from "../../span.js";
import { MLFLOW_KEYS } from "../../conventions/mlflow.js";
import { safeJsonParse, safeJsonStringify } from "../../internal/json.js";
import { isPlainObject, setOwn } from "../../internal/records.js";
import { RANK, type ParseContext, type PartialUsage } from "../context.js";
import { toCount, USAGE_KEYS } from "../usage.js";

/** Exactly what MLflow stores: the preserved source attributes plus the JSON-encoded `mlflow.*` keys. */
export function toMlflowAttributes(span: MlflowSpan): Attributes {
  if (span === null || typeof span !== "object" || typeof span.spanType !== "string") {
    throw new TypeError("toMlflowAttributes expects an MlflowSpan (the result of toMlflowSpan)");
  }
  assertTypedFields(span);
  const out: Attributes = {};
  for (const key of Object.keys(span.attributes)) setOwn(out, key, span.attributes[key]);
  out[MLFLOW_KEYS.spanType] = JSON.stringify(span.spanType);
  if (span.inputs !== undefined) out[MLFLOW_KEYS.inputs] = safeJsonStringify(span.inputs);
  if (span.outputs !== undefined) out[MLFLOW_KEYS.outputs] = safeJsonStringify(span.outputs);
  if (span.tokenUsage) out[MLFLOW_KEYS.tokenUsage] = JSON.stringify(span.tokenUsage);
  if (span.model !== undefined) out[MLFLOW_KEYS.model] = JSON.stringify(span.model);
  if (span.provider !== undefined) out[MLFLOW_KEYS.provider] = JSON.stringify(span.provider);
  if (span.tools) out[MLFLOW_KEYS.tools] = safeJsonStringify(span.tools);
  if (span.messageFormat !== undefined) out[MLFLOW_KEYS.messageFormat] = JSON.stringify(span.messageFormat);
  if (span.cost) out[MLFLOW_KEYS.cost] = JSON.stringify(span.cost);
  return out;
}

/**
 * A hand-built span whose typed fields have the wrong type is misuse, refused as fromMlflowSpan
 * refuses it, naming the field: MLflow would store a value its readers cannot use. Each present field
 * is checked against its own schema (no whole-span parse on the hot path).
 */
function assertTypedFields(span: MlflowSpan): void {
  const fail = (path: string, message: string): never => {
    throw new TypeError(`toMlflowAttributes: span.${path}: ${message}; build canonical spans with toMlflowSpan() or fix that field`);
  };
  if (!isSpanType(span.spanType)) fail("spanType", `not an MLflow span type: ${JSON.stringify(span.spanType)}`);
  for (const field of ["model", "provider", "messageFormat"] as const) {
    if (span[field] !== undefined && typeof span[field] !== "string") fail(field, `expected a string, got ${typeof span[field]}`);
  }
  if (span.attributes === null || typeof span.attributes !== "object" || Array.isArray(span.attributes)) fail("attributes", "expected an object of attribute values");
  const check = (field: "tokenUsage" | "tools" | "cost", schema: { safeParse(v: unknown): { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } } }) => {
    if (span[field] === undefined) return;
    const result = schema.safeParse(span[field]);
    if (result.success) return;
    const issue = result.error!.issues[0]!;
    fail([field, ...issue.path.map(String)].join("."), issue.message);
  };
  check("tokenUsage", TokenUsageSchema);
  check("tools", ChatToolsSchema);
  check("cost", CostSchema);
}

const ChatToolsSchema = z.array(ChatToolSchema);

/**
 * Decodes one MLflow attribute value. Strings are JSON-decoded once; if that yields a string that is
 * itself JSON for a string, object or array, one more layer is removed (double encoding). Strings
 * that are not JSON come back as they are.
 */
export function decodeMlflowValue(raw: unknown): { value: unknown; json: boolean; refused?: "too-long" | "too-deep" } {
  if (typeof raw !== "string") return { value: raw, json: true };
  const first = safeJsonParse(raw);
  if (!first.ok) return first.reason === "not-json" ? { value: raw, json: false } : { value: raw, json: false, refused: first.reason };
  if (typeof first.value === "string") {
    const second = safeJsonParse(first.value);
    if (second.ok && (typeof second.value === "string" || (second.value !== null && typeof second.value === "object"))) {
      return { value: second.value, json: true };
    }
  }
  return { value: first.value, json: true };
}

/** The `mlflow` convention parser: values already on the span win over every other source. */
export function parseMlflow(ctx: ParseContext): void {
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
    const valid = tools.filter((tool): tool is ChatTool => ChatToolSchema.safeParse(tool).success);
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
  if (isPlainObject(cost) && CostSchema.safeParse(cost).success) ctx.offer("cost", cost as Cost, RANK.mlflow, "mlflow");
  else if (cost !== undefined && cost !== null) {
    ctx.diagnose("invalid-value", "warning", `${MLFLOW_KEYS.cost} should be a JSON object of numbers (input_cost, output_cost, total_cost)`, MLFLOW_KEYS.cost);
    refuse(MLFLOW_KEYS.cost);
  }
}

function readUsage(value: unknown, ctx: ParseContext): PartialUsage | undefined {
  if (!isPlainObject(value)) {
    ctx.diagnose("invalid-value", "warning", `${MLFLOW_KEYS.tokenUsage} should be a JSON object`, MLFLOW_KEYS.tokenUsage);
    return undefined;
  }
  const usage: PartialUsage = {};
  for (const key of USAGE_KEYS) {
    const n = toCount(value[key], ctx, `${MLFLOW_KEYS.tokenUsage}.${key}`);
    if (n !== undefined) usage[key] = n;
  }
  return usage;
}
