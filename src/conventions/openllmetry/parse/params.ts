import { OPENLLMETRY_GROUPS } from "../tables.js";
import { type ParseContext } from "../../../readers/context.js";
import type { Obj } from "../../../internal/records.js";
import { LLM_PARAMS } from "../tables.js";
export function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value instanceof Uint8Array) return "bytes";
  return Array.isArray(value) ? "an array" : value === null ? "null" : typeof value;
}

// ---------------------------------------------------------------------------------------------
// Request parameters, tools, usage

export function readParams(ctx: ParseContext): Obj {
  const params: Obj = {};
  if (!ctx.present(OPENLLMETRY_GROUPS.params)) return params;
  for (const { key, param, kind } of LLM_PARAMS) {
    if (!ctx.has(key)) continue;
    const v = ctx.get(key);
    let value: unknown;
    if (kind === "number" && typeof v === "number" && Number.isFinite(v)) value = v;
    else if (kind === "boolean" && typeof v === "boolean") value = v;
    else if (kind === "string" && typeof v === "string") value = v;
    else if (kind === "stop") {
      if (typeof v === "string") value = [v];
      else if (Array.isArray(v) && v.every((s) => typeof s === "string")) value = [...(v as string[])];
    }
    if (value === undefined) {
      ctx.diagnose("invalid-value", "warning", `${key} should be a ${kind === "stop" ? "list of strings" : kind}, got ${describe(v)}`, key);
      continue;
    }
    ctx.consume(key);
    params[param] = value;
  }
  return params;
}
