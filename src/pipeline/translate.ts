/**
 * The entry points: SpanLike -> MlflowSpan (`toMlflowSpan`) and back (`fromMlflowSpan`).
 * Flow: normalise the envelope -> detect conventions (one walk: pipeline/detect.ts) -> run each
 * detected convention's parse steps, in the order of READERS (= CONVENTIONS), into one ParseContext -> pick the
 * best candidate per field -> MlflowSpan.
 */
import type { Attributes, Diagnostic } from "../canonical/span.js";
import { assertTypedFields } from "../canonical/guards.js";
import { EMIT_TARGETS, moduleOf, type Convention, type EmitTarget, type MlflowSpan } from "../conventions/index.js";
import { parserOf } from "../conventions/readers.js";
import type { EmitContext, EmitOptions, Parser } from "../conventions/types.js";
import { normalizeEnvelope, type Envelope, type SpanLike } from "../otlp/span-like.js";
import { ParseContext } from "../readers/context.js";
import { conventionOfKey, conventionsOfMask, detectAndCopy } from "./detect.js";
import { completeUsage } from "../readers/usage.js";
import { inferProvider } from "../readers/values.js";

/** `fromMlflowSpan` options: the target convention, and target-specific switches. */
export interface FromMlflowOptions extends EmitOptions {
  to: EmitTarget;
}

export interface ToMlflowOptions {
  /** Keep the source attributes the translation consumed (default true: nothing is lost). */
  keepSource?: boolean;
}

function assertSpanLike(span: unknown, fn: string): asserts span is SpanLike {
  if (span === null || typeof span !== "object") {
    throw new TypeError(`${fn} expects a span object ({ attributes, ... }), got ${span === null ? "null" : typeof span}`);
  }
  const attributes = (span as { attributes?: unknown }).attributes;
  if (Array.isArray(attributes)) {
    throw new TypeError(
      `${fn}: span.attributes is an array, which looks like raw OTLP/JSON key/value pairs; decode the request with decodeOtlpJson() first`,
    );
  }
  if (attributes !== undefined && (attributes === null || typeof attributes !== "object")) {
    throw new TypeError(`${fn}: span.attributes must be an object of attribute values`);
  }
}

export function toMlflowSpan(span: SpanLike, options: ToMlflowOptions = {}): MlflowSpan {
  assertSpanLike(span, "toMlflowSpan");
  // Taken once, for the envelope's bigint check, the detection walk and the parsers' key scans
  // (ParseContext.keys); again only when the envelope had to copy the record.
  const source = span.attributes ?? {};
  const sourceKeys = Object.keys(source);
  const env = normalizeEnvelope(span, sourceKeys);
  const attributes: Attributes = {};
  const keys = env.attributes === source ? sourceKeys : Object.keys(env.attributes);
  const index = detectAndCopy(env.attributes, env.events, attributes, keys, env.scope);
  const conventions = conventionsOfMask(index.conventions);

  if (conventions.length === 0) {
    // Most spans in a real trace (HTTP, DB) carry no LLM convention: leave them quickly.
    return stamp(withEnvelope({ name: env.name, spanType: "UNKNOWN" } as MlflowSpan, env, attributes, conventions, [noConvention()]));
  }

  const keepSource = options.keepSource !== false;
  const ctx = new ParseContext(env.attributes, env.events ?? [], env.name, env.kind, env.status, !keepSource, keys, index.groups);
  if (env.scope) ctx.scope = env.scope;
  // Detection and parsing come from the same readers, so every detected convention has its parser
  // (READERS, not CONVENTIONS: this path does not bundle emitters, rules or losses).
  for (const convention of conventions) runParser(parserOf(convention)!, ctx);
  // No provider key on the span: one inferred from the model id or span name, once every parser has
  // offered its model (so the result does not depend on which convention offered it first).
  inferProvider(ctx, conventions[conventions.length - 1]!);

  // The span with a fixed, readable key order: translated fields first, then the envelope, written
  // field by field straight from the context (see docs/performance.md).
  const out = { name: env.name, spanType: ctx.current("spanType")?.value ?? "UNKNOWN" } as MlflowSpan;
  const inputs = ctx.current("inputs");
  if (inputs && inputs.value !== undefined) out.inputs = inputs.value;
  const outputs = ctx.current("outputs");
  if (outputs && outputs.value !== undefined) out.outputs = outputs.value;
  const usage = ctx.current("tokenUsage");
  if (usage) {
    const complete = completeUsage(usage.value, ctx);
    if (complete) out.tokenUsage = complete;
  }
  const model = ctx.current("model");
  if (model && model.value !== undefined) out.model = model.value;
  const provider = ctx.current("provider");
  if (provider && provider.value !== undefined) out.provider = provider.value;
  const tools = ctx.current("tools");
  if (tools && tools.value !== undefined) out.tools = tools.value;
  const cost = ctx.current("cost");
  if (cost && cost.value !== undefined) out.cost = cost.value;
  const messageFormat = ctx.current("messageFormat");
  if (messageFormat && messageFormat.value !== undefined) out.messageFormat = messageFormat.value;
  if (!keepSource) {
    for (const key of ctx.consumed) delete attributes[key];
  }
  // A source that marks errors in its own keys (Langfuse `level`) sets the status it leaves UNSET.
  const envelope = ctx.errorStatus === undefined ? env : { ...env, status: ctx.errorStatus };
  return stamp(withEnvelope(out, envelope, attributes, conventions, ctx.diagnostics));
}

/** Completes `out` (name, span type and translated fields set) with the envelope, in the span's key order. */
function withEnvelope(out: MlflowSpan, env: Envelope, attributes: Attributes, conventions: Convention[], diagnostics: Diagnostic[]): MlflowSpan {
  out.conventions = conventions;
  out.diagnostics = diagnostics;
  if (env.kind !== undefined) out.kind = env.kind;
  if (env.status !== undefined) out.status = env.status;
  if (env.traceId !== undefined) out.traceId = env.traceId;
  if (env.spanId !== undefined) out.spanId = env.spanId;
  if (env.parentSpanId !== undefined) out.parentSpanId = env.parentSpanId;
  if (env.startTimeUnixNano !== undefined) out.startTimeUnixNano = env.startTimeUnixNano;
  if (env.endTimeUnixNano !== undefined) out.endTimeUnixNano = env.endTimeUnixNano;
  out.attributes = attributes;
  if (env.events) out.events = env.events;
  if (env.scope) out.scope = env.scope;
  if (env.resource) out.resource = env.resource;
  return out;
}


function noConvention(): Diagnostic {
  return {
    code: "no-convention",
    severity: "info",
    message: "no LLM tracing convention recognised; the span keeps its attributes and gets span type UNKNOWN",
  };
}

/** Names the span on each diagnostic so a CI log line is self-explanatory. */
function stamp(span: MlflowSpan): MlflowSpan {
  for (const d of span.diagnostics) {
    if (span.name) d.spanName = span.name;
    if (span.spanId) d.spanId = span.spanId;
  }
  return span;
}

export function isMlflowSpan(value: unknown): value is MlflowSpan {
  if (value === null || typeof value !== "object") return false;
  const v = value as Partial<MlflowSpan>;
  return typeof v.spanType === "string" && Array.isArray(v.conventions) && Array.isArray(v.diagnostics);
}


/** Runs a parser's steps in order over one span, with a fresh state (parse steps: conventions/types.ts). */
export function runParser(parse: Parser, ctx: ParseContext): void {
  const state = parse.state() as never;
  const steps = parse.steps;
  for (let i = 0; i < steps.length; i++) steps[i]!.run(ctx, state);
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
