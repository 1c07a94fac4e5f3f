import { looksLikeJsonContainer, safeJsonParse } from "../../../internal/json.js";
import { isPlainObject } from "../../../internal/records.js";
import { RANK, type ParseContext } from "../../../readers/context.js";
import { readJsonValue } from "../../../readers/values.js";
import { fromLangChain, unwrapRunValue } from "../../../readers/langchain.js";
import { unwrapEntity } from "../tables.js";
/** Both SDKs write every entity value as its JSON (JSON.stringify / json.dumps): see `readJsonValue`. */
export function readEntity(ctx: ParseContext, key: string, field: "inputs" | "outputs"): void {
  if (!ctx.has(key)) return;
  const parsed = readJsonValue(ctx, key);
  if (!parsed.ok) return;
  let value = parsed.value;
  ctx.consume(key);
  value = unwrapEntity(value);
  if (ctx.get(GEN_AI_PROVIDER) === "langchain") value = unwrapLangChainJs(value, field);
  ctx.offer(field, fromLangChain(value), RANK.raw, "openllmetry");
}

const GEN_AI_PROVIDER = "gen_ai.provider.name";

/**
 * The JS LangChain instrumentation (0.27, which marks its chain and tool spans with
 * `gen_ai.provider.name` = "langchain") writes LangChain's run values as they are: a value that is not
 * an object arrives wrapped by LangChain as `{"input": x}` / `{"output": x}`, and a tool's input (the
 * JSON text of its arguments, for a structured tool) as `{"args": [text]}`. Each becomes x, the
 * arguments text decoded when it is a JSON object or array.
 */
function unwrapLangChainJs(value: unknown, field: "inputs" | "outputs"): unknown {
  const run = unwrapRunValue(value, field);
  if (run.unwrapped) return run.value;
  if (field === "inputs" && isPlainObject(value) && Object.keys(value).length === 1 && Array.isArray(value.args) && value.args.length === 1) {
    const arg: unknown = value.args[0];
    if (typeof arg === "string" && looksLikeJsonContainer(arg)) {
      const parsed = safeJsonParse(arg);
      return parsed.ok ? parsed.value : arg;
    }
    return arg;
  }
  return value;
}
