/** `mlflow-semconv convert`: OTLP/JSON in, one JSON value per line out. */
import { parseArgs } from "node:util";
import type { Writable } from "node:stream";
import { encodeOtlpJson, fromMlflowSpan, toMlflowSpan, type EmitTarget } from "../index.js";
import { hasGlob } from "./glob.js";
import { alternatives, OTLP_TARGETS } from "./help.js";
import { toMlflowSpanJson } from "./format.js";
import { type Command, logsFor, noSpans, note, OutputFile } from "./io.js";
import { expandPaths } from "./paths.js";
import { InputError, readSpans } from "./read.js";
import { forJson } from "./sanitize.js";

const HELP = `Usage: mlflow-semconv convert <file|-> [--to TARGET] [--logs FILE] [--out FILE] [--pretty]

Reads OTLP/JSON (one document, or JSON Lines with one ExportTraceServiceRequest per line; "-" is
stdin) and writes one JSON value per line.

Options:
  --to TARGET   mlflow (default): MLflow's stored span with mlflow.* attributes;
                canonical: the MlflowSpan object;
                ${alternatives(OTLP_TARGETS, 16, 50)}: one OTLP/JSON request per input request
  --logs FILE   log records to join (GenAI content written as logs). Default: x.logs.json beside
                x.otlp.json, or logs.jsonl / logs.json beside the Collector's traces.jsonl / traces.json
  --out FILE    write there instead of stdout (default: stdout). Written to a temporary file and
                renamed when done; refused when FILE is the input; the directory must exist
  --pretty      indent the JSON (default: off)
  --help        this help

Exit codes: 0 done; 2 unusable input (the message names file:line), no span at all, or bad usage.
On exit 2, --out is left untouched; what was already written to stdout stays written.

Examples:
  mlflow-semconv convert traces.json
  mlflow-semconv convert - --to canonical < traces.jsonl
  mlflow-semconv convert traces.json --to openinference --out phoenix.jsonl
`;

async function run(args: string[]): Promise<number> {
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
  if (to !== "mlflow" && to !== "canonical" && !OTLP_TARGETS.includes(to)) {
    throw new InputError(`--to must be one of mlflow, canonical, ${OTLP_TARGETS.join(", ")}; got "${to}"`);
  }
  if (positionals.length !== 1) throw new InputError("convert takes exactly one input file (or - for stdin)");
  const input = oneInput(positionals[0]!);
  const logs = logsFor(values.logs);
  const file = values.out ? new OutputFile(values.out, values.logs ? [input, values.logs] : [input]) : undefined;
  const out: Writable = process.stdout;
  const line = (value: unknown) => `${forJson(JSON.stringify(value, null, values.pretty ? 2 : undefined))}\n`;
  // One write per input request (not per span): fewer stream calls on large files, while waiting for
  // "drain" keeps memory bounded by one request's output.
  const write = (text: string) => {
    if (file) return file.write(text);
    return out.write(text) ? undefined : new Promise<void>((resolve) => out.once("drain", () => resolve()));
  };
  let count = 0;
  try {
    for await (const { spans } of readSpans(input, await logs(input), undefined, (message) => note(`mlflow-semconv: ${message}`))) {
      let text = "";
      count += spans.length;
      if (to === "mlflow" || to === "canonical") {
        for (const span of spans) {
          const translated = toMlflowSpan(span);
          text += line(to === "mlflow" ? toMlflowSpanJson(translated) : translated);
        }
      } else if (spans.length > 0) {
        text = line(encodeOtlpJson(spans.map((span) => fromMlflowSpan(span, { to: to as EmitTarget }))));
      }
      if (text !== "") await write(text);
    }
    if (count === 0) throw noSpans([input]);
    file?.commit();
  } finally {
    file?.abort();
  }
  return 0;
}

/** convert's input: a file, "-", or a pattern (unexpanded by the shell) that matches exactly one file. */
function oneInput(path: string): string {
  if (path === "-" || !hasGlob(path)) return path;
  const { files } = expandPaths([path]);
  if (files.length !== 1) throw new InputError(`convert takes exactly one input file; ${path} matches ${files.length} trace files`);
  return files[0]!;
}

export const convertCommand: Command = {
  summary: `OTLP/JSON → MLflow spans (or ${OTLP_TARGETS.join(" / ")} spans), one JSON value per line`,
  help: HELP,
  run,
};
