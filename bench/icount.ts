/**
 * Instructions per span of each bench row, counted by valgrind's callgrind: repeatable on a loaded
 * machine where wall-clock ratios move by 10–20%, and able to hold two versions of the library side by
 * side (issue 11's "no row slower than before", issue 17's profiles). A development tool, not the
 * measurement of record (`bench/run.ts`): see docs/performance.md.
 *
 * For each root (this checkout, and each `--root DIR`, e.g. an older commit checked out elsewhere) the
 * driver (`bench/icount-driver.ts`) is bundled with that root's `src/`; each row then runs under
 * `valgrind --tool=callgrind` twice, with `--passes` and with twice that many passes over the row's spans
 * after the same warm-up, and (second − first) ÷ (spans in the extra passes) is the figure: start-up,
 * corpus loading and warm-up cancel out. Node runs `--single-threaded`, so compilation and GC happen on
 * the thread callgrind counts. They do not cancel out: a GC cycle or a re-optimisation that falls in the
 * extra passes of one run counts as the row's work, and at the default 2 against 4 passes that has put
 * a row tens of percent off (once negative). Raise `--passes` and repeat before trusting a difference.
 *
 *   npx tsx bench/icount.ts [--root DIR ...] [--only conv,mixed] [--fixtures DIR] [--passes 2] [--warm 30]
 *                           [--size 400] [--jobs 2] [--floor]
 *
 * The rows' spans are chosen by this checkout's `bench/corpus.ts` from `--fixtures` (default: the last
 * root's fixtures/, with `--root` the other checkout's, which both versions know), and every root decodes the same files; a root must decode them to the same number of
 * spans. Rows: each convention group and the mixed corpus (`toMlflowSpan`), `store` (the GenAI group,
 * `toMlflowSpan` + `toMlflowAttributes`), `mlflow` (every span without log files, the same), and
 * `decode-json` / `decode-protobuf` of one request holding every span (protobuf only where the root has it);
 * with `--floor`, `floor of <row>` (bench/floor.ts over the same spans) for each translation row, whose
 * ratio is the row's "× floor" in instructions.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { build } from "esbuild";
import type { DecodedSpan } from "../src/index.js";
import { fixtureFiles, groups, loadSpans, mixedCorpus, replicate } from "./corpus.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
// One folder per invocation: two runs at once must not share job or driver files.
const TMP = join(ROOT, ".bench-tmp", `icount-${process.pid}`);
const { values: opt } = parseArgs({
  options: {
    root: { type: "string", multiple: true, default: [] },
    only: { type: "string" },
    fixtures: { type: "string" },
    passes: { type: "string", default: "2" },
    warm: { type: "string", default: "30" },
    size: { type: "string", default: "400" },
    jobs: { type: "string", default: "2" },
    floor: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (opt.help) {
  process.stdout.write(`${readFileSync(fileURLToPath(import.meta.url), "utf8").split("*/")[0]}*/\n`);
  process.exit(0);
}
const roots = [ROOT, ...opt.root.map((r) => resolve(r))];
const fixturesDir = resolve(opt.fixtures ?? join(roots[roots.length - 1]!, "fixtures"));
const passes = Number(opt.passes);
const warm = Number(opt.warm);
const size = Number(opt.size);

// The corpus, in the order every driver decodes it.
const files = fixtureFiles(fixturesDir).map((path) => {
  const logs = path.replace(/\.otlp\.json$/, ".logs.json");
  return existsSync(logs) ? { path, logs } : { path };
});
const all = loadSpans(fixturesDir);
const index = new Map<DecodedSpan, number>(all.map((s, i) => [s, i]));
const ids = (spans: DecodedSpan[]) => spans.map((s) => index.get(s)!);
interface Row {
  id: string;
  work: "translate" | "store" | "floor" | "decode-json" | "decode-protobuf";
  spans: number[];
  /** Decode the .logs.json beside a trace file (default true). */
  logs?: boolean;
}
const rows: Row[] = [];
const byGroup = groups(all);
for (const [label, spans] of byGroup) rows.push({ id: `conv:${label}`, work: "translate", spans: ids(replicate(spans, size)) });
rows.push({ id: "mixed", work: "translate", spans: ids(mixedCorpus(all, size * 2)) });
rows.push({ id: "store:genai", work: "store", spans: ids(replicate(byGroup.get("genai") ?? [], size)) });
// MLflow's row: every span, decoded without the log files (MLflow has no /v1/logs); logs add events, not spans.
rows.push({ id: "mlflow", work: "store", spans: ids(replicate(all, size)), logs: false });
rows.push({ id: "decode-json", work: "decode-json", spans: ids(all) });
rows.push({ id: "decode-protobuf", work: "decode-protobuf", spans: ids(all) });
const only = opt.only?.split(",");
const selected = only ? rows.filter((r) => only.some((o) => r.id.startsWith(o))) : rows;
// --floor: the floor of each translation row too (same spans, measured with the first root's bundle).
if (opt.floor) {
  for (const row of [...selected]) if (row.work === "translate" || row.work === "store") selected.push({ ...row, id: `floor of ${row.id}`, work: "floor" });
}

mkdirSync(TMP, { recursive: true });
const bundles = await Promise.all(
  roots.map(async (root, i) => {
    const outfile = join(TMP, `driver-${i}.mjs`);
    await build({
      entryPoints: [join(ROOT, "bench", "icount-driver.ts")],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      outfile,
      logLevel: "error",
      plugins: [{ name: "root", setup: (b) => b.onResolve({ filter: /^\.\.\/src\/index\.js$/ }, () => ({ path: join(root, "src", "index.ts") })) }],
    });
    const src = readFileSync(join(root, "src", "index.ts"), "utf8");
    return { root, outfile, protobuf: src.includes("decodeOtlpProtobuf") };
  }),
);

/** Total instructions (Ir) of one run under callgrind. */
function callgrind(bundle: string, job: object, tag: string): Promise<number> {
  const jobPath = join(TMP, `${tag}.json`);
  writeFileSync(jobPath, JSON.stringify(job));
  return new Promise((done, fail) => {
    const child = spawn("valgrind", ["--tool=callgrind", `--callgrind-out-file=${join(TMP, `${tag}.out`)}`, process.execPath, "--single-threaded", bundle, jobPath], { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("close", (code) => {
      const m = /Collected : (\d+)/.exec(err);
      if (code !== 0 || !m) fail(new Error(`${tag}: exit ${code}\n${err.slice(-2000)}`));
      else done(Number(m[1]));
    });
  });
}

interface Task {
  row: Row;
  b: number;
  run: () => Promise<number>;
}
const tasks: Task[] = [];
for (const row of selected) {
  for (let b = 0; b < bundles.length; b++) {
    const bundle = bundles[b]!;
    if (row.work === "decode-protobuf" && !bundle.protobuf) continue;
    if (row.work === "floor" && b > 0) continue;
    const rowFiles = row.logs === false ? files.map((f) => ({ path: f.path })) : files;
    // A decode pass is one request of every span: hot within a pass, so a tenth of the warm-up.
    const rowWarm = row.work.startsWith("decode") ? Math.max(3, Math.round(warm / 10)) : warm;
    const job = (p: number) => ({ files: rowFiles, spans: row.spans, work: row.work, warm: rowWarm, passes: p });
    const tag = `${row.id.replace(/[^A-Za-z0-9+.-]+/g, "_")}-${b}`;
    tasks.push({
      row,
      b,
      run: async () => {
        const [one, two] = [await callgrind(bundle.outfile, job(passes), `${tag}-a`), await callgrind(bundle.outfile, job(passes * 2), `${tag}-b`)];
        return (two - one) / (passes * row.spans.length);
      },
    });
  }
}
const results = new Map<string, number>();
let next = 0;
const jobs = Number(opt.jobs);
await Promise.all(
  Array.from({ length: jobs }, async () => {
    while (next < tasks.length) {
      const t = tasks[next++]!;
      const v = await t.run();
      results.set(`${t.row.id}|${t.b}`, v);
      process.stderr.write(`icount: ${t.row.id} root ${t.b}: ${Math.round(v).toLocaleString("en-US")} instructions/span\n`);
    }
  }),
);
const header = ["row", "spans", ...bundles.map((b, i) => `root ${i} Ir/span`), ...(bundles.length > 1 ? bundles.slice(1).map((_, i) => `root 0 ÷ root ${i + 1}`) : [])];
console.log(`roots: ${bundles.map((b, i) => `${i} = ${b.root}`).join(", ")}; fixtures ${fixturesDir} (${all.length} spans); ${passes} vs ${passes * 2} passes after ${warm}\n`);
console.log(`| ${header.join(" | ")} |\n|${header.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`);
for (const row of selected) {
  const v = bundles.map((_, b) => results.get(`${row.id}|${b}`));
  const fmt = (x: number | undefined) => (x === undefined ? "—" : Math.round(x).toLocaleString("en-US"));
  const ratios = v.slice(1).map((x) => (x === undefined || v[0] === undefined ? "—" : (v[0] / x).toFixed(3)));
  console.log(`| ${row.id} | ${row.spans.length} | ${v.map(fmt).join(" | ")} | ${ratios.join(" | ")} |`);
}
