/**
 * From decoded spans to translated ones, with the join of GenAI content log records.
 *
 * Content written as log records (`/v1/logs`) may reach the receiver before or after its span:
 *   - an LLM span (span type LLM or CHAT_MODEL) is held for `joinWindowMs` after it arrives, so that
 *     records sent after it are joined; it then leaves, with or without them;
 *   - records whose span has not arrived are kept for `logHoldMs`, and joined when it does.
 * Both stores are bounded (spans and bytes); what does not fit is refused with 503 so the exporter
 * sends it again later, never dropped. Every other span is translated and passed on at once.
 */
import { toMlflowAttributes, toMlflowSpan, type DecodedSpan, type MlflowSpan, type SpanEvent, type SpanLike } from "../index.js";
import type { DecodedLogs } from "./codec.js";
import type { OutItem, Sink } from "./sinks.js";
import type { Stats } from "./stats.js";

export interface PipelineOptions {
  joinWindowMs: number;
  logHoldMs: number;
  maxBufferedSpans: number;
  maxBufferedBytes: number;
  maxWaitingLogBytes: number;
}

interface Held {
  span: DecodedSpan;
  translated: MlflowSpan;
  bytes: number;
  deadline: number;
  joined: boolean;
}

interface WaitingLogs {
  events: SpanEvent[];
  bytes: number;
  deadline: number;
}

const HOLD_TYPES: ReadonlySet<string> = new Set(["LLM", "CHAT_MODEL"]);

export class Pipeline {
  /** Spans inside the receiver: held for logs, queued, or being sent. */
  bufferedSpans = 0;
  bufferedBytes = 0;
  private readonly held = new Map<string, Held>();
  private readonly waiting = new Map<string, WaitingLogs>();
  private waitingBytes = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly options: PipelineOptions,
    private readonly sink: Sink,
    private readonly stats: Stats,
  ) {
    this.timer = setInterval(() => this.tick(Date.now()), Math.max(10, Math.min(250, Math.floor(options.joinWindowMs / 4) || 250)));
    this.timer.unref();
  }

  get heldSpans(): number {
    return this.held.size;
  }

  get waitingLogSpans(): number {
    return this.waiting.size;
  }

  /** Whether a request of this many spans and bytes fits; the receiver answers 503 when not. */
  fits(spans: number, bytes: number): boolean {
    if (spans === 0) return true;
    // An empty buffer always takes one request, however large, so a single big request cannot wedge.
    if (this.bufferedSpans === 0) return true;
    return this.bufferedSpans + spans <= this.options.maxBufferedSpans && this.bufferedBytes + bytes <= this.options.maxBufferedBytes;
  }

  /** Called by the sink when spans have left for good. */
  release = (items: OutItem[]): void => {
    for (const item of items) {
      this.bufferedSpans--;
      this.bufferedBytes -= item.bytes;
    }
  };

  acceptSpans(spans: DecodedSpan[], requestBytes: number): void {
    const share = spans.length === 0 ? 0 : Math.ceil(requestBytes / spans.length);
    const now = Date.now();
    const out: OutItem[] = [];
    for (const span of spans) {
      this.bufferedSpans++;
      this.bufferedBytes += share;
      const spanId = span.spanId!;
      const early = this.waiting.get(spanId);
      if (early) {
        this.waiting.delete(spanId);
        this.waitingBytes -= early.bytes;
        this.joinEvents(span, early.events);
        this.stats.logRecordsJoined += early.events.length;
      }
      const translated = translate(span);
      this.stats.countIn(conventionOf(translated));
      if (this.options.joinWindowMs > 0 && HOLD_TYPES.has(translated.spanType) && !this.held.has(spanId)) {
        this.held.set(spanId, { span, translated, bytes: share, deadline: now + this.options.joinWindowMs, joined: false });
      } else {
        out.push(this.outItem(span, translated, share));
      }
    }
    this.sink.push(out);
  }

  /** Whether these log records can be taken now (false: answer 503). */
  logsFit(bytes: number): boolean {
    return this.waitingBytes === 0 || this.waitingBytes + bytes <= this.options.maxWaitingLogBytes;
  }

  acceptLogs(logs: DecodedLogs, requestBytes: number): void {
    let records = 0;
    for (const events of logs.bySpanId.values()) records += events.length;
    this.stats.logRecordsIn += records + logs.unlinked;
    this.stats.logRecordsUnmatched += logs.unlinked;
    const share = records === 0 ? 0 : Math.ceil(requestBytes / records);
    const now = Date.now();
    for (const [spanId, events] of logs.bySpanId) {
      const held = this.held.get(spanId);
      if (held) {
        this.joinEvents(held.span, events);
        held.joined = true;
        this.stats.logRecordsJoined += events.length;
        continue;
      }
      const waiting = this.waiting.get(spanId);
      const bytes = share * events.length;
      this.waitingBytes += bytes;
      if (waiting) {
        waiting.events.push(...events);
        waiting.bytes += bytes;
      } else {
        this.waiting.set(spanId, { events: [...events], bytes, deadline: now + this.options.logHoldMs });
      }
    }
  }

  private joinEvents(span: DecodedSpan, events: SpanEvent[]): void {
    if (events === span.events) return;
    span.events.push(...events);
    span.events.sort((a, b) => compareNanos(a.timeUnixNano, b.timeUnixNano));
  }

  private outItem(span: DecodedSpan, translated: MlflowSpan, bytes: number): OutItem {
    // The span as it came, with the mlflow.* attributes written next to every source attribute.
    const out: SpanLike = { ...span, attributes: toMlflowAttributes(translated) };
    return { span: out, bytes, convention: conventionOf(translated) };
  }

  private releaseHeld(held: Held): OutItem {
    // Joined records can change inputs and outputs: translate again with them.
    const translated = held.joined ? translate(held.span) : held.translated;
    return this.outItem(held.span, translated, held.bytes);
  }

  tick(now: number): void {
    const out: OutItem[] = [];
    // Insertion order is deadline order (one window for all), so stop at the first one not yet due.
    for (const [spanId, held] of this.held) {
      if (held.deadline > now) break;
      this.held.delete(spanId);
      out.push(this.releaseHeld(held));
    }
    this.sink.push(out);
    for (const [spanId, waiting] of this.waiting) {
      if (waiting.deadline > now) break;
      this.waiting.delete(spanId);
      this.waitingBytes -= waiting.bytes;
      this.stats.logRecordsUnmatched += waiting.events.length;
    }
  }

  /** Shutdown: every held span leaves now; records still waiting for a span are counted unmatched. */
  releaseAll(): void {
    const out: OutItem[] = [];
    for (const held of this.held.values()) out.push(this.releaseHeld(held));
    this.held.clear();
    this.sink.push(out);
    for (const waiting of this.waiting.values()) this.stats.logRecordsUnmatched += waiting.events.length;
    this.waiting.clear();
    this.waitingBytes = 0;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/**
 * `toMlflowSpan` never throws on span data; should that promise ever break, the span still goes out
 * with its own attributes (span type UNKNOWN) rather than taking the request down with it.
 */
function translate(span: DecodedSpan): MlflowSpan {
  try {
    return toMlflowSpan(span);
  } catch {
    return { ...toMlflowSpan({ name: span.name, attributes: {} }), attributes: span.attributes };
  }
}

function conventionOf(span: MlflowSpan): string {
  return span.conventions[0] ?? "none";
}

function compareNanos(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : 1;
}
