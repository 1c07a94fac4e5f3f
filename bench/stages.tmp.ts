import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { decodeOtlpJson, detectConventions, toMlflowSpan, type DecodedSpan } from "../src/index.js";
import { normalizeEnvelope } from "../src/otlp/span-like.js";
import { detectAndCopy } from "../src/mappers/detect.js";
function loadAll(dir: string): DecodedSpan[] {
  const spans: DecodedSpan[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) spans.push(...loadAll(p));
    else if (e.name.endsWith(".otlp.json")) { const l = p.replace(/\.otlp\.json$/, ".logs.json"); spans.push(...decodeOtlpJson(readFileSync(p, "utf8"), existsSync(l) ? { logs: readFileSync(l, "utf8") } : {})); }
  }
  return spans;
}
const all = loadAll("fixtures");
const group = process.argv[2] ?? "genai";
const spans = all.filter((s) => (detectConventions(s).join("+") || "none") === group);
const set: DecodedSpan[] = []; while (set.length < 20000) set.push(...spans);
let sink = 0;
function t(label: string, fn: (s: DecodedSpan) => unknown) {
  for (let w = 0; w < 3; w++) for (const s of set) sink += fn(s) ? 1 : 0;
  const start = performance.now(); let n = 0;
  do { for (const s of set) sink += fn(s) ? 1 : 0; n += set.length; } while (performance.now() - start < 1500);
  console.log(label.padEnd(20), ((performance.now() - start) * 1000 / n).toFixed(3), "µs/span");
}
t("toMlflowSpan", (s) => toMlflowSpan(s));
t("normalizeEnvelope", (s) => normalizeEnvelope(s));
t("detectAndCopy", (s) => { const a = {}; return detectAndCopy(s.attributes, s.events, a, Object.keys(s.attributes)); });
t("copy only", (s) => { const a: Record<string, unknown> = {}; for (const k in s.attributes) a[k] = s.attributes[k]; return a; });
t("Object.keys", (s) => Object.keys(s.attributes));
if (sink < 0) console.log(sink);
