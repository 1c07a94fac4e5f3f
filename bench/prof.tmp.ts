import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { decodeOtlpJson, detectConventions, toMlflowSpan, type DecodedSpan } from "../src/index.js";
function loadAll(dir: string): DecodedSpan[] {
  const spans: DecodedSpan[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) spans.push(...loadAll(p));
    else if (e.name.endsWith(".otlp.json")) { const l = p.replace(/\.otlp\.json$/, ".logs.json"); spans.push(...decodeOtlpJson(readFileSync(p, "utf8"), existsSync(l) ? { logs: readFileSync(l, "utf8") } : {})); }
  }
  return spans;
}
const group = process.argv[2] ?? "genai";
const spans = loadAll("fixtures").filter((s) => (detectConventions(s).join("+") || "none") === group);
let sink = 0;
const end = Date.now() + 6000;
while (Date.now() < end) for (let i = 0; i < 1000; i++) for (const s of spans) sink += toMlflowSpan(s).diagnostics.length;
console.log(sink > -1);
