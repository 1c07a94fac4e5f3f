import { OPENLLMETRY } from "../keys.js";
import { RANK, type ParseContext } from "../../../readers/context.js";
import { describe } from "./params.js";
import { REQUEST_TYPE_TYPES, SPAN_KIND_TYPES } from "../tables.js";
import { hasOwn } from "../../../internal/records.js";

function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return hasOwn(table, key) ? table[key] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Span type

export function readSpanKind(ctx: ParseContext): void {
  const key = OPENLLMETRY.spanKind;
  if (!ctx.has(key)) return;
  const raw = ctx.get(key);
  if (typeof raw !== "string") {
    ctx.diagnose("invalid-value", "warning", `${key} should be a string, got ${describe(raw)}`, key);
    return;
  }
  const kind = raw.toLowerCase();
  const type = lookup(SPAN_KIND_TYPES, kind);
  if (type) {
    ctx.consume(key);
    ctx.offer("spanType", type, kind === "task" ? RANK.genericKind : RANK.explicitKind, "openllmetry");
  } else if (kind === "llm") {
    // Some instrumentations mark their model spans so; llm.request.type says which kind.
    ctx.consume(key);
    ctx.offer("spanType", "LLM", RANK.inferred, "openllmetry");
  } else if (kind !== "unknown") {
    ctx.diagnose("unknown-value", "warning", `${key} "${raw}" is not a Traceloop span kind; the span type is inferred from the other attributes`, key);
  } else {
    ctx.consume(key);
  }
}

export function readRequestType(ctx: ParseContext): void {
  const key = OPENLLMETRY.requestType;
  if (!ctx.has(key)) return;
  const raw = ctx.get(key);
  if (typeof raw !== "string") {
    ctx.diagnose("invalid-value", "warning", `${key} should be a string, got ${describe(raw)}`, key);
    return;
  }
  const type = lookup(REQUEST_TYPE_TYPES, raw.toLowerCase());
  if (type) {
    ctx.consume(key);
    ctx.offer("spanType", type, RANK.operation, "openllmetry");
  } else if (raw.toLowerCase() === "unknown") {
    ctx.consume(key);
    ctx.offer("spanType", "LLM", RANK.inferred, "openllmetry");
  } else {
    ctx.diagnose("unknown-value", "warning", `${key} "${raw}" is not an OpenLLMetry request type; the span type is inferred from the other attributes`, key);
  }
}
