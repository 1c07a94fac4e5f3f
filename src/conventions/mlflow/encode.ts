/**
 * MlflowSpan <-> the attributes MLflow stores on a span.
 *
 * Writing: every `mlflow.*` value is JSON-encoded, as MLflow's `dump_span_attribute_value` does.
 * Reading: tolerant of what real writers produce: raw strings that are not JSON (`@mlflow/vercel`
 * writes `mlflow.spanType` as plain `LLM`), native OTLP values (objects, numbers), and values that
 * were JSON-encoded twice (MLflow's own `sanitize_attributes` removes one such layer).
 */
import type { Attributes, CanonicalSpan } from "../../canonical/span.js";
import { assertTypedFields } from "../../canonical/guards.js";
import { MLFLOW_KEYS } from "./keys.js";
import { safeJsonParse, safeJsonStringify } from "../../internal/json.js";
import { isPlainObject, setOwn } from "../../internal/records.js";
import { type ParseContext, type PartialUsage } from "../../readers/context.js";
import { toCount, USAGE_KEYS } from "../../readers/usage.js";
/** Exactly what MLflow stores: the preserved source attributes plus the JSON-encoded `mlflow.*` keys. */
export function toMlflowAttributes(span: CanonicalSpan): Attributes {
  if (span === null || typeof span !== "object" || typeof span.spanType !== "string") {
    throw new TypeError("toMlflowAttributes expects an MlflowSpan (the result of toMlflowSpan)");
  }
  assertTypedFields(span, "toMlflowAttributes");
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

export function readUsage(value: unknown, ctx: ParseContext): PartialUsage | undefined {
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
