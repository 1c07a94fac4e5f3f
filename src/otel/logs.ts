/**
 * GenAI content written as log records. Some instrumentations (the contrib OpenAI instrumentation,
 * GenAI's event API) put prompts and completions in log records correlated to the span by span id,
 * not on the span, so a span processor alone never sees them. `GenAiLogStore` keeps those records
 * (as span events, the shape `decodeOtlpJson({ logs })` gives them) until their span ends;
 * `MlflowSpanProcessor.logRecordProcessor` fills it from a LoggerProvider.
 */
import type { Attributes, AttributeValue } from "../index.js";
import type { HrTime, SpanContext } from "@opentelemetry/api";

export interface LogEvent {
  name: string;
  time: HrTime;
  attributes: Attributes;
}

/** What a LoggerProvider hands its processors (sdk-logs ReadWriteLogRecord / ReadableLogRecord). */
export interface LogRecordLike {
  readonly hrTime?: HrTime;
  readonly spanContext?: SpanContext;
  readonly eventName?: string;
  readonly body?: unknown;
  readonly attributes?: Record<string, unknown>;
}

/** The LogRecordProcessor interface of `@opentelemetry/sdk-logs`, written structurally. */
export interface LogRecordProcessor {
  onEmit(logRecord: LogRecordLike, context?: unknown): void;
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

/** Spans whose records are held at once; past it the oldest span's records are dropped. */
const MAX_SPANS = 10_000;
/** Records held for one span. */
const MAX_RECORDS_PER_SPAN = 1_000;

export class GenAiLogStore {
  readonly #bySpan = new Map<string, LogEvent[]>();

  add(record: LogRecordLike): void {
    const spanId = record.spanContext?.spanId;
    if (typeof spanId !== "string" || spanId === "") return;
    const attributes = record.attributes ?? {};
    const name = typeof record.eventName === "string" && record.eventName !== "" ? record.eventName : attributes["event.name"];
    // Only GenAI events: other logs of the app are none of the translation's business.
    if (typeof name !== "string" || !name.startsWith("gen_ai.")) return;
    const copy: Attributes = {};
    for (const key of Object.keys(attributes)) copy[key] = attributes[key] as AttributeValue;
    if (record.body !== undefined) copy["body"] = record.body as AttributeValue;
    let events = this.#bySpan.get(spanId);
    if (!events) {
      if (this.#bySpan.size >= MAX_SPANS) this.#bySpan.delete(this.#bySpan.keys().next().value as string);
      events = [];
      this.#bySpan.set(spanId, events);
    }
    if (events.length < MAX_RECORDS_PER_SPAN) events.push({ name, time: record.hrTime ?? [0, 0], attributes: copy });
  }

  /** The records of one span, removed from the store. */
  take(spanId: string): LogEvent[] | undefined {
    const events = this.#bySpan.get(spanId);
    if (events) this.#bySpan.delete(spanId);
    return events;
  }

  get size(): number {
    return this.#bySpan.size;
  }
}

/** A LogRecordProcessor that feeds a store; it never throws into the app. */
export function logRecordProcessorFor(store: GenAiLogStore): LogRecordProcessor {
  return {
    onEmit(logRecord) {
      try {
        store.add(logRecord);
      } catch {
        // A record that cannot be read is left out of the translation.
      }
    },
    forceFlush: () => Promise.resolve(),
    shutdown: () => Promise.resolve(),
  };
}
