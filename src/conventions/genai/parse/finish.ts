import { finishReason } from "../../../readers/finish.js";
import { describeValue } from "../../../readers/values.js";
import type { Attributes, ChatChoice } from "../../../canonical/span.js";
import { GENAI } from "../keys.js";
import { type ParseContext } from "../../../readers/context.js";

import { parseMaybeJson } from "../../../readers/values.js";
export function readFinishReasons(ctx: ParseContext): string[] | undefined {
  if (!ctx.has(GENAI.finishReasons)) return undefined;
  let value: unknown = ctx.get(GENAI.finishReasons);
  if (typeof value === "string") {
    const parsed = parseMaybeJson(value);
    value = parsed.ok && Array.isArray(parsed.value) ? parsed.value : [value];
  }
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) {
    ctx.diagnose("invalid-value", "warning", `${GENAI.finishReasons} should be an array of strings, got ${describeValue(value)}`, GENAI.finishReasons);
    return undefined;
  }
  ctx.consume(GENAI.finishReasons);
  return value as string[];
}

export function withFinishReasons(choices: ChatChoice[], reasons: string[] | undefined): ChatChoice[] {
  if (!reasons) return choices;
  for (const c of choices) if (c.finish_reason === null && reasons[c.index] !== undefined) c.finish_reason = finishReason(reasons[c.index]);
  return choices;
}

export function eventFinishReasons(attributes: Attributes): string[] | undefined {
  const value = attributes[GENAI.finishReasons];
  return Array.isArray(value) && value.every((v) => typeof v === "string") ? (value as string[]) : undefined;
}
