import type { ChatTool } from "../../../canonical/span.js";
import { OI } from "../keys.js";
import { safeJsonParse } from "../../../internal/json.js";
import { isPlainObject } from "../../../internal/records.js";
import { RANK, type ParseContext } from "../../../readers/context.js";
import type { Obj } from "../../../internal/records.js";
import { expand } from "./lists.js";
export function readTools(ctx: ParseContext): boolean {
  const r = expand(ctx, OI.tools);
  if (!r) return false;
  const tools: ChatTool[] = [];
  r.items.forEach((item, i) => {
    const tool = isPlainObject(item) && isPlainObject(item.tool) ? toolFromItem(item.tool, ctx, `${OI.tools}.${i}`) : undefined;
    if (tool) tools.push(tool);
    else {
      ctx.diagnose("invalid-tool", "warning", `${OI.tools}.${i} has no usable tool definition (tool.json_schema or tool.name); left out`, `${OI.tools}.${i}`);
      // Nothing of it reaches the canonical tools: its keys stay as they are.
      if (isPlainObject(item) && isPlainObject(item.tool)) for (const k of Object.keys(item.tool)) ctx.keep(`${OI.tools}.${i}.tool.${k}`);
    }
  });
  r.consume();
  if (tools.length === 0) return false;
  ctx.offer("tools", tools, RANK.flattened, "openinference");
  return true;
}

/** One `llm.tools.<i>.tool` object: `json_schema` in the OpenAI, Anthropic or plain-function shape, or bare name/description. */
function toolFromItem(tool: Obj, ctx: ParseContext, key: string): ChatTool | undefined {
  let schema: unknown = tool.json_schema;
  if (typeof schema === "string") {
    const parsed = safeJsonParse(schema);
    if (!parsed.ok) {
      ctx.diagnose("invalid-json", "warning", `${key}.${OI.toolJsonSchema} is not JSON (${parsed.message})`, `${key}.${OI.toolJsonSchema}`);
      schema = undefined;
    } else schema = parsed.value;
  }
  if (isPlainObject(schema)) {
    // OpenAI `{function: …}`, Bedrock Converse `{toolSpec: {name, description, inputSchema: {json}}}`, or the function itself.
    const fn = isPlainObject(schema.function) ? schema.function : isPlainObject(schema.toolSpec) ? schema.toolSpec : schema;
    if (typeof fn.name === "string" && fn.name !== "") {
      const out: ChatTool["function"] = { name: fn.name };
      if (typeof fn.description === "string") out.description = fn.description;
      let params = fn.parameters ?? fn.input_schema ?? fn.inputSchema;
      // Bedrock wraps the schema: `inputSchema: {json: {...}}`.
      if (isPlainObject(params) && Object.keys(params).length === 1 && isPlainObject(params.json)) params = params.json;
      if (isPlainObject(params)) out.parameters = params;
      if (typeof fn.strict === "boolean") out.strict = fn.strict;
      return { type: "function", function: out };
    }
  }
  if (typeof tool.name === "string" && tool.name !== "") {
    const out: ChatTool["function"] = { name: tool.name };
    if (typeof tool.description === "string") out.description = tool.description;
    return { type: "function", function: out };
  }
  return undefined;
}
