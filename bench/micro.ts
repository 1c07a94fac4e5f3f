/**
 * A quick in-process A/B for development (not the measurement: see bench/run.ts and docs/performance.md,
 * "Development tools"): our translation of a corpus group against the floor, alternating, several
 * rounds of CPU time each; prints ratios. Before/after a change: run it, `git stash`, run it again.
 *
 *   npx tsx bench/micro.ts [group|mixed] [store] [--ms 300] [--rounds 6]
 */
import { toMlflowAttributes, toMlflowSpan, type DecodedSpan } from "../src/index.js";
import { floor, groups, loadSpans, mixedCorpus, replicate } from "./corpus.js";

const args = process.argv.slice(2);
const opt = (name: string, d: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : d;
};
const words = args.filter((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"));
const which = words[0] ?? "mixed";
const store = words.includes("store");
const fixtures = process.env.BENCH_FIXTURES ?? "fixtures/";
const all = loadSpans(fixtures);
const spans: DecodedSpan[] = which === "mixed" ? mixedCorpus(all, 20_000) : replicate(groups(all).get(which) ?? [], 5_000);
if (spans.length === 0) throw new Error(`no spans for ${which}`);
const ms = opt("--ms", 300);
const rounds = opt("--rounds", 6);
let sink: unknown;
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
function time(fn: (s: DecodedSpan) => unknown, budget: number): number {
  const start = cpu();
  let n = 0;
  let i = 0;
  let nextCheck = performance.now() + 2;
  for (;;) {
    for (let k = 0; k < 16; k++) {
      sink = fn(spans[i]!);
      if (++i === spans.length) i = 0;
    }
    n += 16;
    const now = performance.now();
    if (now >= nextCheck) {
      const used = cpu() - start;
      if (used >= budget) return used / n;
      nextCheck = now + 2;
    }
  }
}
const ours = store ? (s: DecodedSpan) => toMlflowAttributes(toMlflowSpan(s)) : (s: DecodedSpan) => toMlflowSpan(s);
time(ours, 500);
time(floor, 300);
const ratios: number[] = [];
let best = Infinity;
let bestFloor = Infinity;
for (let r = 0; r < rounds; r++) {
  let a: number;
  let f: number;
  if (r % 2 === 0) {
    a = time(ours, ms);
    f = time(floor, ms);
  } else {
    f = time(floor, ms);
    a = time(ours, ms);
  }
  best = Math.min(best, a);
  bestFloor = Math.min(bestFloor, f);
  ratios.push(a / f);
}
ratios.sort((a, b) => a - b);
console.log(
  `${which}${store ? " +store" : ""}: ours ${(best * 1000).toFixed(2)} µs/span, floor ${(bestFloor * 1000).toFixed(2)} µs, best ratio ${(best / bestFloor).toFixed(2)}, median ${ratios[ratios.length >> 1]!.toFixed(2)}`,
);
void sink;
