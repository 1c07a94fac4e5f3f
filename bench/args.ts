/**
 * The command line of `npm run bench` (`bench/run.ts`) and of `bench/hostile.ts`, parsed in one place so
 * `npm run bench -- --help` prints the usage of both and exits before anything is measured.
 */
import { parseArgs } from "node:util";

export const RUN_OPTIONS = {
  help: { type: "boolean", short: "h", default: false },
  check: { type: "boolean", default: false },
  "update-baseline": { type: "boolean", default: false },
  quick: { type: "boolean", default: false },
  /** Run bench/hostile.ts after the rows (what `npm run bench` does). */
  hostile: { type: "boolean", default: false },
  runs: { type: "string" },
  ms: { type: "string" },
  size: { type: "string" },
  mixed: { type: "string" },
  "decode-repeat": { type: "string" },
  "convert-mib": { type: "string" },
  "convert-runs": { type: "string" },
  "serve-seconds": { type: "string" },
  "mlflow-spans": { type: "string" },
  only: { type: "string" },
  skip: { type: "string" },
  json: { type: "string" },
  profile: { type: "string" },
  fixtures: { type: "string" },
  baseline: { type: "string" },
  "single-threaded": { type: "boolean", default: false },
} as const;

/** Options whose value is a count or a size: a number, 0 or more (0 leaves a row out where it is a size). */
const NUMERIC = ["runs", "ms", "size", "mixed", "decode-repeat", "convert-mib", "convert-runs", "serve-seconds", "mlflow-spans"] as const;

export const HOSTILE_USAGE = `bench/hostile.ts: time and live heap of hostile inputs at a base size and at 10x that size.
  npx tsx bench/hostile.ts [--help]      (no other options; npm run bench runs it after the rows)`;

export const RUN_USAGE = `npm run bench [-- options]     every row, then bench/hostile.ts (docs/performance.md)
npx tsx bench/run.ts [options]  the rows only

  --quick                 small sizes, 3 runs
  --check                 small corpus against bench/baseline.json; exit 1 when a row regresses > 10%
  --update-baseline       with the check's sizes, write bench/baseline.json (or --baseline PATH)
  --only a,b / --skip a,b rows whose id starts with one of these (conv, conv:genai, mixed, arize, mlflow,
                          decode, convert, serve)
  --runs N                runs per row (5)          --ms N           CPU ms timed per side per run (400)
  --size N                spans per row (20000)     --mixed N        spans of the mixed corpus (100000)
  --decode-repeat N       fixture copies per decode request (5)
  --convert-mib N         size of the convert row's file (32)   --convert-runs N (2)
  --serve-seconds N       serve row duration (10)   --mlflow-spans N  spans for MLflow's translator (3000)
  --profile DIR           also write a .cpuprofile of our side of each row
  --json PATH             the full result (.bench-tmp/last.json)
  --fixtures DIR          corpus (fixtures/)        --single-threaded  V8 on one thread (as --check)
  --hostile               run bench/hostile.ts afterwards (npm run bench passes it)
  -h, --help              this text

${HOSTILE_USAGE}`;

export type RunValues = ReturnType<typeof parseArgs<{ options: typeof RUN_OPTIONS }>>["values"];

export type Parsed<T> = { kind: "help" } | { kind: "error"; message: string } | { kind: "ok"; values: T };

/** `bench/run.ts`'s arguments: help, an error to print with the usage (exit 2), or the options. */
export function parseRunArgs(argv: readonly string[]): Parsed<RunValues> {
  let values: RunValues;
  try {
    ({ values } = parseArgs({ args: [...argv], options: RUN_OPTIONS, strict: true, allowPositionals: false }));
  } catch (err) {
    return { kind: "error", message: (err as Error).message };
  }
  if (values.help) return { kind: "help" };
  for (const name of NUMERIC) {
    const v = values[name];
    if (v !== undefined && !(v.trim() !== "" && Number(v) >= 0)) return { kind: "error", message: `--${name} takes a number (0 or more), not '${v}'` };
  }
  return { kind: "ok", values };
}

/** `bench/hostile.ts`'s arguments: only --help. */
export function parseHostileArgs(argv: readonly string[]): Parsed<Record<string, never>> {
  try {
    const { values } = parseArgs({ args: [...argv], options: { help: { type: "boolean", short: "h", default: false } }, strict: true, allowPositionals: false });
    return values.help ? { kind: "help" } : { kind: "ok", values: {} };
  } catch (err) {
    return { kind: "error", message: (err as Error).message };
  }
}

/** Acts on a help or error result (usage to stdout and exit 0; message and usage to stderr and exit 2). */
export function exitOnHelpOrError<T>(parsed: Parsed<T>, usage: string): T {
  if (parsed.kind === "ok") return parsed.values;
  if (parsed.kind === "help") {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  process.stderr.write(`${parsed.message}\n\n${usage}\n`);
  process.exit(2);
}
