/**
 * `npm run bench:decode`: OTLP/protobuf vs OTLP/JSON decode throughput (MB/min of request bytes and
 * spans/s) on the same request: every captured fixture's spans, repeated, written once as protobuf
 * (`encodeOtlpProtobuf`) and once as JSON (`encodeOtlpJson`). Both sides start from the request bytes
 * as a server receives them (the JSON side includes the UTF-8 decode of its body).
 *
 * Each measurement runs in its own child process (a fresh heap and JIT for each side), the two sides
 * interleaved round by round (alternating which goes first); the table gives the best and the median.
 *
 * Environment: BENCH_DECODE_REPEAT (corpus copies, default 10), BENCH_DECODE_RUNS (rounds, default 5),
 * BENCH_DECODE_MS (timed milliseconds per child after warm-up, default 1500).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { decodeOtlpJson, decodeOtlpProtobuf, encodeOtlpJson, encodeOtlpProtobuf, type DecodedSpan } from "../src/index.js";

type Side = "json" | "protobuf";
interface ChildResult {
  side: Side;
  bytes: number;
  spans: number;
  decodes: number;
  ms: number;
}

const SELF = fileURLToPath(import.meta.url);

function child(side: Side, file: string, ms: number): void {
  const bytes = new Uint8Array(readFileSync(file));
  const text = new TextDecoder();
  const decode = side === "json" ? () => decodeOtlpJson(text.decode(bytes)) : () => decodeOtlpProtobuf(bytes);
  let spans = 0;
  // Warm-up: let the JIT settle before timing.
  const warmEnd = performance.now() + Math.min(500, ms / 2);
  while (performance.now() < warmEnd) spans = decode().length;
  let decodes = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    spans = decode().length;
    decodes++;
    elapsed = performance.now() - start;
  } while (elapsed < ms);
  const result: ChildResult = { side, bytes: bytes.length, spans, decodes, ms: elapsed };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function fixtureSpans(dir: string): DecodedSpan[] {
  const out: DecodedSpan[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...fixtureSpans(path));
    else if (entry.name.endsWith(".otlp.json")) out.push(...decodeOtlpJson(readFileSync(path, "utf8")));
  }
  return out;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function parent(): void {
  const repeat = Number(process.env.BENCH_DECODE_REPEAT ?? 10);
  const runs = Number(process.env.BENCH_DECODE_RUNS ?? 5);
  const ms = Number(process.env.BENCH_DECODE_MS ?? 1500);
  const spans = fixtureSpans(fileURLToPath(new URL("../fixtures/", import.meta.url)));
  const corpus = Array.from({ length: repeat }, () => spans).flat();
  const dir = mkdtempSync(join(tmpdir(), "bench-decode-"));
  try {
    const files: Record<Side, string> = { json: join(dir, "corpus.json"), protobuf: join(dir, "corpus.pb") };
    writeFileSync(files.json, JSON.stringify(encodeOtlpJson(corpus)));
    writeFileSync(files.protobuf, encodeOtlpProtobuf(corpus));
    const results: Record<Side, ChildResult[]> = { json: [], protobuf: [] };
    for (let r = 0; r < runs; r++) {
      const order: Side[] = r % 2 === 0 ? ["protobuf", "json"] : ["json", "protobuf"];
      for (const side of order) {
        const out = spawnSync(process.execPath, [...process.execArgv, SELF, "--child", side, files[side], String(ms)], { encoding: "utf8" });
        if (out.status !== 0) throw new Error(`child ${side} failed: ${out.stderr}`);
        results[side].push(JSON.parse(out.stdout.trim().split("\n").pop()!) as ChildResult);
      }
    }
    const rows = (["protobuf", "json"] as const).map((side) => {
      const list = results[side];
      const mbPerMin = list.map((x) => ((x.bytes * x.decodes) / 1e6 / x.ms) * 60_000);
      const spansPerS = list.map((x) => ((x.spans * x.decodes) / x.ms) * 1000);
      return { side, bytes: list[0]!.bytes, spans: list[0]!.spans, mbBest: Math.max(...mbPerMin), mbMedian: median(mbPerMin), spBest: Math.max(...spansPerS), spMedian: median(spansPerS) };
    });
    const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
    console.log(`decode: ${corpus.length} spans per request (fixtures x ${repeat}), ${runs} interleaved runs of ${ms} ms per side, one child process each (node ${process.version})\n`);
    console.log("| encoding | request bytes | MB/min best | MB/min median | spans/s best | spans/s median |");
    console.log("|---|---:|---:|---:|---:|---:|");
    for (const row of rows) console.log(`| ${row.side} | ${fmt(row.bytes)} | ${fmt(row.mbBest)} | ${fmt(row.mbMedian)} | ${fmt(row.spBest)} | ${fmt(row.spMedian)} |`);
    const [pb, json] = rows;
    console.log(`\nprotobuf / JSON, spans/s: best ${(pb!.spBest / json!.spBest).toFixed(2)}x, median ${(pb!.spMedian / json!.spMedian).toFixed(2)}x`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--child") child(process.argv[3] as Side, process.argv[4]!, Number(process.argv[5]));
else parent();
