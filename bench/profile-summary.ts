/**
 * Top self-time functions of V8 CPU profiles (`node --cpu-prof`, as `npm run bench -- --profile DIR`
 * writes them): per profile, the functions with the most self time, each with the source module it
 * comes from (the bundle's `// src/...` module comments give it), and the share of time per module.
 *
 *   npx tsx bench/profile-summary.ts DIR_OR_FILE... [--top 12]
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: Node[];
  samples?: number[];
  timeDeltas?: number[];
}

const args = process.argv.slice(2);
const topIndex = args.indexOf("--top");
const TOP = topIndex >= 0 ? Number(args[topIndex + 1]) : 12;
const inputs = args.filter((a, i) => !a.startsWith("--") && !(topIndex >= 0 && i === topIndex + 1));

/** For a bundle file: the source module of each line, from esbuild's `// path` comments. */
const moduleMaps = new Map<string, (line: number) => string>();
function moduleOf(url: string, line: number): string {
  if (!url) return "(native)";
  if (!url.startsWith("file://")) return url.startsWith("node:") ? url : "(native)";
  let map = moduleMaps.get(url);
  if (!map) {
    const path = fileURLToPath(url);
    const marks: { line: number; name: string }[] = [];
    if (existsSync(path)) {
      readFileSync(path, "utf8")
        .split("\n")
        .forEach((text, i) => {
          const m = /^\/\/ ((?:src|bench|node_modules)\/\S+)$/.exec(text);
          if (m) marks.push({ line: i, name: m[1]!.replace(/^node_modules\/(@[^/]+\/[^/]+|[^/]+)\/.*/, "$1") });
        });
    }
    const fallback = basename(path);
    map = (l: number) => {
      let lo = 0;
      let hi = marks.length - 1;
      let found = fallback;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (marks[mid]!.line <= l) {
          found = marks[mid]!.name;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return found;
    };
    moduleMaps.set(url, map);
  }
  return map(line);
}

function summarise(file: string): string {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const self = new Map<number, number>();
  // Self time per node: the time deltas of the samples that landed on it.
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + (deltas[i] ?? 0));
  const byFunction = new Map<string, number>();
  const byModule = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const us = self.get(node.id) ?? 0;
    if (us === 0) continue;
    total += us;
    const { functionName, url, lineNumber } = node.callFrame;
    const mod = moduleOf(url, lineNumber);
    const name = `${functionName || "(anonymous)"} — ${mod}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    byModule.set(mod, (byModule.get(mod) ?? 0) + us);
  }
  const pct = (us: number) => `${((us / total) * 100).toFixed(1)}%`;
  const lines = [`### ${basename(file, ".cpuprofile")} (${(total / 1e6).toFixed(2)} s sampled)`, "", "| self | function — module |", "|---:|---|"];
  for (const [name, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, TOP)) lines.push(`| ${pct(us)} | ${name} |`);
  lines.push("", "By module: " + [...byModule].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([m, us]) => `${m} ${pct(us)}`).join(", "), "");
  return lines.join("\n");
}

const files = inputs.flatMap((p) => (statSync(p).isDirectory() ? readdirSync(p).filter((f) => f.endsWith(".cpuprofile")).sort().map((f) => join(p, f)) : [p]));
for (const f of files) console.log(summarise(f));
