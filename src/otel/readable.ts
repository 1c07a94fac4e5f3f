/**
 * ReadableSpan-shaped objects: what the stock OTel span exporters (`OTLPTraceExporter` over HTTP/JSON,
 * protobuf or gRPC, and the console / in-memory exporters) accept.
 *
 * - `presentSpan` shows an SDK span with extra attributes without touching it (SDK 2.x spans are
 *   read-only once ended) and in both spellings of the parent and scope, so a 1.x span can go through
 *   a 2.x serializer and back.
 * - `toReadableSpan` writes a canonical span (or any span the library reads) in a chosen convention,
 *   built on `fromMlflowSpan`, for exporting MLflow traces to another backend.
 */
import { diag, type Attributes as OtelAttributes, type HrTime, type SpanContext, type SpanKind } from "@opentelemetry/api";
import { detectConventions, fromMlflowSpan, toMlflowAttributes, toMlflowSpan } from "../index.js";
import type { FromMlflowOptions, MlflowSpan, SpanLike } from "../index.js";
import type { LogEvent } from "./logs.js";
import type { OtelResource, OtelScope, OtelTimedEvent, ReadableSpan, SdkReadableSpan } from "./types.js";

/** Fields read from a span once, so the presented object never calls back into the SDK span. */
export function presentSpan(span: SdkReadableSpan, attributes?: OtelAttributes): ReadableSpan {
  const context = span.spanContext();
  const scope = span.instrumentationScope ?? span.instrumentationLibrary ?? { name: "" };
  let parent = span.parentSpanContext;
  if (parent === undefined && typeof span.parentSpanId === "string" && span.parentSpanId !== "") {
    parent = { traceId: context.traceId, spanId: span.parentSpanId, traceFlags: context.traceFlags };
  }
  return {
    name: span.name,
    kind: span.kind,
    spanContext: () => context,
    parentSpanContext: parent,
    parentSpanId: parent?.spanId,
    startTime: span.startTime,
    endTime: span.endTime,
    status: span.status,
    attributes: attributes ?? span.attributes,
    links: span.links,
    events: span.events,
    duration: span.duration,
    ended: span.ended,
    resource: span.resource,
    instrumentationScope: scope,
    instrumentationLibrary: scope,
    droppedAttributesCount: span.droppedAttributesCount,
    droppedEventsCount: span.droppedEventsCount,
    droppedLinksCount: span.droppedLinksCount,
  };
}

export interface ReadableSpanOptions extends FromMlflowOptions {
  /**
   * The resource of spans that carry none (default: a resource with no attributes). A span's own
   * resource attributes win.
   */
  resource?: OtelAttributes;
  /** The instrumentation scope of spans that carry none (default: `{ name: "mlflow-semconv" }`). */
  scope?: OtelScope;
}

/** OTel API `SpanKind` numbers by name; OTLP's UNSPECIFIED has no API value and becomes INTERNAL. */
const KIND_NUMBERS: Readonly<Record<string, number>> = { INTERNAL: 0, SERVER: 1, CLIENT: 2, PRODUCER: 3, CONSUMER: 4 };
const STATUS_NUMBERS: Readonly<Record<string, number>> = { UNSET: 0, OK: 1, ERROR: 2 };
const DEFAULT_SCOPE: OtelScope = { name: "mlflow-semconv" };

/**
 * One span in the chosen convention, as an object the stock OTel exporters serialise: ids, times,
 * kind, status, events, scope and resource come from the span; the attributes are
 * `fromMlflowSpan(span, { to })`'s. A span without ids gets random ones, and one without times starts
 * and ends at 0. Throws only on misuse, as `fromMlflowSpan` does (an unknown `to`, a non-object span).
 */
export function toReadableSpan(span: MlflowSpan | SpanLike, options: ReadableSpanOptions): ReadableSpan {
  return toReadableSpans([span], options)[0]!;
}

/**
 * Several spans at once. Spans with the same resource attributes share one resource object, and the
 * same for scopes, so an exporter groups them into one `ResourceSpans` / `ScopeSpans` as the SDK does.
 */
export function toReadableSpans(spans: Iterable<MlflowSpan | SpanLike>, options: ReadableSpanOptions): ReadableSpan[] {
  const resources = new Map<string, OtelResource>();
  const scopes = new Map<string, OtelScope>();
  const out: ReadableSpan[] = [];
  for (const source of spans) {
    const emitted = fromMlflowSpan(source, options);
    out.push(readableOf(emitted, options, resources, scopes));
  }
  return out;
}

function readableOf(span: SpanLike, options: ReadableSpanOptions, resources: Map<string, OtelResource>, scopes: Map<string, OtelScope>): ReadableSpan {
  const traceId = typeof span.traceId === "string" && span.traceId !== "" ? span.traceId : randomHex(16);
  const spanId = typeof span.spanId === "string" && span.spanId !== "" ? span.spanId : randomHex(8);
  const context: SpanContext = { traceId, spanId, traceFlags: 1 };
  const parent: SpanContext | undefined =
    typeof span.parentSpanId === "string" && span.parentSpanId !== "" ? { traceId, spanId: span.parentSpanId, traceFlags: 1 } : undefined;
  const start = hrTime(span.startTimeUnixNano) ?? hrTime(span.endTimeUnixNano) ?? ([0, 0] as HrTime);
  const end = hrTime(span.endTimeUnixNano) ?? start;
  const events: OtelTimedEvent[] = (span.events ?? []).map((event) => ({
    name: event.name,
    time: hrTime(event.timeUnixNano ?? event.time) ?? start,
    attributes: (event.attributes ?? {}) as OtelAttributes,
    droppedAttributesCount: 0,
  }));
  const status = span.status
    ? { code: typeof span.status.code === "number" ? span.status.code : (STATUS_NUMBERS[String(span.status.code)] ?? 0), ...(span.status.message ? { message: span.status.message } : {}) }
    : { code: 0 };
  const kind = (typeof span.kind === "number" ? span.kind : (KIND_NUMBERS[String(span.kind)] ?? 0)) as SpanKind;
  const resourceAttributes = { ...(options.resource ?? {}), ...((span.resource?.attributes ?? {}) as OtelAttributes) };
  const scope = shared(scopes, span.scope ? { ...span.scope, attributes: span.scope.attributes as OtelAttributes | undefined } : (options.scope ?? DEFAULT_SCOPE));
  return {
    name: span.name ?? "",
    kind,
    spanContext: () => context,
    parentSpanContext: parent,
    parentSpanId: parent?.spanId,
    startTime: start,
    endTime: end,
    status,
    attributes: span.attributes as OtelAttributes,
    links: [],
    events,
    duration: difference(end, start),
    ended: true,
    resource: shared(resources, { attributes: resourceAttributes }),
    instrumentationScope: scope,
    instrumentationLibrary: scope,
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
  };
}

/** The first object seen with the same content, so equal resources and scopes are one object. */
function shared<T extends object>(seen: Map<string, T>, value: T): T {
  let key: string;
  try {
    key = JSON.stringify(value);
  } catch {
    return value;
  }
  const known = seen.get(key);
  if (known) return known;
  seen.set(key, value);
  return value;
}

function hrTime(time: unknown): HrTime | undefined {
  let ns: bigint;
  if (typeof time === "string" && /^[0-9]+$/.test(time)) ns = BigInt(time);
  else if (typeof time === "bigint" && time >= 0n) ns = time;
  else if (typeof time === "number" && Number.isFinite(time) && time >= 0) ns = BigInt(Math.trunc(time));
  else if (Array.isArray(time) && time.length === 2) return [Number(time[0]), Number(time[1])];
  else return undefined;
  return [Number(ns / 1_000_000_000n), Number(ns % 1_000_000_000n)];
}

function difference(end: HrTime, start: HrTime): HrTime {
  let seconds = end[0] - start[0];
  let nanos = end[1] - start[1];
  if (nanos < 0) {
    seconds -= 1;
    nanos += 1_000_000_000;
  }
  return seconds < 0 ? [0, 0] : [seconds, nanos];
}

function randomHex(bytes: number): string {
  const buffer = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(buffer);
  let out = "";
  for (const byte of buffer) out += byte.toString(16).padStart(2, "0");
  return out;
}

/**
 * Spans this subpath already translated (the ones `MlflowSpanProcessor` presents), so that
 * `MlflowExporter` does not translate them again, with whether each uses an LLM convention. A WeakMap:
 * nothing shows on the span objects.
 */
const TRANSLATED = new WeakMap<object, boolean>();

export interface Translation {
  /** The span to hand on: the source span's fields, with the `mlflow.*` attributes when `llm`. */
  span: ReadableSpan;
  /** The canonical span, or undefined when the translation failed. */
  mlflow: MlflowSpan | undefined;
  /** Whether the span uses an LLM convention (and so carries the `mlflow.*` attributes). */
  llm: boolean;
}

/**
 * Translates one SDK span: a span that uses an LLM convention is presented with every attribute it
 * had plus the `mlflow.*` ones MLflow stores; any other span is presented as it is. Never throws:
 * a failed translation presents the span untouched (reported through `diag`). `logEvents`: GenAI log
 * records of the span (see logs.ts), read as span events.
 */
export function translateSdkSpan(span: SdkReadableSpan, logEvents?: readonly LogEvent[]): Translation {
  const known = TRANSLATED.get(span);
  if (known !== undefined) return { span: span as ReadableSpan, mlflow: undefined, llm: known };
  let mlflow: MlflowSpan | undefined;
  let presented: ReadableSpan;
  try {
    // GenAI content logged as records joins the span's events for the translation only; the span
    // handed on keeps its own events (the records are exported as logs already).
    const source = logEvents && logEvents.length > 0 ? { ...presentSpan(span), events: [...span.events, ...logEvents] } : span;
    mlflow = toMlflowSpan(source as unknown as SpanLike);
    const llm = mlflow.conventions.length > 0;
    presented = presentSpan(span, llm ? (toMlflowAttributes(mlflow) as OtelAttributes) : undefined);
    TRANSLATED.set(presented, llm);
    return { span: presented, mlflow, llm };
  } catch (error) {
    diag.warn(`mlflow-semconv: span "${safeName(span)}" was not translated and is exported as it is: ${String(error)}`);
    try {
      presented = presentSpan(span);
    } catch {
      presented = span as ReadableSpan;
    }
    return { span: presented, mlflow, llm: false };
  }
}

function safeName(span: unknown): string {
  try {
    return String((span as { name?: unknown }).name);
  } catch {
    return "?";
  }
}

/**
 * The span handed on by `MlflowSpanProcessor` when its filter needs no translation: whether the span
 * uses an LLM convention is decided now (a walk over its keys), but the translation runs when the
 * exporter first reads `attributes`. Behind a batch processor that is in the background export, so
 * parsing the messages never lengthens the app's call that ended the span. Never throws: a failed
 * translation leaves the source attributes (reported through `diag`).
 */
export function presentLazily(span: SdkReadableSpan, logEvents?: readonly LogEvent[]): { span: ReadableSpan; llm: boolean } {
  let events: ReadonlyArray<SdkReadableSpan["events"][number] | LogEvent>;
  let llm: boolean;
  try {
    events = logEvents && logEvents.length > 0 ? [...span.events, ...logEvents] : span.events;
    llm = detectConventions({ attributes: span.attributes as SpanLike["attributes"], events }).length > 0;
  } catch {
    // A span that cannot be read: the eager path reports it and hands it on untouched.
    return translateSdkSpan(span, logEvents);
  }
  if (!llm) {
    const presented = presentSpan(span);
    TRANSLATED.set(presented, false);
    return { span: presented, llm };
  }
  const presented = presentSpan(span);
  let translated: OtelAttributes | undefined;
  Object.defineProperty(presented, "attributes", {
    enumerable: true,
    configurable: false,
    get(): OtelAttributes {
      if (translated === undefined) {
        try {
          // A fresh plain presentation: spreading `presented` would call this getter again.
          const source = events === span.events ? span : { ...presentSpan(span), events };
          translated = toMlflowAttributes(toMlflowSpan(source as unknown as SpanLike)) as OtelAttributes;
        } catch (error) {
          diag.warn(`mlflow-semconv: span "${safeName(span)}" was not translated and is exported as it is: ${String(error)}`);
          translated = span.attributes;
        }
      }
      return translated;
    },
  });
  TRANSLATED.set(presented, true);
  return { span: presented, llm };
}
