/**
 * `toMlflowSpan` over one detector (pipeline/detector.ts). Flow: normalise the envelope -> detect
 * conventions (one walk) -> run each detected convention's parse steps, in the detector's reader order
 * (READERS order, or the chosen readers in that order), into one ParseContext -> pick the best
 * candidate per field -> MlflowSpan. The package's own `toMlflowSpan` (pipeline/translate.ts) is the
 * one over READERS; `createTranslator` (pipeline/translator.ts) makes one over the readers it is given.
 */
import type { Attributes, CanonicalSpan, Diagnostic } from "../canonical/span.js";
import type { Parser } from "../conventions/types.js";
import { normalizeEnvelope, type Envelope, type SpanLike } from "../otlp/span-like.js";
import { ParseContext } from "../readers/context.js";
import { completeUsage } from "../readers/usage.js";
import { inferProvider } from "../readers/values.js";
import type { Detector } from "./detector.js";

export interface ToMlflowOptions {
  /** Keep the source attributes the translation consumed (default true: nothing is lost). */
  keepSource?: boolean;
}

function assertSpanLike(span: unknown): asserts span is SpanLike {
  const fn = "toMlflowSpan";
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

/** The `toMlflowSpan` of a detector: a span's `conventions` name only the detector's readers. */
export function createToMlflowSpan<Id extends string>(detector: Detector<Id>): (span: SpanLike, options?: ToMlflowOptions) => CanonicalSpan<Id> {
  const { detectAndCopy, conventionsOfMask, parserOf } = detector;

  return function toMlflowSpan(span: SpanLike, options: ToMlflowOptions = {}): CanonicalSpan<Id> {
    assertSpanLike(span);
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
      return stamp(withEnvelope({ name: env.name, spanType: "UNKNOWN" } as CanonicalSpan<Id>, env, attributes, conventions, [noConvention()]));
    }

    const keepSource = options.keepSource !== false;
    const ctx = new ParseContext(env.attributes, env.events ?? [], env.name, env.kind, env.status, !keepSource, keys, index.groups);
    if (env.scope) ctx.scope = env.scope;
    // Detection and parsing come from the same readers, so every detected convention has its parser.
    for (const convention of conventions) runParser(parserOf(convention)!, ctx);
    // No provider key on the span: one inferred from the model id or span name, once every parser has
    // offered its model (so the result does not depend on which convention offered it first).
    inferProvider(ctx, conventions[conventions.length - 1]!);

    // The span with a fixed, readable key order: translated fields first, then the envelope, written
    // field by field straight from the context (see docs/performance.md).
    const out = { name: env.name, spanType: ctx.current("spanType")?.value ?? "UNKNOWN" } as CanonicalSpan<Id>;
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
  };
}

/** Completes `out` (name, span type and translated fields set) with the envelope, in the span's key order. */
function withEnvelope<S extends CanonicalSpan<string>>(out: S, env: Envelope, attributes: Attributes, conventions: S["conventions"], diagnostics: Diagnostic[]): S {
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
function stamp<S extends CanonicalSpan<string>>(span: S): S {
  for (const d of span.diagnostics) {
    if (span.name) d.spanName = span.name;
    if (span.spanId) d.spanId = span.spanId;
  }
  return span;
}

/** Runs a parser's steps in order over one span, with a fresh state (parse steps: conventions/types.ts). */
export function runParser(parse: Parser, ctx: ParseContext): void {
  const state = parse.state() as never;
  const steps = parse.steps;
  for (let i = 0; i < steps.length; i++) steps[i]!.run(ctx, state);
}
