import { VERCEL_GROUPS } from "../tables.js";
import { VERCEL_SETTINGS } from "../keys.js";
import { type ParseContext } from "../../../readers/context.js";
import { readParams } from "../../../readers/params.js";
import type { Obj } from "../../../internal/records.js";
/**
 * Adds the valid call settings to `params` and returns their keys. They are consumed only by a
 * parser step that offers them in chat or embedding inputs: params alone are a weak candidate that
 * another convention's inputs (`input.value`, say) may replace, and the keys must then stay.
 */
export function readSettings(ctx: ParseContext, params: Obj): string[] | undefined {
  if (!ctx.present(VERCEL_GROUPS.settings)) return undefined;
  // The first spelling in the table wins (maxOutputTokens over the AI SDK 4 maxTokens).
  return readParams(ctx, VERCEL_SETTINGS, params, { consume: false });
}
