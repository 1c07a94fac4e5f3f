/**
 * `npm run bench`: the benchmark as a repeatable measurement (docs/performance.md).
 *
 * Every side of every row runs in a child process of its own (a fresh heap and JIT), the sides of a row
 * one after the other in alternating order, the rows in turn, and the whole round `--runs` times: a burst
 * of load from another process then slows one run of one side, not every run of it. Each row reports the
 * best and the median of its runs, and its ratio to a reference measured in the same run: the floor (copy
 * each attribute record and JSON.parse each JSON-valued attribute), a peer (Arize's
 * `@arizeai/openinference-genai`, MLflow's Python translator), or `JSON.parse` of the same bytes.
 *
 * Rows: one per convention group (the detected conventions of each fixture span), the mixed corpus (LLM
 * and plain HTTP spans), the Arize peer on GenAI spans, MLflow's translator, decode of OTLP/JSON and
 * OTLP/protobuf, `convert` on a large JSON Lines file, and `serve` sustained.
 *
 *   npm run bench                         all rows, default sizes (about five minutes on 2 cores), then hostile.ts
 *   npm run bench -- --help               the options (bench/args.ts)
 *   npm run bench -- --quick              small sizes, 3 runs
 *   npm run bench -- --only conv,mixed    rows whose id starts with one of these
 *   npm run bench -- --convert-mib 1024   convert on 1 GiB (the documented figure)
 *   npm run bench -- --profile DIR        also write a .cpuprofile of our side of each row (first run)
 *   npm run bench:check                   small corpus against bench/baseline.json; exit 1 on a regression
 *   npm run bench:check -- --update-baseline
 *
 * Output: a Markdown table on stdout (machine first) and the full result as JSON (`--json PATH`,
 * default .bench-tmp/last.json).
 */
import { spawnSync } from "node:child_process";
import { cpus, loadavg, totalmem, release } from "node:os";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, createWriteStream, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "tsup";
import { decodeOtlpJson, encodeOtlpJson, encodeOtlpProtobuf } from "../src/index.js";
import { exitOnHelpOrError, parseRunArgs, RUN_USAGE } from "./args.js";
import { fixtureFiles, groups, loadSpans } from "./corpus.js";
import type { ChildResult, Job } from "./child.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const TMP = join(ROOT, ".bench-tmp");
const MLFLOW_PY = process.env.MLFLOW_PY ?? "/work/shared/peers/mlflow-py/run.py";

const opt = exitOnHelpOrError(parseRunArgs(process.argv.slice(2)), RUN_USAGE);

const checkMode = opt.check || opt["update-baseline"];
const BASELINE = opt.baseline ?? join(ROOT, "bench", "baseline.json");
/** Sizes: the full run, the quick one, and the check (small corpus, rows that hold a ratio only). */
const preset = checkMode
  ? { runs: 5, ms: 200, size: 5_000, mixed: 20_000, decodeRepeat: 1, convertMib: 0, convertRuns: 0, serveSeconds: 0, mlflowSpans: 0 }
  : opt.quick
    ? { runs: 3, ms: 250, size: 5_000, mixed: 20_000, decodeRepeat: 2, convertMib: 16, convertRuns: 1, serveSeconds: 5, mlflowSpans: 1_500 }
    : { runs: 5, ms: 400, size: 20_000, mixed: 100_000, decodeRepeat: 5, convertMib: 32, convertRuns: 2, serveSeconds: 10, mlflowSpans: 3_000 };
const num = (v: string | undefined, d: number) => (v === undefined ? d : Number(v));
const cfg = {
  runs: num(opt.runs, preset.runs),
  ms: num(opt.ms, preset.ms),
  size: num(opt.size, preset.size),
  mixed: num(opt.mixed, preset.mixed),
  decodeRepeat: num(opt["decode-repeat"], preset.decodeRepeat),
  convertMib: num(opt["convert-mib"], preset.convertMib),
  convertRuns: num(opt["convert-runs"], preset.convertRuns),
  serveSeconds: num(opt["serve-seconds"], preset.serveSeconds),
  mlflowSpans: num(opt["mlflow-spans"], preset.mlflowSpans),
  fixtures: opt.fixtures ?? join(ROOT, "fixtures"),
};

// --- rows ---------------------------------------------------------------------------------------------

interface Line {
  /** Stable id (the baseline's key). */
  id: string;
  label: string;
  side: string;
  /** The reference side; the ratio is our time per span ÷ the reference's. */
  ref?: string;
  refLabel?: string;
  goal?: number;
  /** Held to the baseline by --check. */
  checked: boolean;
}

interface Row {
  id: string;
  distinct: number;
  sides: string[];
  lines: Line[];
}

const note = (s: string) => process.stderr.write(`bench: ${s}\n`);
const all = loadSpans(cfg.fixtures);
const byGroup = groups(all);
const rows: Row[] = [];
for (const [label, spans] of byGroup) {
  rows.push({
    id: `conv:${label}`,
    distinct: spans.length,
    sides: ["translate", "floor"],
    lines: [{ id: `conv:${label}`, label, side: "translate", ref: "floor", refLabel: "floor", goal: 2, checked: true }],
  });
}
const llmCount = all.length - (byGroup.get("none (HTTP)")?.length ?? 0);
rows.push({
  id: "mixed",
  distinct: all.length,
  sides: ["translate", "floor"],
  lines: [
    { id: "mixed", label: `mixed corpus (${llmCount} LLM + ${all.length - llmCount} HTTP distinct, ×${cfg.mixed.toLocaleString("en-US")})`, side: "translate", ref: "floor", refLabel: "floor", goal: 1.5, checked: true },
  ],
});
rows.push({
  id: "arize",
  distinct: byGroup.get("genai")?.length ?? 0,
  sides: ["translate+store", "arize", "translate"],
  lines: [
    { id: "arize:store", label: "GenAI spans → stored attributes (toMlflowSpan + toMlflowAttributes)", side: "translate+store", ref: "arize", refLabel: "@arizeai/openinference-genai", goal: 1 / 3, checked: true },
    { id: "arize:translate", label: "GenAI spans → canonical span (toMlflowSpan)", side: "translate", ref: "arize", refLabel: "@arizeai/openinference-genai", goal: 1 / 3, checked: true },
  ],
});
if (!checkMode && cfg.mlflowSpans > 0) {
  rows.push({
    id: "mlflow",
    distinct: all.length,
    sides: ["translate+store", "mlflow-py", "doc+store"],
    lines: [
      { id: "mlflow:store", label: "decoded span → stored attributes (toMlflowSpan + toMlflowAttributes)", side: "translate+store", ref: "mlflow-py:translate", refLabel: "MLflow translate_span_when_storing", goal: 1 / 20, checked: false },
      { id: "mlflow:doc", label: "parsed OTLP/JSON → stored attributes (decodeOtlpJson + the above)", side: "doc+store", ref: "mlflow-py:decode+translate", refLabel: "MLflow span_from_otlp_json + translate", goal: 1 / 20, checked: false },
    ],
  });
}
rows.push({
  id: "decode",
  distinct: all.length,
  sides: ["json", "protobuf", "floor"],
  lines: [
    { id: "decode:json", label: "decode OTLP/JSON (decodeOtlpJson of the UTF-8 text)", side: "json", ref: "floor", refLabel: "JSON.parse of the same text", checked: true },
    { id: "decode:protobuf", label: "decode OTLP/protobuf (decodeOtlpProtobuf)", side: "protobuf", ref: "floor", refLabel: "JSON.parse of the JSON text", checked: true },
  ],
});
if (!checkMode && cfg.convertMib > 0 && cfg.convertRuns > 0) {
  rows.push({
    id: "convert",
    distinct: 0,
    sides: ["convert", "floor"],
    lines: [{ id: "convert", label: `convert --to mlflow, ${cfg.convertMib} MiB JSON Lines`, side: "convert", ref: "floor", refLabel: "read lines + JSON.parse", checked: false }],
  });
}
if (!checkMode && cfg.serveSeconds > 0) {
  rows.push({ id: "serve", distinct: 0, sides: ["serve"], lines: [{ id: "serve", label: `serve, ${cfg.serveSeconds} s sustained (protobuf in, protobuf out)`, side: "serve", checked: false }] });
}

const pick = (spec: string | undefined) => (spec ? spec.split(",").map((s) => s.trim()).filter(Boolean) : undefined);
const only = pick(opt.only);
const skip = pick(opt.skip) ?? [];
const selected = rows.filter((r) => (!only || only.some((p) => r.id.startsWith(p))) && !skip.some((p) => r.id.startsWith(p)));

// --- set-up: one bundle of the child and of the CLI, the decode requests, the JSON Lines file ----------

mkdirSync(TMP, { recursive: true });
const BUNDLE = join(TMP, "bundle");
note("bundling the child and the CLI (tsup)...");
await build({
  entry: { child: join(ROOT, "bench", "child.ts"), cli: join(ROOT, "src", "cli", "main.ts") },
  outDir: BUNDLE,
  format: ["esm"],
  platform: "node",
  target: "node20",
  clean: true,
  dts: false,
  sourcemap: false,
  splitting: false,
  silent: true,
  config: false,
  // The child measures the library as a user's bundler sees it: one module, the peer bundled in too.
  noExternal: [/.*/],
});
const CHILD = join(BUNDLE, "child.js");
const CLI = join(BUNDLE, "cli.js");

const files: Record<string, string> = {};
if (selected.some((r) => r.id === "decode")) {
  const spans = loadSpans(cfg.fixtures, false);
  const corpus = Array.from({ length: cfg.decodeRepeat }, () => spans).flat();
  files.json = join(TMP, "decode.json");
  files.protobuf = join(TMP, "decode.pb");
  writeFileSync(files.json, JSON.stringify(encodeOtlpJson(corpus)));
  writeFileSync(files.protobuf, encodeOtlpProtobuf(corpus));
}
let convertSpans = 0;
if (selected.some((r) => r.id === "convert")) {
  files.jsonl = join(TMP, "convert.jsonl");
  note(`writing ${cfg.convertMib} MiB of JSON Lines...`);
  const lines = fixtureFiles(cfg.fixtures).map((f) => {
    const text = readFileSync(f, "utf8");
    return { line: `${JSON.stringify(JSON.parse(text))}\n`, spans: decodeOtlpJson(text).length };
  });
  const out = createWriteStream(files.jsonl);
  let written = 0;
  while (written < cfg.convertMib * 1048576) {
    for (const { line, spans } of lines) {
      if (!out.write(line)) await new Promise<void>((r) => out.once("drain", () => r()));
      written += Buffer.byteLength(line);
      convertSpans += spans;
    }
  }
  await new Promise<void>((r) => out.end(() => r()));
}

// --- measuring ------------------------------------------------------------------------------------------

interface Sample {
  /** Spans per second, wall clock (the best round of the child). */
  rate: number;
  /** Spans per CPU second of the child's process (its best round by that measure). */
  cpuRate?: number;
  /** Megabytes (10^6) of input per minute, where the side reads bytes. */
  mbPerMin?: number;
  rssMiB?: number;
  extra?: Record<string, unknown>;
}

function spawnJson(cmd: string, args: string[], what: string): unknown {
  const out = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 64 * 1048576, cwd: ROOT });
  if (out.status !== 0) throw new Error(`${what} failed (exit ${out.status}): ${out.stderr}`);
  const last = out.stdout.trim().split("\n").pop()!;
  return JSON.parse(last);
}

const profiled = new Set<string>();
function measureSide(row: Row, side: string): Record<string, Sample> {
  if (side === "mlflow-py") {
    const r = spawnJson("python3", [MLFLOW_PY, "--bench", String(cfg.mlflowSpans), "--passes", "3", cfg.fixtures], "MLflow's run.py --bench") as {
      spans: number;
      decode_s: number;
      translate_s: number[];
      python: string;
    };
    const warm = Math.min(...r.translate_s.slice(1));
    return {
      "mlflow-py:translate": { rate: r.spans / warm, extra: { python: r.python, spans: r.spans } },
      "mlflow-py:decode+translate": { rate: r.spans / (r.decode_s + warm) },
    };
  }
  if (side === "serve") {
    const r = spawnJson(process.execPath, ["--import", "tsx", join(ROOT, "bench", "serve.ts"), "--seconds", String(cfg.serveSeconds)], "bench/serve.ts") as Record<string, number>;
    return { serve: { rate: r.acceptedSpansPerSecond!, rssMiB: r.peakRssMiB, extra: r } };
  }
  if (row.id === "convert" && side === "convert") {
    const bytes = statSync(files.jsonl!).size;
    const started = process.hrtime.bigint();
    const script = `process.on("exit", () => process.stderr.write("\\nRSS_KB=" + process.resourceUsage().maxRSS)); process.argv.splice(1, 0, ${JSON.stringify(CLI)}); await import(${JSON.stringify(CLI)});`;
    const out = spawnSync(process.execPath, ["--input-type=module", "-e", script, "convert", files.jsonl!, "--to", "mlflow", "--out", "/dev/null"], { encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const rss = /RSS_KB=(\d+)/.exec(out.stderr ?? "");
    if (out.status !== 0 || !rss) throw new Error(`convert failed (exit ${out.status}): ${out.stderr}`);
    return { convert: { rate: convertSpans / seconds, mbPerMin: (bytes / 1e6 / seconds) * 60, rssMiB: Number(rss[1]) / 1024, extra: { seconds, bytes, spans: convertSpans } } };
  }
  const size = row.id === "mixed" ? cfg.mixed : row.id === "mlflow" ? cfg.mlflowSpans : cfg.size;
  // A decode round is whole requests of thousands of spans: three times the time, so each round holds several.
  const job: Job = { row: row.id, side, ms: row.id === "decode" ? cfg.ms * 3 : cfg.ms, size, fixtures: cfg.fixtures, files };
  // --check: V8 on one thread (GC and JIT on the main thread), so a child's CPU time is its own work,
  // whatever the scheduler does with helper threads on a busy machine. The full run keeps V8's defaults.
  const args: string[] = checkMode || opt["single-threaded"] ? ["--single-threaded"] : [];
  const key = `${row.id}/${side}`;
  if (opt.profile && !profiled.has(key) && side !== "floor" && side !== "arize") {
    profiled.add(key);
    mkdirSync(opt.profile, { recursive: true });
    args.push("--cpu-prof", "--cpu-prof-dir", opt.profile, "--cpu-prof-name", `${key.replace(/[^A-Za-z0-9+.-]+/g, "_")}.cpuprofile`);
  }
  const r = spawnJson(process.execPath, [...args, CHILD, JSON.stringify(job)], `child ${key}`) as ChildResult;
  if (row.id === "convert") {
    // The floor child reads the whole file once.
    const round = r.rounds[0]!;
    const bytes = statSync(files.jsonl!).size;
    return { [side]: { rate: convertSpans / (round.ms / 1000), cpuRate: convertSpans / (round.cpuMs / 1000), mbPerMin: (bytes / 1e6 / round.ms) * 60_000 } };
  }
  const rate = Math.max(...r.rounds.map((x) => (x.items / x.ms) * 1000));
  const cpuRate = Math.max(...r.rounds.map((x) => (x.items / Math.max(x.cpuMs, 1e-3)) * 1000));
  return { [side]: { rate, cpuRate, mbPerMin: r.bytesPerSpan !== undefined ? ((rate * r.bytesPerSpan) / 1e6) * 60 : undefined } };
}

const samples = new Map<string, Sample[]>();
const add = (row: Row, got: Record<string, Sample>) => {
  for (const [side, s] of Object.entries(got)) {
    const key = `${row.id}/${side}`;
    samples.set(key, [...(samples.get(key) ?? []), s]);
  }
};

function runRows(list: Row[], runs: number): void {
  for (let run = 0; run < runs; run++) {
    note(`run ${run + 1}/${runs} (load ${loadavg().map((x) => x.toFixed(2)).join(" ")})`);
    for (const row of list) {
      const rowRuns = row.id === "convert" ? cfg.convertRuns : row.id === "serve" ? 1 : runs;
      if (run >= rowRuns) continue;
      // Alternate which side goes first, so neither always runs right after the previous row.
      const order = run % 2 === 0 ? row.sides : [...row.sides].reverse();
      for (const side of order) add(row, measureSide(row, side));
    }
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

interface LineResult extends Line {
  distinct: number;
  runs: number;
  best: number;
  median: number;
  refBest?: number;
  refMedian?: number;
  /** Our time per span ÷ the reference's: from the best runs of each side, and the median of the paired runs. */
  ratioBest?: number;
  ratioMedian?: number;
  /** The same from CPU time (spans per CPU second of each child): what --check holds to the baseline. */
  cpuRatioBest?: number;
  cpuRatioMedian?: number;
  mbPerMinBest?: number;
  mbPerMinMedian?: number;
  rssMiB?: number;
  samples: Sample[];
  refSamples?: Sample[];
}

function summarise(list: Row[]): LineResult[] {
  return list.flatMap((row) =>
    row.lines.map((line) => {
      const ours = samples.get(`${row.id}/${line.side}`) ?? [];
      const ref = line.ref ? samples.get(`${row.id}/${line.ref}`) : undefined;
      const rates = ours.map((s) => s.rate);
      const result: LineResult = { ...line, distinct: row.distinct, runs: ours.length, best: Math.max(...rates), median: median(rates), samples: ours };
      const mb = ours.map((s) => s.mbPerMin).filter((x): x is number => x !== undefined);
      if (mb.length > 0) Object.assign(result, { mbPerMinBest: Math.max(...mb), mbPerMinMedian: median(mb) });
      const rss = ours.map((s) => s.rssMiB).filter((x): x is number => x !== undefined);
      if (rss.length > 0) result.rssMiB = Math.max(...rss);
      if (ref && ref.length > 0) {
        const refRates = ref.map((s) => s.rate);
        result.refSamples = ref;
        result.refBest = Math.max(...refRates);
        result.refMedian = median(refRates);
        result.ratioBest = result.refBest / result.best;
        const paired = ours.map((s, i) => (ref[i] ? ref[i]!.rate / s.rate : NaN)).filter((x) => !Number.isNaN(x));
        result.ratioMedian = median(paired);
        const cpuOurs = ours.map((s) => s.cpuRate ?? NaN);
        const cpuRef = ref.map((s) => s.cpuRate ?? NaN);
        if (cpuOurs.every(Number.isFinite) && cpuRef.every(Number.isFinite)) {
          result.cpuRatioBest = Math.max(...cpuRef) / Math.max(...cpuOurs);
          result.cpuRatioMedian = median(cpuOurs.map((x, i) => (cpuRef[i] !== undefined ? cpuRef[i]! / x : NaN)).filter((x) => !Number.isNaN(x)));
        }
      }
      return result;
    }),
  );
}

// --- report -------------------------------------------------------------------------------------------

function git(args: string[]): string {
  const out = spawnSync("git", args, { cwd: ROOT, encoding: "utf8" });
  return out.status === 0 ? out.stdout.trim() : "";
}

function machine() {
  const py = spawnSync("python3", ["--version"], { encoding: "utf8" });
  return {
    date: new Date().toISOString(),
    node: process.version,
    python: (py.stdout || py.stderr || "").trim().replace(/^Python /, ""),
    platform: `${process.platform}/${process.arch} ${release()}`,
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
    loadavg: loadavg().map((x) => Number(x.toFixed(2))),
    commit: git(["rev-parse", "--short", "HEAD"]) + (git(["status", "--porcelain", "--", "src", "bench"]) ? " (modified)" : ""),
  };
}

const fmt = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? "—" : Math.round(n).toLocaleString("en-US"));
const ratio = (n: number | undefined) => (n === undefined ? "—" : n.toFixed(2));
const goalText = (l: Line) => (l.goal === undefined ? "" : l.goal < 1 ? `≥ ${(1 / l.goal).toFixed(0)}× faster (≤ ${l.goal.toFixed(2)})` : `≤ ${l.goal.toFixed(2)}`);

function table(results: LineResult[], m: ReturnType<typeof machine>, loadEnd: number[]): string {
  const out: string[] = [];
  out.push(
    `${m.date}, commit ${m.commit}; node ${m.node}, Python ${m.python}; ${m.platform}; ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB; ` +
      `load average ${m.loadavg.join(" ")} at start, ${loadEnd.map((x) => x.toFixed(2)).join(" ")} at end`,
  );
  out.push(
    `${cfg.runs} runs, ${cfg.ms} CPU ms timed per side per run (after a warm-up; decode 3×), each side in its own process${checkMode || opt["single-threaded"] ? " (V8 --single-threaded)" : ""}; rows of ${cfg.size.toLocaleString("en-US")} spans (mixed ${cfg.mixed.toLocaleString("en-US")})`,
  );
  out.push("");
  out.push("| row | distinct spans | spans/s best | spans/s median | reference | ref spans/s best | ref median | × ref best | × ref median | × ref CPU | goal | notes |");
  out.push("|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---|---|");
  for (const r of results) {
    const notes: string[] = [];
    if (r.mbPerMinBest !== undefined) notes.push(`${fmt(r.mbPerMinBest)} MB/min best, ${fmt(r.mbPerMinMedian)} median`);
    if (r.rssMiB !== undefined) notes.push(`peak RSS ${r.rssMiB.toFixed(0)} MiB`);
    if (r.ratioBest !== undefined && r.goal !== undefined && r.goal < 1) notes.push(`ours ${(1 / r.ratioBest).toFixed(1)}× faster`);
    if (r.id === "serve") {
      const e = r.samples[0]?.extra as Record<string, number> | undefined;
      if (e) notes.push(`delivered ${fmt(e.deliveredSpansPerSecond)} spans/s, lost ${e.lost}, 503s ${e.busy503}`);
    }
    out.push(
      `| ${r.label} | ${r.distinct || ""} | ${fmt(r.best)} | ${fmt(r.median)} | ${r.refLabel ?? ""} | ${fmt(r.refBest)} | ${fmt(r.refMedian)} | ${ratio(r.ratioBest)} | ${ratio(r.ratioMedian)} | ${ratio(r.cpuRatioBest)} | ${goalText(r)} | ${notes.join("; ")} |`,
    );
  }
  out.push("");
  out.push(
    "spans/s: wall clock, each run's best round. × ref: our time per span ÷ the reference's (best: from each side's best run; median: of the runs paired in time; " +
      "CPU: from CPU time instead of wall time, which --check holds to the baseline). Below 1 we are faster.",
  );
  return out.join("\n");
}

// --- main ---------------------------------------------------------------------------------------------

const start = machine();
note(`${selected.length} rows, ${cfg.runs} runs; ${start.cores} cores, load ${start.loadavg.join(" ")}`);
runRows(selected, cfg.runs);
let results = summarise(selected);

let exitCode = 0;
let checkReport: string | undefined;
if (checkMode) {
  // The median over paired runs (run i of ours against run i of the reference, interleaved): one
  // lucky run (a process whose JIT chose better) moves the best of each side by up to 1.5x, and a
  // baseline holding such a best fails later checks of the same code (docs/performance.md "--check").
  const held = (r: LineResult) => r.cpuRatioMedian ?? r.cpuRatioBest ?? r.ratioBest;
  const checked = results.filter((r) => r.checked && held(r) !== undefined);
  if (opt["update-baseline"]) {
    const baseline = {
      note: "Written by `npm run bench:check -- --update-baseline`. Ratios: our CPU time per span ÷ the reference's, the median over paired runs of each side's best round (bench/run.ts).",
      machine: start,
      config: { ...cfg, fixtures: relative(ROOT, cfg.fixtures) || "." },
      ratios: Object.fromEntries(checked.map((r) => [r.id, Number(held(r)!.toFixed(4))])),
    };
    writeFileSync(BASELINE, `${JSON.stringify(baseline, null, 2)}\n`);
    note(`wrote ${BASELINE}`);
  } else {
    if (!existsSync(BASELINE)) throw new Error(`${BASELINE} is missing: run npm run bench:check -- --update-baseline`);
    const saved = JSON.parse(readFileSync(BASELINE, "utf8")) as { ratios: Record<string, number>; machine?: { node?: string; cores?: number } };
    const base = saved.ratios;
    if (saved.machine?.node !== start.node || saved.machine?.cores !== start.cores) {
      note(`warning: the baseline was measured with node ${saved.machine?.node} on ${saved.machine?.cores} cores, this run is node ${start.node} on ${start.cores}: ratios move with the engine`);
    }
    const LIMIT = 1.1;
    const worse = (list: LineResult[]) => list.filter((r) => r.checked && base[r.id] !== undefined && held(r) !== undefined && held(r)! > base[r.id]! * LIMIT);
    let failing = worse(results);
    if (failing.length > 0) {
      // A second opinion before failing: the rows that regressed run again, and every run counts (median of all).
      const again = selected.filter((row) => row.lines.some((l) => failing.some((f) => f.id === l.id)));
      note(`over the limit: ${failing.map((f) => f.id).join(", ")}; measuring those rows again`);
      runRows(again, cfg.runs);
      results = summarise(selected);
      failing = worse(results);
    }
    const lines = ["| row | baseline × ref (CPU, median) | now × ref (CPU, median) | change | |", "|---|---:|---:|---:|---|"];
    for (const r of results.filter((x) => x.checked)) {
      const b = base[r.id];
      const now = held(r);
      const change = b !== undefined && now !== undefined ? `${((now / b - 1) * 100).toFixed(1)}%` : "new";
      lines.push(`| ${r.label} | ${ratio(b)} | ${ratio(now)} | ${change} | ${failing.includes(r) ? "REGRESSED" : b === undefined ? "not in baseline" : "ok"} |`);
    }
    const missing = Object.keys(base).filter((id) => !results.some((r) => r.id === id));
    if (missing.length > 0) lines.push(`\nbaseline rows not measured: ${missing.join(", ")}`);
    checkReport = lines.join("\n");
    if (failing.length > 0) exitCode = 1;
  }
}

const end = loadavg();
console.log(table(results, start, end));
if (checkReport) console.log(`\n${checkReport}\n\n${exitCode === 0 ? "bench:check passed" : "bench:check FAILED: a row is more than 10% slower relative to its reference"}`);
const jsonPath = opt.json ?? join(TMP, "last.json");
mkdirSync(dirname(jsonPath), { recursive: true });
writeFileSync(jsonPath, `${JSON.stringify({ machine: start, loadavgEnd: end, config: cfg, mode: checkMode ? "check" : opt.quick ? "quick" : "full", results }, null, 2)}\n`);
note(`result written to ${jsonPath}`);
for (const f of ["json", "protobuf", "jsonl"]) if (files[f]) rmSync(files[f]!, { force: true });
process.exitCode = exitCode;
if (opt.hostile) {
  // `npm run bench` passes --hostile: the linearity report follows the rows, after the same arguments were checked.
  const hostile = spawnSync(process.execPath, [...process.execArgv, join(ROOT, "bench", "hostile.ts")], { stdio: "inherit" });
  if (hostile.status !== 0) process.exitCode = hostile.status ?? 1;
}
