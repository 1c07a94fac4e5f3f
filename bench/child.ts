/**
 * One measurement of one side of one benchmark row, in a process of its own (`bench/run.ts` bundles
 * this file with the library source and spawns it once per side per run). It builds its input from the
 * fixtures, runs the side untimed for a warm-up (the JIT settles), then times whole passes over the
 * input in short rounds for `ms` milliseconds, and prints one JSON line: each round's spans, wall time
 * and CPU time.
 *
 *   node .bench-tmp/child.js '<job as JSON>'
 */
import { createReadStream, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { convertGenAISpanAttributesToOpenInferenceSpanAttributes } from "@arizeai/openinference-genai";
import { decodeOtlpJson, decodeOtlpProtobuf, toMlflowAttributes, toMlflowSpan, type DecodedSpan } from "../src/index.js";
import { fixtureFiles, floor, groups, loadSpans, mixedCorpus, replicate } from "./corpus.js";

export interface Job {
  row: string;
  side: string;
  /** Timed milliseconds (after the warm-up). */
  ms: number;
  /** Spans in the input (replicated from the distinct fixture spans). */
  size: number;
  fixtures: string;
  /** decode rows: the request files; convert-floor: the JSON Lines file. */
  files?: Record<string, string>;
}

export interface Round {
  /** Spans processed in the round. */
  items: number;
  /** Wall-clock milliseconds. */
  ms: number;
  /** CPU milliseconds of this process (user + system, all its threads) in the round. */
  cpuMs: number;
}

export interface ChildResult {
  /** The timed rounds, after the warm-up. */
  rounds: Round[];
  /** Request bytes per span (decode and convert rows), to turn spans/s into MB/min. */
  bytesPerSpan?: number;
}

let sink: unknown;
const ROUNDS = 5;

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * Runs `fn` over `items` (cycling, from a cursor, so a round need not be a whole pass) untimed for a
 * warm-up, then for ROUNDS rounds, each timed by the wall clock and by the process's CPU time. Warm-up
 * and rounds are measured out in CPU time, not wall time: on a busy machine the process (and the JIT's
 * compiler threads) get the same work done before the timing starts, however often it is descheduled.
 * The parent keeps the best round: the one least disturbed by other processes.
 */
function timeLoop<T>(items: readonly T[], fn: (item: T) => unknown, ms: number, spansPerItem: (item: T) => number = () => 1, batch = 16): ChildResult {
  let cursor = 0;
  // The CPU clock (getrusage) costs microseconds: it is read only every 2 ms of wall time, the wall
  // clock after each small batch, so the clocks take the same negligible share of every side.
  const step = (cpuUntil: number): number => {
    let count = 0;
    let nextCheck = performance.now() + 2;
    for (;;) {
      for (let k = 0; k < batch; k++) {
        const item = items[cursor]!;
        sink = fn(item);
        count += spansPerItem(item);
        if (++cursor === items.length) cursor = 0;
      }
      const now = performance.now();
      if (now >= nextCheck) {
        if (cpuNow() >= cpuUntil) return count;
        nextCheck = now + 2;
      }
    }
  };
  step(cpuNow() + Math.min(600, Math.max(300, ms / 2)));
  const rounds: Round[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const cpu = cpuNow();
    const start = performance.now();
    const count = step(cpu + ms / ROUNDS);
    rounds.push({ items: count, ms: performance.now() - start, cpuMs: cpuNow() - cpu });
  }
  return { rounds };
}

const translate = (s: DecodedSpan) => toMlflowSpan(s);
const translateStore = (s: DecodedSpan) => toMlflowAttributes(toMlflowSpan(s));

function spanSide(side: string): (s: DecodedSpan) => unknown {
  switch (side) {
    case "translate":
      return translate;
    case "translate+store":
      return translateStore;
    case "floor":
      return floor;
    case "arize":
      return (s) => convertGenAISpanAttributesToOpenInferenceSpanAttributes(s.attributes as never);
    default:
      throw new Error(`unknown side ${side}`);
  }
}

async function run(job: Job): Promise<ChildResult> {
  if (job.row.startsWith("conv:")) {
    const spans = groups(loadSpans(job.fixtures)).get(job.row.slice(5));
    if (!spans) throw new Error(`no spans for ${job.row}`);
    return timeLoop(replicate(spans, job.size), spanSide(job.side), job.ms);
  }
  if (job.row === "mixed") return timeLoop(mixedCorpus(loadSpans(job.fixtures), job.size), spanSide(job.side), job.ms);
  if (job.row === "arize") return timeLoop(replicate(groups(loadSpans(job.fixtures)).get("genai") ?? [], job.size), spanSide(job.side), job.ms);
  if (job.row === "mlflow") {
    // What MLflow reads: the trace files alone (it has no /v1/logs).
    if (job.side === "translate+store") return timeLoop(replicate(loadSpans(job.fixtures, false), job.size), translateStore, job.ms);
    // From the parsed OTLP/JSON document to stored attributes, as run.py's decode + translate.
    const docs = fixtureFiles(job.fixtures).map((f) => ({ doc: JSON.parse(readFileSync(f, "utf8")) as unknown, spans: decodeOtlpJson(readFileSync(f, "utf8")).length }));
    const withSpans = docs.filter((d) => d.spans > 0);
    const perRound = withSpans.reduce((n, d) => n + d.spans, 0);
    const set = replicate(withSpans, Math.ceil(job.size / perRound) * withSpans.length);
    return timeLoop(
      set,
      (d) => {
        const out = [];
        for (const span of decodeOtlpJson(d.doc)) out.push(toMlflowAttributes(toMlflowSpan(span)));
        return out;
      },
      job.ms,
      (d) => d.spans,
      1,
    );
  }
  if (job.row === "decode") {
    const file = job.files![job.side === "protobuf" ? "protobuf" : "json"]!;
    const bytes = new Uint8Array(readFileSync(file));
    const text = new TextDecoder();
    const spans = job.side === "protobuf" ? decodeOtlpProtobuf(bytes).length : decodeOtlpJson(text.decode(bytes)).length;
    const fn =
      job.side === "json" ? () => decodeOtlpJson(text.decode(bytes)) : job.side === "protobuf" ? () => decodeOtlpProtobuf(bytes) : () => JSON.parse(text.decode(bytes));
    return { ...timeLoop([bytes], fn, job.ms, () => spans, 1), bytesPerSpan: bytes.length / spans };
  }
  if (job.row === "convert" && job.side === "floor") {
    // Read the file as convert does (a stream of lines) and JSON.parse each line: no translation.
    const cpu = process.cpuUsage();
    const start = performance.now();
    let bytes = 0;
    const lines = createInterface({ input: createReadStream(job.files!.jsonl!), crlfDelay: Infinity });
    for await (const line of lines) {
      bytes += line.length + 1;
      if (line.length > 0) sink = JSON.parse(line);
    }
    const used = process.cpuUsage(cpu);
    return { rounds: [{ items: 0, ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 }] };
  }
  throw new Error(`unknown row ${job.row}`);
}

run(JSON.parse(process.argv[2]!) as Job).then(
  (result) => {
    if (sink === Symbol.for("never")) console.error("");
    process.stdout.write(`${JSON.stringify(result)}\n`);
  },
  (error: unknown) => {
    process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
