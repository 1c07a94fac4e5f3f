/**
 * Runs MLflow's own translator (the Python peer, `run.py --mlflow-only`) on every
 * `fixtures/<id>/mlflow-tests__*.otlp.json` and records, in the sibling `.expected.json`, what an
 * MLflow server stores for each case and whether that agrees with what MLflow's test asserts
 * (`mlflowPy: {agrees, stored, differences}`). A test that calls one translator directly can pass
 * while the full ingest path stores something else; those cases show up here as disagreements.
 *
 *   npx tsx scripts/capture/from-source/mlflow-tests-peer.ts [path/to/run.py]
 *
 * The peer is not part of this repository: the path comes from the argument, MLFLOW_PY_RUN, or the
 * shared checkout next to the worktrees. Prints one line per disagreement and a total.
 * mlflow-tests.ts calls `recordPeer` itself after writing the fixtures, when the peer is there.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { FIXTURES_DIR, REPO_ROOT } from "../harness.js";

/** The peer's run.py: the given path, MLFLOW_PY_RUN, or the shared checkout; undefined if none exists. */
export function findPeer(given?: string): string | undefined {
  return [
    given,
    process.env["MLFLOW_PY_RUN"],
    path.resolve(REPO_ROOT, "../shared/peers/mlflow-py/run.py"),
    path.resolve(REPO_ROOT, "../../shared/peers/mlflow-py/run.py"),
  ]
    .filter((p): p is string => p !== undefined && p.length > 0)
    .find((p) => existsSync(p));
}

interface Expect {
  spanType?: string | null;
  inputs?: unknown;
  outputs?: unknown;
  storedInputs?: string;
  storedOutputs?: string;
  tokens?: { input?: number | null; output?: number | null; total?: number | null };
  messageFormat?: string | null;
  traceState?: string;
  parentSpan?: string | null;
}
interface ExpectedFile {
  cases: Array<{ span: string; expect: Expect; mlflowPy?: unknown }>;
  [key: string]: unknown;
}

const parse = (value: unknown): unknown => {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
};
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

interface StoredSpan {
  attributes: Record<string, unknown>;
  traceState?: string;
  parent: string | null;
}

function differences(expect: Expect, span: StoredSpan): string[] {
  const stored = span.attributes;
  const out: string[] = [];
  const check = (what: string, expected: unknown, actual: unknown): void => {
    if (!same(expected, actual)) out.push(`${what}: test expects ${JSON.stringify(expected)}, MLflow stores ${JSON.stringify(actual)}`);
  };
  if ("spanType" in expect) check("spanType", expect.spanType, parse(stored["mlflow.spanType"]) ?? null);
  if ("inputs" in expect) check("inputs", expect.inputs, parse(stored["mlflow.spanInputs"]) ?? null);
  if ("outputs" in expect) check("outputs", expect.outputs, parse(stored["mlflow.spanOutputs"]) ?? null);
  if ("storedInputs" in expect) check("stored inputs", expect.storedInputs, stored["mlflow.spanInputs"] ?? null);
  if ("storedOutputs" in expect) check("stored outputs", expect.storedOutputs, stored["mlflow.spanOutputs"] ?? null);
  if ("messageFormat" in expect) check("messageFormat", expect.messageFormat, parse(stored["mlflow.message.format"]) ?? null);
  if ("traceState" in expect) check("trace state", expect.traceState, span.traceState ?? null);
  if ("parentSpan" in expect) check("parent span", expect.parentSpan, span.parent);
  if (expect.tokens !== undefined) {
    const usage = (parse(stored["mlflow.chat.tokenUsage"]) ?? {}) as Record<string, unknown>;
    const t = expect.tokens;
    if ("input" in t) check("input_tokens", t.input, usage["input_tokens"] ?? null);
    if ("output" in t) check("output_tokens", t.output, usage["output_tokens"] ?? null);
    if ("total" in t) check("total_tokens", t.total, usage["total_tokens"] ?? null);
  }
  return out;
}

/** Annotates every mlflow-tests__*.expected.json; returns one line per disagreement and the counts. */
export function recordPeer(runPy: string): { cases: number; disagreements: number; lines: string[] } {
  let cases = 0;
  let disagreements = 0;
  const lines: string[] = [];
  for (const dir of readdirSync(FIXTURES_DIR, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const name of readdirSync(path.join(FIXTURES_DIR, dir.name))) {
      if (!name.startsWith("mlflow-tests__") || !name.endsWith(".expected.json")) continue;
      const expectedPath = path.join(FIXTURES_DIR, dir.name, name);
      const tracePath = expectedPath.replace(/\.expected\.json$/, ".otlp.json");
      const run = spawnSync("python3", [runPy, "--mlflow-only", tracePath], { encoding: "utf8" });
      if (run.status !== 0) throw new Error(`run.py failed on ${tracePath}: ${run.stderr}`);
      const rows = run.stdout
        .split("\n")
        .filter((line) => line.length > 0)
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      const states = new Map<unknown, string>();
      for (const row of rows) if (row["kind"] === "trace") states.set(row["trace_id"], String(row["state"]));
      const names = new Map<unknown, string>();
      for (const row of rows) if (row["kind"] === "span") names.set(row["span_id"], String(row["name"]));
      const stored = new Map<string, StoredSpan>();
      for (const row of rows) {
        if (row["kind"] !== "span") continue;
        const { "mlflow.traceRequestId": _id, ...attributes } = row["attributes"] as Record<string, unknown>;
        const traceState = states.get(row["trace_id"]);
        stored.set(String(row["name"]), {
          attributes,
          ...(traceState !== undefined ? { traceState } : {}),
          parent: row["parent_span_id"] === null ? null : (names.get(row["parent_span_id"]) ?? null),
        });
      }
      const file = JSON.parse(readFileSync(expectedPath, "utf8")) as ExpectedFile;
      for (const c of file.cases) {
        const span = stored.get(c.span) ?? { attributes: {}, parent: null };
        const diff = differences(c.expect, span);
        c.mlflowPy = { agrees: diff.length === 0, stored: span.attributes, ...(diff.length > 0 ? { differences: diff } : {}) };
        cases++;
        if (diff.length > 0) {
          disagreements++;
          lines.push(`${dir.name}/${name.replace(".expected.json", "")} ${c.span}: ${diff.join("; ")}`);
        }
      }
      file["mlflowPy"] = `stored by an MLflow server per case: ${path.basename(runPy)} --mlflow-only (MLflow's translator at the same commit), written by scripts/capture/from-source/mlflow-tests-peer.ts`;
      writeFileSync(expectedPath, `${JSON.stringify(file, null, 2)}\n`);
    }
  }
  return { cases, disagreements, lines };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const runPy = findPeer(process.argv[2]);
  if (runPy === undefined) throw new Error("MLflow peer run.py not found; pass its path or set MLFLOW_PY_RUN");
  const result = recordPeer(runPy);
  for (const line of result.lines) console.log(line);
  console.log(`${result.cases} cases, ${result.disagreements} where what MLflow stores differs from what its test asserts`);
}
