/**
 * `fromMlflowSpan` over a list of writable modules: the canonical span (or a span to translate first)
 * written in the convention `options.to` names, through that module's emitter. The package's function
 * is this over CONVENTIONS (pipeline/translate.ts); `createFullTranslator` builds one over the modules a
 * program chose, so its bundle holds those emitters only. This file imports no module.
 */
import { assertTypedFields } from "../canonical/guards.js";
import type { CanonicalSpan } from "../canonical/span.js";
import type { ConventionModule, EmitContext, EmitOptions, Emitter } from "../conventions/types.js";
import type { SpanLike } from "../otlp/span-like.js";

/** Whether a value is a canonical span (what `toMlflowSpan` returns) rather than a span to translate. */
export function isMlflowSpan(value: unknown): value is CanonicalSpan {
  if (value === null || typeof value !== "object") return false;
  const v = value as Partial<CanonicalSpan>;
  return typeof v.spanType === "string" && Array.isArray(v.conventions) && Array.isArray(v.diagnostics);
}

/** The span envelope (everything but the translated fields), for emitters to start from. */
function envelopeOf(span: CanonicalSpan): EmitContext["envelope"] {
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

export type FromMlflowSpan<Id extends string, Target extends string> = (span: CanonicalSpan<Id> | SpanLike, options: EmitOptions & { to: Target }) => SpanLike;

/** The ids of the modules that have an emitter, in list order. */
export function emitTargetsOf<Target extends string>(modules: readonly ConventionModule[]): Target[] {
  return modules.flatMap((m) => (m.emit ? [m.id as Target] : []));
}

/**
 * `fromMlflowSpan` over the emitters of `modules`. A span that is not canonical is translated first
 * with `toMlflowSpan`; `conventionOf` tells emitters which convention a key belongs to, so they leave
 * other conventions' keys out. `caller` names the function in misuse errors. (It returns the function
 * alone: a property read of a call's result would keep the call, and every emitter, in a bundle that
 * does not use it.)
 */
export function createFromMlflowSpan<Id extends string, Target extends string>(
  modules: readonly ConventionModule<Id>[],
  toMlflowSpan: (span: SpanLike) => CanonicalSpan<Id>,
  conventionOf: (key: string) => string | undefined,
  caller = "fromMlflowSpan",
): FromMlflowSpan<Id, Target> {
  const emitters = new Map<string, Emitter>();
  for (const m of modules) if (m.emit) emitters.set(m.id, m.emit);
  const targets = emitTargetsOf(modules);
  const base = { conventionOf };
  const fromMlflowSpan: FromMlflowSpan<Id, Target> = (span, options) => {
    const to = (options as Partial<EmitOptions> | undefined)?.to;
    const emit = typeof to === "string" ? emitters.get(to) : undefined;
    if (!emit) {
      const fix = targets.length > 0 ? `must be one of ${targets.map((t) => `"${t}"`).join(", ")}` : "names no convention: none of the chosen ones has an emitter";
      throw new TypeError(`${caller}: options.to ${fix}; got ${JSON.stringify(to)}`);
    }
    let canonical: CanonicalSpan<Id>;
    if (isMlflowSpan(span)) {
      assertTypedFields(span, caller);
      canonical = span as CanonicalSpan<Id>;
    } else canonical = toMlflowSpan(span);
    return emit(canonical, options, { ...base, envelope: envelopeOf(canonical) });
  };
  return fromMlflowSpan;
}
