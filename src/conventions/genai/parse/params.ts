import { GENAI_GROUPS, GENAI_PARAM_GROUPS } from "../tables.js";
import { describeValue } from "../../../readers/values.js";
import { GENAI_REQUEST_PARAMS } from "../tables.js";
import { isPlainObject } from "../../../internal/records.js";
import { RANK, type ParseContext } from "../../../readers/context.js";
import { parseMaybeJson } from "../messages-read.js";
import type { Obj } from "../../../internal/records.js";
/** Adds the valid request parameters to `params`; a key already there (the request model) is kept. */
/** The group (groups.ts) of each entry of GENAI_REQUEST_PARAMS, in its order. */

export function readParams(ctx: ParseContext, params: Obj): void {
  if (!ctx.present(GENAI_GROUPS.params) && !ctx.present(GENAI_GROUPS.paramsMore)) return;
  for (let i = 0; i < GENAI_REQUEST_PARAMS.length; i++) {
    const { key, param, kind } = GENAI_REQUEST_PARAMS[i]!;
    if (!ctx.present(GENAI_PARAM_GROUPS[i]!) || !ctx.has(key)) continue;
    let value: unknown = ctx.get(key);
    let ok = false;
    switch (kind) {
      case "number":
        ok = typeof value === "number";
        break;
      case "int":
        ok = typeof value === "number" && Number.isInteger(value);
        break;
      case "boolean":
        ok = typeof value === "boolean";
        break;
      case "strings":
        if (typeof value === "string") {
          const parsed = parseMaybeJson(value);
          value = parsed.ok && Array.isArray(parsed.value) ? parsed.value : [value];
        }
        ok = Array.isArray(value) && value.every((v) => typeof v === "string");
        break;
      case "any":
        ok = value !== null && value !== undefined;
        if (typeof value === "string") {
          const parsed = parseMaybeJson(value);
          if (parsed.ok && parsed.value !== null && typeof parsed.value === "object") value = parsed.value;
        }
        break;
    }
    if (!ok) {
      ctx.diagnose("invalid-value", "warning", `${key} has the wrong type (${describeValue(value)}); left out of inputs`, key);
      continue;
    }
    ctx.consume(key);
    // The generic key wins over a deprecated vendor spelling of the same parameter.
    if (!(param in params)) params[param] = Array.isArray(value) ? [...value] : value;
  }
}

export function hasAnyKey(record: Obj): boolean {
  for (const _ in record) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Merging request parameters and response metadata into the winning inputs/outputs

export function mergeParams(ctx: ParseContext, params: Obj): void {
  const current = ctx.current("inputs");
  if (!current || current.rank >= RANK.mlflow || !isPlainObject(current.value)) return;
  const inputs = current.value as Obj;
  // Tool arguments are the tool's own inputs; only chat-like inputs take request parameters.
  if (!Array.isArray(inputs.messages) && Object.keys(inputs).length > 0) return;
  for (const k in params) if (!(k in inputs)) inputs[k] = params[k];
}
