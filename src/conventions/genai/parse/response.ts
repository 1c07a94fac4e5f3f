import { GENAI_GROUPS, GENAI_RESPONSE_EXTRAS } from "../tables.js";
import { describeValue } from "../../../readers/values.js";
import { GENAI } from "../keys.js";
import { isPlainObject } from "../../../internal/records.js";
import { RANK, type ParseContext } from "../../../readers/context.js";
import type { Obj } from "../../../internal/records.js";
import { hasAnyKey } from "./params.js";
export function mergeResponse(ctx: ParseContext, responseModel: string | undefined): void {
  const current = ctx.current("outputs");
  if (!current || current.rank >= RANK.mlflow || !isPlainObject(current.value)) return;
  const outputs = current.value as Obj;
  if (!Array.isArray(outputs.choices)) return;
  const extra: Obj = {};
  const id = ctx.has(GENAI.responseId) ? ctx.get(GENAI.responseId) : undefined;
  if (typeof id === "string" && id !== "") {
    ctx.consume(GENAI.responseId);
    extra.id = id;
  } else if (id !== undefined) {
    ctx.diagnose("invalid-value", "warning", `${GENAI.responseId} should be a non-empty string, got ${describeValue(id)}`, GENAI.responseId);
  }
  if (responseModel !== undefined) extra.model = responseModel;
  for (let i = 0; ctx.present(GENAI_GROUPS.responseExtras) && i < GENAI_RESPONSE_EXTRAS.length; i++) {
    const [key, name] = GENAI_RESPONSE_EXTRAS[i]!;
    const v = ctx.get(key);
    if (typeof v === "string" && !(name in extra)) {
      extra[name] = v;
      // The `openai.response.*` spelling is no convention's key (detection claims `gen_ai.` only), so
      // it stays in the attributes even with keepSource: false: nothing is dropped that no detected
      // convention owns (test/properties/nothing-lost.test.ts, OpenLIT).
      if (key.startsWith("gen_ai.")) ctx.consume(key);
    }
  }
  if (!hasAnyKey(extra)) return;
  // Response metadata first, as in an OpenAI chat completion object. A new object replaces the
  // candidate's value: emptying the old one with delete would leave V8 a slow dictionary object.
  const merged: Obj = {};
  for (const k in extra) merged[k] = extra[k];
  // An own "__proto__" (JSON from the wire) is left out, as copying through assignment always did.
  for (const k in outputs) if (!(k in extra) && k !== "__proto__") merged[k] = outputs[k];
  ctx.replace("outputs", merged);
}

