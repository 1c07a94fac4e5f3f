/** Counters of the receiver, and the progress line printed from them. */

export class Stats {
  readonly spansIn = new Map<string, number>();
  readonly spansOut = new Map<string, number>();
  logRecordsIn = 0;
  logRecordsJoined = 0;
  /** Records whose span never arrived within the hold time (or named no span). */
  logRecordsUnmatched = 0;
  requests = 0;
  /** Requests answered 400 / 413 / 415. */
  badRequests = 0;
  /** Spans refused inside otherwise good requests (partial_success). */
  spansRejected = 0;
  /** Requests answered 503 because the buffer was full or the receiver was stopping. */
  busy = 0;
  /** Upstream attempts that failed and were scheduled again. */
  retries = 0;
  /** Spans the upstream refused for good, alone in their batch (4xx other than 408/429). */
  upstreamRejected = 0;
  /** Spans written to the spill file because the upstream stayed down past the shutdown deadline. */
  spilled = 0;
  upstreamState: "ok" | "down" | "-" = "-";

  countIn(convention: string): void {
    this.spansIn.set(convention, (this.spansIn.get(convention) ?? 0) + 1);
  }

  countOut(convention: string, n = 1): void {
    this.spansOut.set(convention, (this.spansOut.get(convention) ?? 0) + n);
  }

  total(map: Map<string, number>): number {
    let n = 0;
    for (const v of map.values()) n += v;
    return n;
  }

  /**
   * One line: spans in and out per convention, what is buffered and held, retries and every way a
   * span can fail to reach its destination (dropped is the sum of those and should read 0).
   */
  line(buffered: { spans: number; bytes: number; held: number; heldLogs: number }): string {
    const per = (map: Map<string, number>) =>
      map.size === 0 ? "" : ` (${[...map].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(", ")})`;
    const mib = (buffered.bytes / 1048576).toFixed(1);
    return (
      `serve: in ${this.total(this.spansIn)}${per(this.spansIn)} out ${this.total(this.spansOut)}${per(this.spansOut)}` +
      ` buffered ${buffered.spans} (${mib} MiB, ${buffered.held} held for logs) logs ${this.logRecordsIn} joined ${this.logRecordsJoined}` +
      ` waiting ${buffered.heldLogs} unmatched ${this.logRecordsUnmatched} retries ${this.retries} busy ${this.busy}` +
      ` bad ${this.badRequests} rejected ${this.spansRejected} spilled ${this.spilled} dropped ${this.upstreamRejected} upstream ${this.upstreamState}`
    );
  }
}
