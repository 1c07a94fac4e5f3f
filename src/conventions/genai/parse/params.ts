import { GENAI_GROUPS, GENAI_PARAM_GROUPS } from "../tables.js";
import { OPENLLMETRY_GENAI_PARAMS } from "../../../readers/params.js";
import { GENAI_REQUEST_PARAMS } from "../tables.js";
import { isPlainObject } from "../../../internal/records.js";
import { RANK, type ParseContext } from "../../../readers/context.js";
import { readParams } from "../../../readers/params.js";
import type { Obj } from "../../../internal/records.js";
/** Adds the valid request parameters to `params`; a name already there (the request model) is kept. */
export function readGenAiParams(ctx: ParseContext, params: Obj): void {
  if (ctx.present(GENAI_GROUPS.params) || ctx.present(GENAI_GROUPS.paramsMore)) readParams(ctx, GENAI_REQUEST_PARAMS, params, { groups: GENAI_PARAM_GROUPS });
  if (ctx.present(GENAI_GROUPS.openllmetryParams)) readParams(ctx, OPENLLMETRY_GENAI_PARAMS, params);
}

export function hasAnyKey(record: Obj): boolean {
  for (const _ in record) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Merging request parameters and response metadata into the winning inputs/outputs

/** `modelCall`: the operation is a non-chat model call (AI SDK 7 decide / extract / speech / transcription), whose object inputs take the parameters too. */
export function mergeParams(ctx: ParseContext, params: Obj, modelCall = false): void {
  const current = ctx.current("inputs");
  if (!current || current.rank >= RANK.mlflow || !isPlainObject(current.value)) return;
  const inputs = current.value as Obj;
  // Tool arguments are the tool's own inputs; only chat-like inputs take request parameters.
  if (!modelCall && !Array.isArray(inputs.messages) && Object.keys(inputs).length > 0) return;
  for (const k in params) if (!(k in inputs)) inputs[k] = params[k];
}
