import type { ChatTool } from "../../../canonical/span.js";
import { OPENLLMETRY } from "../keys.js";
import { safeJsonParse } from "../../../internal/json.js";
import { isPlainObject } from "../../../internal/records.js";
import { parseIndex } from "../../../readers/unflatten.js";
import { RANK, type ParseContext } from "../../../readers/context.js";
import { type IndexedFamily } from "../../../readers/indexed.js";
import { readIndexed } from "./indexed.js";
export function readFunctions(ctx: ParseContext, family: IndexedFamily): void {
  const prefix = OPENLLMETRY.requestFunctions;
  const indexed = readIndexed(ctx, prefix, family);
  if (!indexed) return;
  const tools: ChatTool[] = [];
  let allKept = true;
  const kept: boolean[] = [];
  const items = indexed.items;
  for (let position = 0; position < items.length; position++) {
    const item = items[position];
    if (!isPlainObject(item) || typeof item.name !== "string" || item.name === "") {
      const base = `${prefix}.${position}`;
      ctx.diagnose("invalid-value", "warning", `${base}.name is missing; the function is kept as is`, `${base}.name`);
      allKept = false;
      kept.push(false);
      continue;
    }
    const fn: ChatTool["function"] = { name: item.name };
    if (typeof item.description === "string") fn.description = item.description;
    // The JSON schema: `parameters` (Python OpenAI), `arguments` (JS), `input_schema` (Python Anthropic).
    for (const field of SCHEMA_FIELDS) {
      const raw = item[field];
      if (raw === undefined) continue;
      const parsed = typeof raw === "string" ? safeJsonParse(raw) : { ok: true as const, value: raw };
      if (parsed.ok && isPlainObject(parsed.value)) {
        fn.parameters = parsed.value as Record<string, unknown>;
        break;
      }
      ctx.diagnose("invalid-value", "warning", `${prefix}.${position}.${field} is not a JSON schema object; the function is kept without parameters`, `${prefix}.${position}.${field}`);
    }
    tools.push({ type: "function", function: fn });
    kept.push(true);
  }
  // The keys of the function read at position N are those of `<prefix>.N.` (positions are those of
  // the compacted list, so after a gap in the indices some keys are left unconsumed).
  const head = prefix.length + 1;
  for (const k of indexed.keys) {
    const dot = k.indexOf(".", head);
    if (dot < 0) continue;
    const index = parseIndex(k.slice(head, dot));
    if (index >= 0 && index < items.length && (allKept || kept[index])) ctx.consume(k);
  }
  if (tools.length > 0) ctx.offer("tools", tools, RANK.flattened, "openllmetry");
}

const SCHEMA_FIELDS = ["parameters", "arguments", "input_schema"] as const;
