import { OPENLLMETRY_GROUPS } from "../tables.js";
import { type ParseContext } from "../../../readers/context.js";
import { readParams } from "../../../readers/params.js";
import type { Obj } from "../../../internal/records.js";
import { LLM_PARAMS } from "../tables.js";
export function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value instanceof Uint8Array) return "bytes";
  return Array.isArray(value) ? "an array" : value === null ? "null" : typeof value;
}


export function readLlmParams(ctx: ParseContext): Obj {
  const params: Obj = {};
  if (ctx.present(OPENLLMETRY_GROUPS.params)) readParams(ctx, LLM_PARAMS, params);
  return params;
}
