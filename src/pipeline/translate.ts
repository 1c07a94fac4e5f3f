/**
 * The entry points: SpanLike -> MlflowSpan (`toMlflowSpan`, over every convention: pipeline/to-mlflow.ts
 * with the detector of READERS) and back (`fromMlflowSpan`, through the target module's emitter).
 */
import { assertTypedFields } from "../canonical/guards.js";
import { EMIT_TARGETS, moduleOf, type EmitTarget, type MlflowSpan } from "../conventions/index.js";
import type { EmitContext, EmitOptions } from "../conventions/types.js";
import type { SpanLike } from "../otlp/span-like.js";
import { conventionOfKey, DETECTOR } from "./detect.js";
import { createToMlflowSpan, type ToMlflowOptions } from "./to-mlflow.js";

export { runParser, type ToMlflowOptions } from "./to-mlflow.js";

/** `fromMlflowSpan` options: the target convention, and target-specific switches. */
export interface FromMlflowOptions extends EmitOptions {
  to: EmitTarget;
}

/** Translates one span (SDK ReadableSpan, decoded OTLP span or plain object) into an MlflowSpan, reading every convention. */
export const toMlflowSpan: (span: SpanLike, options?: ToMlflowOptions) => MlflowSpan = /* @__PURE__ */ createToMlflowSpan(DETECTOR);

export function isMlflowSpan(value: unknown): value is MlflowSpan {
  if (value === null || typeof value !== "object") return false;
  const v = value as Partial<MlflowSpan>;
  return typeof v.spanType === "string" && Array.isArray(v.conventions) && Array.isArray(v.diagnostics);
}

const EMIT_CONTEXT_BASE = { conventionOf: conventionOfKey };

/** The span envelope (everything but the translated fields), for emitters to start from. */
function envelopeOf(span: MlflowSpan): EmitContext["envelope"] {
  const out: EmitContext["envelope"] = { name: span.name };
  if (span.events) out.events = span.events;
  if (span.status) out.status = span.status;
  if (span.kind) out.kind = span.kind;
  if (span.traceId) out.traceId = span.traceId;
  if (span.spanId) out.spanId = span.spanId;
  if (span.parentSpanId) out.parentSpanId = span.parentSpanId;
  if (span.startTimeUnixNano) out.startTimeUnixNano = span.startTimeUnixNano;
  if (span.endTimeUnixNano) out.endTimeUnixNano = span.endTimeUnixNano;
  if (span.scope) out.scope = span.scope;
  if (span.resource) out.resource = span.resource;
  return out;
}

export function fromMlflowSpan(span: MlflowSpan | SpanLike, options: FromMlflowOptions): SpanLike {
  const to = (options as Partial<FromMlflowOptions> | undefined)?.to;
  if (!to || !(EMIT_TARGETS as readonly string[]).includes(to)) {
    throw new TypeError(`fromMlflowSpan: options.to must be one of ${EMIT_TARGETS.map((t) => `"${t}"`).join(", ")}; got ${JSON.stringify(to)}`);
  }
  let canonical: MlflowSpan;
  if (isMlflowSpan(span)) {
    assertTypedFields(span, "fromMlflowSpan");
    canonical = span;
  } else canonical = toMlflowSpan(span);
  const emit = moduleOf(to)!.emit!;
  return emit(canonical, options, { ...EMIT_CONTEXT_BASE, envelope: envelopeOf(canonical) });
}
