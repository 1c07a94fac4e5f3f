/**
 * The `mlflow-semconv` command.
 *   convert <file|-> [--to mlflow|canonical|genai|openinference|openllmetry] [--logs file] [--out file] [--pretty]
 *   inspect <files, directories or patterns...>
 *   validate <files, directories or patterns...> [--convention] [--require] [--fail-on] [--show] [--format] [--max-findings]
 * Exit codes: 0 done, 1 validate found problems at or above --fail-on, 2 unusable input or usage error.
 */
import { createWriteStream, existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import type { Writable } from "node:stream";
import { encodeOtlpJson, fromMlflowSpan, toMlflowSpan, EMIT_TARGETS, type EmitTarget } from "../index.js";
import { expandPaths, InputError, readSpans, siblingLogs } from "./read.js";
import { preview, table, toMlflowSpanJson, tokens, truncate } from "./format.js";
import { validateCommand } from "./validate.js";
import { hasGlob } from "./glob.js";

const USAGE = `mlflow-semconv — translate OpenTelemetry LLM spans into MLflow spans

Usage:
  mlflow-semconv convert <file|-> [--to TARGET] [--logs FILE] [--out FILE] [--pretty]
      Reads OTLP/JSON (one document, or JSON Lines with one request per line) and writes one JSON
      value per line. TARGET: mlflow (default; MLflow's stored span with mlflow.* attributes),
      canonical (the MlflowSpan object), or genai | openinference | openllmetry (OTLP/JSON requests).
  mlflow-semconv inspect <files, directories or patterns...>
      Translates every span and prints a table: span, conventions, type, tokens, input → output.
      For x.otlp.json a sibling x.logs.json (GenAI content as log records) is joined automatically.
  mlflow-semconv validate <files, directories or patterns...> [--convention C] [--require F1,F2]
                 [--fail-on error|warning|info] [--show error|warning|info]
                 [--format text|json|github|markdown] [--max-findings N]
      Checks each span against its convention (types, enumerated values, deprecated keys, required and
      recommended keys) and, with --require (spanType, inputs, outputs, tokenUsage, model, provider,
      tools), that the MLflow translation has those fields. Exit 1 when a finding reaches --fail-on.
  mlflow-semconv serve (--mlflow URL --experiment-id ID | --out FILE) [--port 4318] [...]
      An OTLP/HTTP receiver that translates every span and forwards it to MLflow; serve --help for more.
  mlflow-semconv --version | --help

Patterns: * and ? match within one path segment, ** any number of directories; quote them
('traces/**/*.json') or let the shell expand them. Exit 2 when a pattern matches nothing.
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === "--version" || command === "-v") {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  if (command === "convert") return convert(rest);
  if (command === "inspect") return inspect(rest);
  if (command === "validate") return validateCommand(rest);
  if (command === "serve") return (await import("./serve.js")).serveCommand(rest);
  process.stderr.write(`mlflow-semconv: unknown command "${command}"\n\n${USAGE}`);
  return 2;
}

/** dist/cli.js sits one level below package.json, src/cli/main.ts two. */
function packageVersion(): string {
  for (const relative of ["../package.json", "../../package.json"]) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(relative, import.meta.url), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "mlflow-semconv" && pkg.version) return pkg.version;
    } catch {
      // try the next location
    }
  }
  return "unknown";
}

async function convert(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      to: { type: "string", default: "mlflow" },
      logs: { type: "string" },
      out: { type: "string" },
      pretty: { type: "boolean", default: false },
    },
  });
  const to = values.to!;
  if (to !== "mlflow" && to !== "canonical" && !(EMIT_TARGETS as readonly string[]).includes(to)) {
    throw new InputError(`--to must be mlflow, canonical, genai, openinference or openllmetry; got "${to}"`);
  }
  if (positionals.length !== 1) throw new InputError("convert takes exactly one input file (or - for stdin)");
  const input = oneInput(positionals[0]!);
  const out: Writable = values.out ? createWriteStream(values.out) : process.stdout;
  const line = (value: unknown) => `${JSON.stringify(value, null, values.pretty ? 2 : undefined)}\n`;
  // One write per input request (not per span): fewer stream calls and promises on large files,
  // while waiting for "drain" keeps memory bounded by one request's output.
  const write = (text: string) => (out.write(text) ? undefined : new Promise<void>((resolve) => out.once("drain", () => resolve())));
  for await (const spans of readSpans(input, values.logs ?? siblingLogs(input))) {
    let text = "";
    if (to === "mlflow" || to === "canonical") {
      for (const span of spans) {
        const translated = toMlflowSpan(span);
        text += line(to === "mlflow" ? toMlflowSpanJson(translated) : translated);
      }
    } else {
      text = line(encodeOtlpJson(spans.map((span) => fromMlflowSpan(span, { to: to as EmitTarget }))));
    }
    if (text !== "") await write(text);
  }
  if (values.out) await new Promise<void>((resolve) => out.end(resolve));
  return 0;
}

/** convert's input: a file, "-", or a pattern (unexpanded by the shell) that matches exactly one file. */
function oneInput(path: string): string {
  if (path === "-" || existsSync(path) || !hasGlob(path)) return path;
  const files = expandPaths([path]);
  if (files.length !== 1) throw new InputError(`convert takes exactly one input file; ${path} matches ${files.length} trace files`);
  return files[0]!;
}

async function inspect(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length === 0) throw new InputError("inspect needs at least one file or directory");
  const rows: string[][] = [];
  const byType = new Map<string, number>();
  let count = 0;
  for (const file of expandPaths(positionals)) {
    for await (const spans of readSpans(file, siblingLogs(file))) {
      for (const span of spans) {
        const m = toMlflowSpan(span);
        count++;
        byType.set(m.spanType, (byType.get(m.spanType) ?? 0) + 1);
        rows.push([
          truncate(basename(file).replace(/\.otlp\.json$|\.jsonl?$/, ""), 44),
          truncate(m.name, 26),
          m.conventions.join("+") || "-",
          m.spanType,
          tokens(m),
          preview(m),
        ]);
      }
    }
  }
  process.stdout.write(`${table(["file", "span", "conventions", "type", "tokens in/out/total", "input → output"], rows)}\n\n`);
  const summary = [...byType].sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t} ${n}`).join(", ");
  process.stdout.write(`${count} spans: ${summary}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof InputError || (error as { code?: string })?.code?.startsWith?.("ERR_PARSE_ARGS")) {
      process.stderr.write(`mlflow-semconv: ${(error as Error).message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`mlflow-semconv: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = 3;
    }
  },
);
