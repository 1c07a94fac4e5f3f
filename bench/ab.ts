/**
 * Two versions of the library in one process, interleaved: this checkout against `--base DIR` (another
 * checkout, e.g. the commit before a restructuring), row by row, for "no row slower than before"
 * (issue 11). A development tool beside `bench/run.ts`, not the measurement of record: see
 * docs/performance.md ("Comparing two versions").
 *
 * Each root's `src/index.ts` is bundled on its own (esbuild, one ESM file each) and both are imported
 * here. With `--separate`, each side of each round runs instead in a child process of its own (a fresh
 * JIT that saw only its own version, as `bench/run.ts` does): slower, and immune to the two versions
 * sharing type feedback, heap and GC in one process. The rows take the spans of this checkout's
 * `bench/corpus.ts` grouping of `--fixtures` (default: the base's fixtures/, which both versions know);
 * each side translates those spans as its own `decodeOtlpJson` decodes them from the same files, as
 * `bench/run.ts`'s children do (a version may take a faster path for spans it decoded). Per row: a warm-up
 * of each side, then `--rounds` rounds of `--ms` CPU milliseconds per side, alternating which side goes
 * first; the best and median time per span of each side, and branch ÷ base of the bests.
 *
 * `--head DIR` puts another checkout in this one's place (e.g. to compare two older commits).
 *
 *   npx tsx bench/ab.ts --base DIR [--head DIR] [--fixtures DIR] [--only conv,mixed] [--rounds 8] [--ms 250] [--separate]
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { build } from "esbuild";
import type { DecodedSpan } from "../src/index.js";
import { fixtureFiles, groups, loadSpans, mixedCorpus, replicate } from "./corpus.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values: opt } = parseArgs({
  options: {
    base: { type: "string" },
    head: { type: "string" },
    fixtures: { type: "string" },
    only: { type: "string" },
    rounds: { type: "string", default: "8" },
    ms: { type: "string", default: "250" },
    separate: { type: "boolean", default: false },
    child: { type: "string" },
    row: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (opt.help || !opt.base) {
  process.stdout.write(`${readFileSync(fileURLToPath(import.meta.url), "utf8").split("*/")[0]}*/\n`);
  process.exit(opt.help ? 0 : 2);
}
const roots = [resolve(opt.base), resolve(opt.head ?? ROOT)];
const fixtures = resolve(opt.fixtures ?? join(roots[0]!, "fixtures"));
const rounds = Number(opt.rounds);
const ms = Number(opt.ms);

interface Lib {
  toMlflowSpan(span: DecodedSpan): { name: string };
  toMlflowAttributes(span: unknown): Record<string, unknown>;
  decodeOtlpJson(text: string, options?: { logs?: string }): DecodedSpan[];
  encodeOtlpJson(spans: readonly DecodedSpan[]): unknown;
}
const dir = join(ROOT, ".bench-tmp", "ab");
mkdirSync(dir, { recursive: true });
const libs: Lib[] = [];
for (let i = 0; i < roots.length; i++) {
  const outfile = join(dir, `lib-${i}-${roots[i]!.replace(/[^A-Za-z0-9]+/g, "_")}.mjs`);
  if (opt.child === undefined) await build({ entryPoints: [join(roots[i]!, "src", "index.ts")], bundle: true, platform: "node", format: "esm", target: "node20", outfile, logLevel: "error" });
  libs.push((await import(`${pathToFileURL(outfile).href}?${Date.now()}`)) as Lib);
}

type Work = (lib: Lib, item: DecodedSpan | string) => number;
const translate: Work = (lib, s) => lib.toMlflowSpan(s as DecodedSpan).name.length;
const store: Work = (lib, s) => Object.keys(lib.toMlflowAttributes(lib.toMlflowSpan(s as DecodedSpan))).length;
const decode: Work = (lib, text) => lib.decodeOtlpJson(text as string).length;
interface Row {
  id: string;
  /** The items of each side (libs[i]): the same spans, decoded by that side's own library. */
  items: (DecodedSpan | string)[][];
  /** Spans per item (a decode item is a request of many spans). */
  spans: number;
  work: Work;
}
const all = loadSpans(fixtures);
/** The spans of loadSpans(fixtures, logs), in its order, as `lib` decodes them. */
const decodedBy = (lib: Lib, logs = true): DecodedSpan[] =>
  fixtureFiles(fixtures).flatMap((path) => {
    const logPath = path.replace(/\.otlp\.json$/, ".logs.json");
    return lib.decodeOtlpJson(readFileSync(path, "utf8"), logs && existsSync(logPath) ? { logs: readFileSync(logPath, "utf8") } : {});
  });
/** Each side's own spans at the places `pick` takes from `source` (this checkout's decoding). */
function perSide(source: DecodedSpan[], logs: boolean, pick: (spans: DecodedSpan[]) => DecodedSpan[]): DecodedSpan[][] {
  const at = new Map(source.map((span, i) => [span, i]));
  const picked = pick(source);
  return libs.map((lib) => {
    const own = decodedBy(lib, logs);
    if (own.length !== source.length) throw new Error("the two versions decode the fixtures into different numbers of spans");
    return picked.map((span) => own[at.get(span)!]!);
  });
}
const rows: Row[] = [];
const byGroup = groups(all);
for (const [label, spans] of byGroup) rows.push({ id: `conv:${label}`, items: perSide(all, true, () => replicate(spans, 2_000)), spans: 1, work: translate });
rows.push({ id: "mixed", items: perSide(all, true, (s) => mixedCorpus(s, 4_000)), spans: 1, work: translate });
rows.push({ id: "store:genai", items: perSide(all, true, () => replicate(byGroup.get("genai") ?? [], 2_000)), spans: 1, work: store });
const logs = fixtureFiles(fixtures).some((f) => existsSync(f.replace(/\.otlp\.json$/, ".logs.json")));
const noLogs = logs ? loadSpans(fixtures, false) : all;
rows.push({ id: "mlflow", items: perSide(noLogs, false, (s) => replicate(s, 2_000)), spans: 1, work: store });
const request = JSON.stringify(libs[1]!.encodeOtlpJson(all));
rows.push({ id: "decode-json", items: [[request], [request]], spans: all.length, work: decode });
const only = opt.only?.split(",");
const selected = only ? rows.filter((r) => only.some((o) => r.id.startsWith(o))) : rows;

let sink = 0;
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** CPU µs per span of `budget` CPU ms of passes over the row. */
function time(row: Row, lib: Lib, budget: number): number {
  const start = cpu();
  let n = 0;
  do {
    const items = row.items[libs.indexOf(lib)]!;
    for (const item of items) sink += row.work(lib, item);
    n += items.length * row.spans;
  } while (cpu() - start < budget);
  return ((cpu() - start) * 1000) / n;
}
const best = (x: number[]) => Math.min(...x);
const median = (x: number[]) => [...x].sort((a, b) => a - b)[x.length >> 1]!;
if (opt.child !== undefined) {
  // A child of --separate: one side of one row, warm-up then the best of 3 rounds, as JSON on stdout.
  const row = rows.find((r) => r.id === opt.row)!;
  const lib = libs[Number(opt.child)]!;
  time(row, lib, 2 * ms);
  const t = [0, 1, 2].map(() => time(row, lib, ms));
  process.stdout.write(`${JSON.stringify(Math.min(...t))}\n`);
  process.exit(0);
}
const side = (i: number, row: Row): number => {
  const args = [...process.execArgv, fileURLToPath(import.meta.url), "--base", roots[0]!, "--head", roots[1]!, "--fixtures", fixtures, "--ms", String(ms), "--child", String(i), "--row", row.id];
  const out = spawnSync(process.execPath, args, { encoding: "utf8" });
  if (out.status !== 0) throw new Error(`child ${i} ${row.id}: ${out.stderr}`);
  return Number(out.stdout.trim());
};
console.log(`base ${roots[0]} vs ${roots[1]}; fixtures ${fixtures} (${all.length} spans); ${rounds} interleaved rounds of ${ms} CPU ms per side${opt.separate ? " (each side a child process: warm-up, then best of 3 rounds)" : ""}\n`);
console.log("| row | base µs/span best | median | branch µs/span best | median | branch ÷ base (best) | (median) |\n|---|---:|---:|---:|---:|---:|---:|");
for (const row of selected) {
  if (!opt.separate) for (const lib of libs) time(row, lib, 2 * ms); // warm-up
  const t: number[][] = [[], []];
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? [0, 1] : [1, 0];
    for (const i of order) t[i]!.push(opt.separate ? side(i, row) : time(row, libs[i]!, ms));
  }
  const f = (x: number) => x.toFixed(2);
  console.log(`| ${row.id} | ${f(best(t[0]!))} | ${f(median(t[0]!))} | ${f(best(t[1]!))} | ${f(median(t[1]!))} | ${(best(t[1]!) / best(t[0]!)).toFixed(3)} | ${(median(t[1]!) / median(t[0]!)).toFixed(3)} |`);
}
if (sink === -1) console.log(sink);
