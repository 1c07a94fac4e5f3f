/**
 * One measurement of one side of one benchmark row, in a process of its own (`bench/run.ts` bundles
 * this file with the library source and spawns it once per side per run). It builds its input from the
 * fixtures, runs the side untimed for a warm-up (the JIT settles), then times whole passes over the
 * input until `ms` milliseconds have passed, and prints one JSON line: `{ items, ms, bytes }`.
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

export interface ChildResult {
  /** Spans processed in the timed part. */
  items: number;
  ms: number;
  /** Request bytes processed in the timed part (decode and convert rows). */
  bytes?: number;
}

let sink: unknown;

/** Passes of `fn` over `items` until `ms` have passed; returns the spans and the time. */
function timeLoop<T>(items: readonly T[], fn: (item: T) => unknown, ms: number, spansPerItem: (item: T) => number = () => 1): ChildResult {
  const warmEnd = performance.now() + Math.min(400, Math.max(100, ms / 2));
  do for (const item of items) sink = fn(item);
  while (performance.now() < warmEnd);
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (const item of items) {
      sink = fn(item);
      count += spansPerItem(item);
    }
    elapsed = performance.now() - start;
  } while (elapsed < ms);
  return { items: count, ms: elapsed };
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
    );
  }
  if (job.row === "decode") {
    const file = job.files![job.side === "protobuf" ? "protobuf" : "json"]!;
    const bytes = new Uint8Array(readFileSync(file));
    const text = new TextDecoder();
    const spans = job.side === "protobuf" ? decodeOtlpProtobuf(bytes).length : decodeOtlpJson(text.decode(bytes)).length;
    const fn =
      job.side === "json" ? () => decodeOtlpJson(text.decode(bytes)) : job.side === "protobuf" ? () => decodeOtlpProtobuf(bytes) : () => JSON.parse(text.decode(bytes));
    const r = timeLoop([bytes], fn, job.ms, () => spans);
    return { ...r, bytes: (r.items / spans) * bytes.length };
  }
  if (job.row === "convert" && job.side === "floor") {
    // Read the file as convert does (a stream of lines) and JSON.parse each line: no translation.
    const start = performance.now();
    let bytes = 0;
    const lines = createInterface({ input: createReadStream(job.files!.jsonl!), crlfDelay: Infinity });
    for await (const line of lines) {
      bytes += line.length + 1;
      if (line.length > 0) sink = JSON.parse(line);
    }
    return { items: 0, ms: performance.now() - start, bytes };
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
