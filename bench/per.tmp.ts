import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { decodeOtlpJson, detectConventions, toMlflowSpan, type DecodedSpan, type Attributes } from "../src/index.js";
function loadAll(dir: string): [string, DecodedSpan][] {
  const out: [string, DecodedSpan][] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...loadAll(p));
    else if (e.name.endsWith(".otlp.json")) { const l = p.replace(/\.otlp\.json$/, ".logs.json"); for (const s of decodeOtlpJson(readFileSync(p, "utf8"), existsSync(l) ? { logs: readFileSync(l, "utf8") } : {})) out.push([e.name.replace(".otlp.json", ""), s]); }
  }
  return out;
}
function floor(span: DecodedSpan): unknown {
  const copy: Attributes = {}; let parsed = 0;
  for (const key in span.attributes) { const v = span.attributes[key]; copy[key] = v; if (typeof v === "string" && (v.startsWith("{") || v.startsWith("["))) { try { JSON.parse(v); parsed++; } catch {} } }
  return parsed + Object.keys(copy).length;
}
let sink = 0;
function t(fn: () => unknown): number { for (let i = 0; i < 2000; i++) sink += fn() ? 1 : 0; const s = performance.now(); let n = 0; do { for (let i = 0; i < 1000; i++) sink += fn() ? 1 : 0; n += 1000; } while (performance.now() - s < 60); return (performance.now() - s) * 1000 / n; }
const group = process.argv[2];
const rows = loadAll("fixtures").filter(([, s]) => !group || (detectConventions(s).join("+") || "none") === group).map(([f, s]) => { const a = t(() => toMlflowSpan(s)); const b = t(() => floor(s)); return [a / b, a, b, f, s.name, Object.keys(s.attributes).length, s.events.length] as const; });
rows.sort((x, y) => y[0] - x[0]);
for (const r of rows.slice(0, 40)) console.log(r[0].toFixed(2), r[1].toFixed(2), r[2].toFixed(2), r[3], r[4], "keys", r[5], "ev", r[6]);
if (sink < 0) console.log(sink);
