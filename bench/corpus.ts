/**
 * The benchmark corpus, shared by the parent (`bench/run.ts`) and the measuring children
 * (`bench/child.ts`): the captured fixtures decoded once, grouped by the conventions `detectConventions`
 * finds on each span (labels in `CONVENTION_IDS` order), and the floor every translation row is held to.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CONVENTION_IDS, decodeOtlpJson, detectConventions, type DecodedSpan } from "../src/index.js";

export const NONE_LABEL = "none (HTTP)";

/** Every `*.otlp.json` under `dir`, sorted, so every process builds the same corpus in the same order. */
export function fixtureFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...fixtureFiles(path));
    else if (entry.name.endsWith(".otlp.json")) out.push(path);
  }
  return out;
}

/** The fixture spans; with `logs`, the `.logs.json` beside a trace file is attached as `decodeOtlpJson` does for the CLI. */
export function loadSpans(dir: string, logs = true): DecodedSpan[] {
  const spans: DecodedSpan[] = [];
  for (const path of fixtureFiles(dir)) {
    const logPath = path.replace(/\.otlp\.json$/, ".logs.json");
    const options = logs && existsSync(logPath) ? { logs: readFileSync(logPath, "utf8") } : {};
    spans.push(...decodeOtlpJson(readFileSync(path, "utf8"), options));
  }
  return spans;
}

const ORDER = new Map<string, number>(CONVENTION_IDS.map((id, i) => [id, i]));

/** The row label of a span: its detected conventions in `CONVENTION_IDS` order, joined by `+`. */
export function groupLabel(span: DecodedSpan): string {
  const ids = [...detectConventions(span)].sort((a, b) => (ORDER.get(a) ?? 99) - (ORDER.get(b) ?? 99));
  return ids.length > 0 ? ids.join("+") : NONE_LABEL;
}

/** Spans by group label, labels sorted by their first convention's place in the list (HTTP last). */
export function groups(spans: DecodedSpan[]): Map<string, DecodedSpan[]> {
  const map = new Map<string, DecodedSpan[]>();
  for (const span of spans) {
    const label = groupLabel(span);
    let list = map.get(label);
    if (!list) map.set(label, (list = []));
    list.push(span);
  }
  const rank = (label: string) => (label === NONE_LABEL ? 1e6 : label.split("+").reduce((acc, id) => acc * 100 + (ORDER.get(id) ?? 99), 0) + label.split("+").length * 1e-3);
  return new Map([...map].sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : 1)));
}

export function replicate<T>(items: readonly T[], n: number): T[] {
  const out: T[] = [];
  if (items.length === 0) return out;
  for (let i = 0; out.length < n; i++) out.push(items[i % items.length]!);
  return out;
}

/** The mixed corpus: about half LLM spans (every convention, in fixture order) and half plain HTTP spans. */
export function mixedCorpus(spans: DecodedSpan[], size: number): DecodedSpan[] {
  const llm = spans.filter((s) => groupLabel(s) !== NONE_LABEL);
  const plain = spans.filter((s) => groupLabel(s) === NONE_LABEL);
  const out: DecodedSpan[] = [];
  // Interleaved, so a measurement round over a prefix sees both kinds.
  for (let i = 0; out.length < size; i++) {
    out.push(llm[i % llm.length]!);
    if (out.length < size && plain.length > 0) out.push(plain[i % plain.length]!);
  }
  return out;
}

export { floor, floorParsed } from "./floor.js";
