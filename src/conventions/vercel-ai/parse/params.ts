import { VERCEL_GROUPS } from "../tables.js";
import { VERCEL_SETTINGS } from "../keys.js";
import { type ParseContext } from "../../../readers/context.js";
import { describeValue } from "../../../readers/values.js";
import type { Obj } from "../../../internal/records.js";
/**
 * Adds the valid call settings to `params` and returns their keys. They are consumed only by a
 * parser step that offers them in chat or embedding inputs: params alone are a weak candidate that
 * another convention's inputs (`input.value`, say) may replace, and the keys must then stay.
 */
export function readSettings(ctx: ParseContext, params: Obj): string[] | undefined {
  let keys: string[] | undefined;
  if (!ctx.present(VERCEL_GROUPS.settings)) return keys;
  for (let i = 0; i < VERCEL_SETTINGS.length; i++) {
    const { key, param, kind } = VERCEL_SETTINGS[i]!;
    if (!ctx.has(key)) continue;
    const value = ctx.get(key);
    const ok =
      kind === "number" ? typeof value === "number" :
      kind === "int" ? typeof value === "number" && Number.isInteger(value) :
      Array.isArray(value) && value.every((v) => typeof v === "string");
    if (!ok) {
      ctx.diagnose("invalid-value", "warning", `${key} has the wrong type (${describeValue(value)}); left out of inputs`, key);
      continue;
    }
    (keys ??= []).push(key);
    // The first spelling in the table wins (maxOutputTokens over the AI SDK 4 maxTokens).
    if (!(param in params)) params[param] = Array.isArray(value) ? [...value] : value;
  }
  return keys;
}
