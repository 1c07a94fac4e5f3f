/**
 * Span trees on a virtual clock, for the captures that are built from a source's code rather than
 * by running it (Python- or Java-only sources, see fixtures/MANIFEST.md).
 *
 * A from-source script describes each span the source would write: name, kind, the attributes set
 * when the span starts, the ones set before it ends (kept apart so the key order matches the
 * source), events, status and children. `emitTree` replays that description through the OTel JS
 * SDK set up by the harness, so the spans go through the same id generator, normaliser and OTLP/JSON
 * serializer as every captured fixture. Times are explicit offsets in milliseconds from the tree's
 * start, so durations are stable between runs (a captured fixture's are measured).
 *
 * Value types follow the JS SDK's serializer: a whole number becomes `intValue`, anything else
 * `doubleValue`. Scripts therefore pick non-integral values where the source writes a float.
 */
import {
  type Attributes,
  type Context,
  type HrTime,
  type SpanStatus,
  type Tracer,
  SpanKind,
  context,
  trace,
} from "@opentelemetry/api";

/** 2025-01-01T00:00:00Z in ms; the harness rebases anyway, this only keeps the arithmetic small. */
const EPOCH_MS = 1_735_689_600_000;

export interface EventSpec {
  readonly name: string;
  /** Milliseconds from the start of the tree. */
  readonly at: number;
  readonly attributes?: Attributes;
}

export interface SpanSpec {
  readonly name: string;
  readonly kind?: SpanKind;
  /** Milliseconds from the start of the tree. */
  readonly start: number;
  readonly end: number;
  /** Attributes passed when the span starts. */
  readonly attributes?: Attributes;
  /** Attributes set after the children ran, just before the span ends (in this order). */
  readonly endAttributes?: readonly Attributes[];
  readonly events?: readonly EventSpec[];
  readonly status?: SpanStatus;
  /** A different name set before the span ends (`update_name` in the source). */
  readonly finalName?: string;
  readonly children?: readonly SpanSpec[];
}

function hr(ms: number): HrTime {
  const total = EPOCH_MS + ms;
  const seconds = Math.floor(total / 1000);
  return [seconds, Math.round((total - seconds * 1000) * 1_000_000)];
}

/** Starts `spec` (and its children, depth first) under `parent` and ends them at their times. */
export function emitTree(tracer: Tracer, spec: SpanSpec, parent: Context = context.active()): void {
  const span = tracer.startSpan(
    spec.name,
    { kind: spec.kind ?? SpanKind.INTERNAL, attributes: spec.attributes ?? {}, startTime: hr(spec.start) },
    parent,
  );
  const inner = trace.setSpan(parent, span);
  for (const child of spec.children ?? []) emitTree(tracer, child, inner);
  for (const event of spec.events ?? []) span.addEvent(event.name, event.attributes ?? {}, hr(event.at));
  for (const attributes of spec.endAttributes ?? []) span.setAttributes(attributes);
  if (spec.finalName !== undefined) span.updateName(spec.finalName);
  if (spec.status !== undefined) span.setStatus(spec.status);
  span.end(hr(spec.end));
}

/** JSON text as Python's compact serialisers (`pydantic_core.to_json`, `json.dumps(separators=...)`) write it. */
export const compactJson = (value: unknown): string => JSON.stringify(value);
