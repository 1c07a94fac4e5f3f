/** `mlflow-semconv inspect`: one row per span, as a table or as JSON. */
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { toMlflowSpan, type MlflowSpan } from "../index.js";
import { preview, table, tokens, truncate } from "./format.js";
import { type Command, listInputs, logsFor, noSpans, note, noteError } from "./io.js";
import { InputError, readSpans } from "./read.js";
import { clip, forJson, forTerminal } from "./sanitize.js";

const HELP = `Usage: mlflow-semconv inspect <files, directories or patterns...> [--logs FILE] [--format text|json]

Translates every span and prints one row per span: file, span, conventions, MLflow span type, status,
token counts and an "input → output" preview, then the count per span type.

Options:
  --format F    text (default): an aligned table; json: one JSON document with every row and the counts
  --logs FILE   log records to join to every input (default: x.logs.json beside x.otlp.json, or the
                Collector's logs.jsonl / logs.json beside traces.jsonl / traces.json)
  --help        this help

Arguments are files, directories (walked for *.json and *.jsonl) or patterns (* ? **).

Exit codes: 0 done; 2 unusable input (a missing file, a file or line that is not OTLP/JSON; the table
of everything else is printed first), no span at all, or bad usage.

Examples:
  mlflow-semconv inspect traces/
  mlflow-semconv inspect 'traces/**/*.jsonl' --format json
`;

interface Row {
  file: string;
  line: number | null;
  traceId: string | null;
  spanId: string | null;
  span: string;
  conventions: string[];
  type: string;
  status: string;
  tokenUsage: unknown;
  preview: string;
}

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: "string", default: "text" }, logs: { type: "string" } },
  });
  const format = values.format!;
  if (format !== "text" && format !== "json") throw new InputError(`--format must be text or json; got "${format}"`);
  if (positionals.length === 0) throw new InputError("inspect needs at least one file or directory (or - for stdin)");
  const files = listInputs(positionals);
  const logs = logsFor(values.logs);
  const rows: Row[] = [];
  const byType = new Map<string, number>();
  const errors: InputError[] = [];
  const unreadable = (error: InputError) => errors.push(error);
  for (const file of files) {
    try {
      for await (const { spans, line } of readSpans(file, await logs(file), unreadable, (message) => note(`mlflow-semconv: ${message}`))) {
        for (const span of spans) {
          const m = toMlflowSpan(span);
          byType.set(m.spanType, (byType.get(m.spanType) ?? 0) + 1);
          rows.push({
            file,
            line: line ?? null,
            traceId: m.traceId ? clip(m.traceId) : null,
            spanId: m.spanId ? clip(m.spanId) : null,
            span: clip(m.name),
            conventions: m.conventions,
            type: m.spanType,
            status: m.status?.code ?? "UNSET",
            tokenUsage: m.tokenUsage ?? null,
            preview: preview(m),
          });
        }
      }
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      unreadable(error);
    }
  }
  const counts = [...byType].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (format === "json") {
    const summary = { spans: rows.length, byType: Object.fromEntries(counts), unreadable: errors.length };
    const inputErrors = errors.map((e) => ({ file: e.file ?? null, line: e.line ?? null, message: e.message }));
    process.stdout.write(`${forJson(JSON.stringify({ summary, spans: rows, inputErrors }, null, 2))}\n`);
  } else if (rows.length > 0) {
    const cells = rows.map((r) => [
      forTerminal(truncate(basename(r.file).replace(/\.otlp\.json$|\.jsonl?$/, ""), 44)),
      forTerminal(truncate(r.span, 26)),
      r.conventions.join("+") || "-",
      r.type,
      r.status,
      tokenCells(r.tokenUsage),
      forTerminal(r.preview),
    ]);
    process.stdout.write(`${table(["file", "span", "conventions", "type", "status", "tokens in/out/total", "input → output"], cells)}\n\n`);
    process.stdout.write(`${rows.length} spans: ${counts.map(([t, n]) => `${t} ${n}`).join(", ")}\n`);
  }
  for (const error of errors) noteError(error);
  if (errors.length > 0) return 2;
  if (rows.length === 0) throw noSpans(files);
  return 0;
}

const tokenCells = (usage: unknown) => tokens({ tokenUsage: usage ?? undefined } as MlflowSpan);

export const inspectCommand: Command = {
  summary: "a table of every span: conventions, MLflow type, status, tokens, input → output",
  help: HELP,
  run,
};
