/**
 * `npm run bench`: spans/s of `toMlflowSpan` per convention on a corpus built from the captured
 * fixtures (replicated, with about half non-LLM HTTP spans as in a real trace), and the ratio to a
 * floor: a loop that only copies each attribute record and JSON.parses each JSON-valued attribute once.
 * The goal (ARCHITECTURE.md) is to stay within 2x of the floor. On the GenAI-only spans it also runs a
 * peer, Arize's `@arizeai/openinference-genai` (GenAI -> OpenInference attributes), on the same spans.
 */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { convertGenAISpanAttributesToOpenInferenceSpanAttributes } from "@arizeai/openinference-genai";
import { decodeOtlpJson, detectConventions, toMlflowSpan, type Attributes, type DecodedSpan } from "../src/index.js";

const FIXTURES = process.env.BENCH_FIXTURES ?? new URL("../fixtures/", import.meta.url).pathname;
const TARGET_SPANS = Number(process.env.BENCH_SPANS ?? 100_000);
const MIN_MS = Number(process.env.BENCH_MS ?? 700);

function loadAll(dir: string): DecodedSpan[] {
  const spans: DecodedSpan[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) spans.push(...loadAll(path));
    else if (entry.name.endsWith(".otlp.json")) {
      const logs = path.replace(/\.otlp\.json$/, ".logs.json");
      spans.push(...decodeOtlpJson(readFileSync(path, "utf8"), existsSync(logs) ? { logs: readFileSync(logs, "utf8") } : {}));
    }
  }
  return spans;
}

/** The floor: copy the record, parse each JSON-looking string once. Nothing cheaper can translate. */
function floor(span: DecodedSpan): unknown {
  const copy: Attributes = {};
  let parsed = 0;
  for (const key in span.attributes) {
    const value = span.attributes[key];
    copy[key] = value;
    if (typeof value === "string" && (value.startsWith("{") || value.startsWith("["))) {
      try {
        JSON.parse(value);
        parsed++;
      } catch {
        // not JSON; the floor does not care
      }
    }
  }
  return parsed + Object.keys(copy).length;
}

const ROUNDS = 7;
let sink = 0;

/** Spans/s of one pass of at least `ms` over `spans`. */
function round(spans: DecodedSpan[], fn: (span: DecodedSpan) => unknown, ms: number): number {
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (const span of spans) sink += fn(span) ? 1 : 0;
    count += spans.length;
    elapsed = performance.now() - start;
  } while (elapsed < ms);
  return (count / elapsed) * 1000;
}

/**
 * Spans/s of each function on the same spans. The functions take turns, ROUNDS short rounds each
 * after a warm-up round, and each gets its median round: a burst of load from another process then
 * hits one round of each rather than all of one function, so the ratios between them hold.
 */
function measure(spans: DecodedSpan[], fns: ((span: DecodedSpan) => unknown)[]): number[] {
  for (const fn of fns) round(spans, fn, MIN_MS / ROUNDS); // warm-up: let the JIT settle first
  const results: number[][] = fns.map(() => []);
  for (let r = 0; r < ROUNDS; r++) fns.forEach((fn, i) => results[i]!.push(round(spans, fn, MIN_MS / ROUNDS)));
  if (sink < 0) console.log(sink);
  return results.map((xs) => xs.sort((a, b) => a - b)[xs.length >> 1]!);
}

function replicate<T>(items: T[], n: number): T[] {
  const out: T[] = [];
  for (let i = 0; out.length < n; i++) out.push(items[i % items.length]!);
  return out;
}

const all = loadAll(FIXTURES);
const groups = new Map<string, DecodedSpan[]>();
for (const span of all) {
  const label = detectConventions(span).join("+") || "none (HTTP)";
  groups.set(label, [...(groups.get(label) ?? []), span]);
}
const llm = all.filter((s) => detectConventions(s).length > 0);
const plain = all.filter((s) => detectConventions(s).length === 0);
const corpus = replicate([...replicate(llm, Math.ceil(TARGET_SPANS / 2)), ...replicate(plain, Math.floor(TARGET_SPANS / 2))], TARGET_SPANS);

const rows: string[][] = [];
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const row = (label: string, spans: DecodedSpan[], size: number) => {
  const set = replicate(spans, size);
  const [ours, base] = measure(set, [(s) => toMlflowSpan(s), floor]) as [number, number];
  rows.push([label, String(spans.length), fmt(ours), (1e6 / ours).toFixed(2), fmt(base), (base / ours).toFixed(2)]);
};
for (const [label, spans] of [...groups].sort()) row(label, spans, 20_000);
const genaiOnly = groups.get("genai") ?? [];
row(`mixed corpus (${llm.length} LLM + ${plain.length} HTTP distinct, ×${TARGET_SPANS.toLocaleString("en-US")})`, corpus, TARGET_SPANS);

const header = ["conventions", "distinct spans", "spans/s", "µs/span", "floor spans/s", "× floor"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
console.log(`node ${process.version}, ${process.platform}/${process.arch}; goal: × floor ≤ 2.00\n`);
console.log(line(header));
console.log(`|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`);
for (const r of rows) console.log(line(r));
if (genaiOnly.length > 0) {
  const set = replicate(genaiOnly, 20_000);
  const [ours, peer] = measure(set, [
    (s) => toMlflowSpan(s),
    (s) => convertGenAISpanAttributesToOpenInferenceSpanAttributes(s.attributes as never),
  ]) as [number, number];
  console.log(
    `\nGenAI spans: mlflow-semconv ${fmt(ours)} spans/s vs @arizeai/openinference-genai ${fmt(peer)} spans/s ` +
      `(ours is ${(ours / peer).toFixed(2)}× the peer's throughput)`,
  );
}
console.log(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
