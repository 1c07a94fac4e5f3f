/**
 * Where translated spans go: an MLflow tracking server (`POST /v1/traces`, protobuf, retried until it
 * answers) or a JSON Lines file. Both release a span's share of the buffer only once it is delivered.
 */
import { createWriteStream, type WriteStream } from "node:fs";
import type { SpanLike } from "../index.js";
import { encodeTraceJsonLine, encodeTraceRequest } from "./codec.js";
import type { Stats } from "./stats.js";

/** A translated span on its way out, with the bytes it holds in the buffer. */
export interface OutItem {
  span: SpanLike;
  bytes: number;
  convention: string;
}

export interface Sink {
  push(items: OutItem[]): void;
  /** Items accepted and not yet delivered. */
  readonly pending: number;
  /** Resolves once everything pushed is delivered (true) or the deadline passed (false). */
  drain(deadline: number): Promise<boolean>;
  /** Items still undelivered, taken out of the sink (for the spill file at shutdown). */
  takeUndelivered(): OutItem[];
  close(): Promise<void>;
}

export interface MlflowSinkOptions {
  url: string;
  experimentId: string;
  headers: Record<string, string>;
  batchSize: number;
  maxBatchBytes: number;
  concurrency: number;
  requestTimeoutMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** Called when spans leave the buffer (delivered, or refused for good). */
  release: (items: OutItem[]) => void;
  log: (line: string) => void;
}

/** Upstream answers worth trying again: the server is busy, down, or not (yet) configured for us. */
function retryable(status: number): boolean {
  return status === 408 || status === 429 || status >= 500 || status === 401 || status === 403 || status === 404;
}

export class MlflowSink implements Sink {
  private queue: OutItem[][] = [];
  private queued = 0;
  private inflight = 0;
  private inflightItems = new Set<OutItem[]>();
  private attempt = 0;
  private retryAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private waiters: Array<() => void> = [];
  private closed = false;
  private readonly endpoint: string;

  constructor(
    private readonly options: MlflowSinkOptions,
    private readonly stats: Stats,
  ) {
    this.endpoint = `${options.url.replace(/\/+$/, "")}/v1/traces`;
  }

  get pending(): number {
    let n = this.queued;
    for (const batch of this.inflightItems) n += batch.length;
    return n;
  }

  push(items: OutItem[]): void {
    if (items.length === 0) return;
    // Cut into batches now: a retried batch goes back to the front as it was.
    let batch: OutItem[] = [];
    let bytes = 0;
    for (const item of items) {
      if (batch.length > 0 && (batch.length >= this.options.batchSize || bytes + item.bytes > this.options.maxBatchBytes)) {
        this.appendBatch(batch);
        batch = [];
        bytes = 0;
      }
      batch.push(item);
      bytes += item.bytes;
    }
    this.appendBatch(batch);
    this.pump();
  }

  private appendBatch(batch: OutItem[]): void {
    // Top up the last queued batch when it is small, so many small requests make few upstream calls.
    const last = this.queue[this.queue.length - 1];
    const bytes = (items: OutItem[]) => items.reduce((n, i) => n + i.bytes, 0);
    if (last && last.length + batch.length <= this.options.batchSize && bytes(last) + bytes(batch) <= this.options.maxBatchBytes) last.push(...batch);
    else this.queue.push(batch);
    this.queued += batch.length;
  }

  private pump(): void {
    if (this.closed) return;
    const now = Date.now();
    if (now < this.retryAt) {
      this.schedule(this.retryAt - now);
      return;
    }
    while (this.inflight < this.options.concurrency && this.queue.length > 0) {
      // While the upstream is failing, probe with one request at a time.
      if (this.attempt > 0 && this.inflight > 0) break;
      const batch = this.queue.shift()!;
      this.queued -= batch.length;
      this.send(batch);
    }
  }

  private schedule(ms: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, ms);
  }

  private send(batch: OutItem[]): void {
    this.inflight++;
    this.inflightItems.add(batch);
    let body: Uint8Array;
    try {
      body = encodeTraceRequest(batch.map((i) => i.span));
    } catch (error) {
      // Cannot happen for spans the receiver built; refuse them rather than retry forever.
      this.finish(batch);
      this.refuse(batch, `could not encode: ${(error as Error).message}`);
      return;
    }
    fetch(this.endpoint, {
      method: "POST",
      headers: {
        ...this.options.headers,
        "content-type": "application/x-protobuf",
        "x-mlflow-experiment-id": this.options.experimentId,
      },
      body,
      signal: AbortSignal.timeout(this.options.requestTimeoutMs),
    }).then(
      async (response) => {
        const text = await response.text().catch(() => "");
        this.finish(batch);
        if (response.ok) return this.delivered(batch);
        const reason = `HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ""}`;
        if (retryable(response.status)) return this.retry(batch, reason, retryAfterMs(response.headers.get("retry-after")));
        return this.refuse(batch, reason);
      },
      (error: unknown) => {
        this.finish(batch);
        const cause = (error as { cause?: { code?: string } })?.cause?.code;
        this.retry(batch, `${(error as Error)?.name ?? "error"}${cause ? ` ${cause}` : ""}: ${(error as Error)?.message ?? String(error)}`);
      },
    );
  }

  private finish(batch: OutItem[]): void {
    this.inflight--;
    this.inflightItems.delete(batch);
  }

  private delivered(batch: OutItem[]): void {
    if (this.attempt > 0) this.options.log(`serve: upstream ${this.endpoint} is back after ${this.attempt} failed attempt(s)`);
    this.attempt = 0;
    this.retryAt = 0;
    this.stats.upstreamState = "ok";
    for (const item of batch) this.stats.countOut(item.convention);
    this.options.release(batch);
    this.settle();
  }

  private retry(batch: OutItem[], reason: string, after?: number): void {
    this.stats.retries++;
    this.stats.upstreamState = "down";
    if (this.attempt === 0) this.options.log(`serve: upstream ${this.endpoint} failed (${reason}); retrying with backoff`);
    this.attempt++;
    // Exponential backoff with full jitter in its upper half: base * 2^attempt, capped, times 0.5..1.
    const ceiling = Math.min(this.options.retryMaxMs, this.options.retryBaseMs * 2 ** Math.min(this.attempt - 1, 30));
    const delay = Math.max(after ?? 0, ceiling * (0.5 + Math.random() * 0.5));
    this.retryAt = Math.max(this.retryAt, Date.now() + delay);
    this.queue.unshift(batch);
    this.queued += batch.length;
    this.pump();
  }

  private refuse(batch: OutItem[], reason: string): void {
    if (batch.length > 1) {
      // Find the span the upstream objects to: halves go back to the front and are tried at once.
      const half = Math.ceil(batch.length / 2);
      this.queue.unshift(batch.slice(0, half), batch.slice(half));
      this.queued += batch.length;
      this.pump();
      return;
    }
    const span = batch[0]!.span;
    this.stats.upstreamRejected++;
    this.options.log(`serve: upstream refused span ${span.spanId ?? "?"} of trace ${span.traceId ?? "?"} (${reason}); not retried`);
    this.options.release(batch);
    this.settle();
  }

  private settle(): void {
    this.pump();
    if (this.pending === 0) {
      const waiters = this.waiters;
      this.waiters = [];
      for (const w of waiters) w();
    }
  }

  drain(deadline: number): Promise<boolean> {
    if (this.pending === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(this.pending === 0), Math.max(0, deadline - Date.now()));
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
      // Shutting down: do not sit out a long backoff; try again now and then every second.
      if (this.retryAt > Date.now() + 1000) this.retryAt = Date.now() + 1000;
      this.pump();
    });
  }

  takeUndelivered(): OutItem[] {
    const items = this.queue.flat();
    this.queue = [];
    this.queued = 0;
    for (const batch of this.inflightItems) items.push(...batch);
    this.inflightItems.clear();
    return items;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
  }
}

/** Retry-After as seconds or an HTTP date, in ms. */
function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, 300_000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.min(Math.max(0, date - Date.now()), 300_000);
}

/** Appends one OTLP/JSON ExportTraceServiceRequest per batch to a file. */
export class FileSink implements Sink {
  private readonly stream: WriteStream;
  private writing = 0;
  private waiters: Array<() => void> = [];
  private error: Error | undefined;

  constructor(
    path: string,
    private readonly stats: Stats,
    private readonly release: (items: OutItem[]) => void,
    private readonly log: (line: string) => void,
  ) {
    this.stream = createWriteStream(path, { flags: "a" });
    this.stream.on("error", (error) => {
      this.error ??= error;
      this.log(`serve: cannot write ${path}: ${error.message}`);
    });
  }

  get pending(): number {
    return this.writing;
  }

  push(items: OutItem[]): void {
    if (items.length === 0) return;
    this.writing += items.length;
    this.stream.write(encodeTraceJsonLine(items.map((i) => i.span)), (error) => {
      this.writing -= items.length;
      if (!error) {
        for (const item of items) this.stats.countOut(item.convention);
        this.release(items);
      }
      if (this.writing === 0) {
        const waiters = this.waiters;
        this.waiters = [];
        for (const w of waiters) w();
      }
    });
  }

  drain(deadline: number): Promise<boolean> {
    if (this.writing === 0) return Promise.resolve(this.error === undefined);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()));
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(this.error === undefined);
      });
    });
  }

  takeUndelivered(): OutItem[] {
    return [];
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.stream.end(() => resolve()));
  }
}
