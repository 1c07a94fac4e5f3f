/** Canonical span -> a span whose attributes are exactly what MLflow stores (`toMlflowAttributes`). */
import type { CanonicalSpan } from "../../canonical/span.js";
import type { SpanLike } from "../../otlp/span-like.js";
import type { EmitContext, EmitOptions } from "../types.js";
import { toMlflowAttributes } from "./encode.js";

export function emitMlflow(span: CanonicalSpan, _options: EmitOptions, ctx: EmitContext): SpanLike {
  return { ...ctx.envelope, attributes: toMlflowAttributes(span) };
}
