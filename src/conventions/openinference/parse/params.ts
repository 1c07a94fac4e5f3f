import { describeValue } from "../../../readers/values.js";
import { isPlainObject, setOwn } from "../../../internal/records.js";
import { type ParseContext } from "../../../readers/context.js";
import type { Obj } from "../../../internal/records.js";
// ---------------------------------------------------------------------------------------------
// Invocation parameters and tools

export function readParams(ctx: ParseContext, key: string): Obj | undefined {
  if (!ctx.has(key)) return undefined;
  const parsed = ctx.json(key);
  if (!parsed.ok) return undefined;
  if (!isPlainObject(parsed.value)) {
    ctx.diagnose("invalid-value", "warning", `${key} should be a JSON object, got ${describeValue(parsed.value)}; kept raw`, key);
    return undefined;
  }
  ctx.consume(key);
  // A copy: the cached parse must not change when parameters are merged or the system prompt moved.
  const out: Obj = {};
  for (const k of Object.keys(parsed.value)) setOwn(out, k, parsed.value[k]);
  return out;
}
