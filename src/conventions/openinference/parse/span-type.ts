import { describeValue } from "../../../readers/values.js";
import type { SpanType } from "../../../canonical/span.js";
import { OI, OI_SPAN_KINDS } from "../keys.js";
import { RANK, type ParseContext } from "../../../readers/context.js";
import { OI_KIND_SPAN_TYPES } from "../tables.js";
/** The MLflow type `openinference.span.kind` names (offered once the content is known), or undefined when absent or unknown. */
export function readKind(ctx: ParseContext): SpanType | undefined {
  if (!ctx.has(OI.spanKind)) {
    ctx.diagnose("missing-span-kind", "info", `${OI.spanKind} is missing (the spec requires it); the span type is inferred from the other attributes`, OI.spanKind);
    return undefined;
  }
  const raw = ctx.get(OI.spanKind);
  const upper = typeof raw === "string" ? raw.trim().toUpperCase() : undefined;
  const type = upper !== undefined && Object.prototype.hasOwnProperty.call(OI_KIND_SPAN_TYPES, upper) ? OI_KIND_SPAN_TYPES[upper] : undefined;
  if (type === undefined) {
    ctx.diagnose(
      "unknown-span-kind",
      "warning",
      `${OI.spanKind} ${describeValue(raw)} is not an OpenInference span kind; the raw value is kept in attributes and the span type is inferred`,
      OI.spanKind,
    );
    return undefined;
  }
  // PROMPT has no MLflow type of its own: leave the key unconsumed so the raw kind survives.
  if (upper !== OI_SPAN_KINDS.PROMPT) ctx.consume(OI.spanKind);
  return type;
}

// ---------------------------------------------------------------------------------------------

export function inferSpanType(ctx: ParseContext, content: "chat" | "embedding" | "documents" | "rerank" | undefined, hasModel: boolean, chatType: SpanType): void {
  let type: SpanType | undefined;
  if (content === "chat") type = chatType;
  else if (content === "embedding") type = "EMBEDDING";
  else if (content === "documents") type = "RETRIEVER";
  else if (content === "rerank") type = "RERANKER";
  else if (hasModel || ctx.current("tokenUsage")) type = "LLM";
  if (type) ctx.offer("spanType", type, RANK.inferred, "openinference");
}
