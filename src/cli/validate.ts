/**
 * `mlflow-semconv validate`: conformance and MLflow-readiness of captured traces, for CI.
 * Files are streamed (JSON Lines one request at a time), findings are kept only up to a cap per
 * severity, so memory stays flat on large files. Exit code: 0 clean, 1 findings at or above --fail-on,
 * 2 unusable input (a line or file that cannot be read, or no spans at all), after the report of
 * everything else. Every value that comes from the traces is clipped and neutralised for the output
 * format (sanitize.ts).
 */
import { parseArgs } from "node:util";
import {
  CONVENTION_IDS,
  detectConventions,
  REQUIRABLE_FIELDS,
  validateSpan,
  type Convention,
  type Diagnostic,
  type RequirableField,
} from "../index.js";
import { alternatives, CONVENTION_LIST } from "./help.js";
import { type Command, listInputs, logsFor, noSpans, note, noteError } from "./io.js";
import { InputError, readSpans } from "./read.js";
import { clip, forJson, forTerminal, githubData, githubProperty, markdownText, MAX_MESSAGE } from "./sanitize.js";

const SEVERITY_RANK = { info: 0, warning: 1, error: 2 } as const;
type SeverityName = keyof typeof SEVERITY_RANK;
const FORMATS = ["text", "json", "github", "markdown"] as const;
type Format = (typeof FORMATS)[number];

interface Finding extends Diagnostic {
  file: string;
  /** The JSON Lines line of the span's request. */
  line?: number;
  traceId?: string;
}

interface Summary {
  files: number;
  spans: number;
  /** Lines or files that could not be read (each one is also in `inputErrors` of the JSON report). */
  unreadable: number;
  bySeverity: Record<SeverityName, number>;
  byConvention: Record<string, number>;
  byCode: Record<string, number>;
  /** Findings left out of every count and list by --ignore, per code. */
  ignored: Record<string, number>;
  /** Findings at or above --show that were not kept because of --max-findings. */
  omitted: number;
}

const HELP = `Usage: mlflow-semconv validate <files, directories or patterns...> [options]

Checks each span against its convention (value types, enumerated values, deprecated keys, required
and recommended keys) and, with --require, that the MLflow translation has those fields.

Options:
  --convention C      the convention every LLM span must use (default: none; each span is checked
                      against the ones it uses): ${alternatives(CONVENTION_LIST, 22, 50)}
  --require F1,F2     canonical fields the translation must have where they apply: spanType, inputs,
                      outputs, tokenUsage, model, provider, tools (default: none). inputs and outputs
                      mean content: a prompt, messages with content, a query, tool arguments…;
                      request parameters or messages whose content is null do not count
  --ignore CODE,CODE  finding codes to leave out of the report, the counts and the exit code
                      (default: none), e.g. --ignore deprecated-attribute
  --fail-on S         error | warning | info: lowest severity that makes the exit code 1 (default: error)
  --show S            error | warning | info: lowest severity listed (default: warning; all are counted)
  --format F          text (default; grouped, coloured on a terminal) | json | github (workflow
                      annotations) | markdown (a job summary)
  --max-findings N    findings listed at most (default: 1000); errors come first, and a later error is
                      never dropped for an earlier warning
  --logs FILE         log records to join to every input (default: x.logs.json beside x.otlp.json, or
                      the Collector's logs.jsonl / logs.json beside traces.jsonl / traces.json)
  --help              this help

Exit codes: 0 no finding at or above --fail-on; 1 some; 2 unusable input (a missing file, a pattern
that matches nothing, a file or line that is not OTLP/JSON — reported after everything else was
checked), no span at all, or bad usage.

Examples:
  mlflow-semconv validate 'traces/**/*.json' --require inputs,outputs,tokenUsage --format github
  mlflow-semconv validate traces.jsonl --ignore deprecated-attribute --fail-on warning
  mlflow-semconv validate - --format json < traces.jsonl
`;

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      convention: { type: "string" },
      require: { type: "string", multiple: true },
      ignore: { type: "string", multiple: true },
      "fail-on": { type: "string", default: "error" },
      show: { type: "string", default: "warning" },
      format: { type: "string", default: "text" },
      "max-findings": { type: "string", default: "1000" },
      logs: { type: "string" },
    },
  });
  const convention = values.convention;
  if (convention !== undefined && !(CONVENTION_IDS as readonly string[]).includes(convention)) {
    throw new InputError(`--convention must be one of ${CONVENTION_IDS.join(", ")}; got "${convention}"`);
  }
  const require = list(values.require);
  for (const field of require) {
    if (!(REQUIRABLE_FIELDS as readonly string[]).includes(field)) {
      throw new InputError(`--require takes a comma-separated list of ${REQUIRABLE_FIELDS.join(", ")}; got "${field}"`);
    }
  }
  const ignore = new Set(list(values.ignore));
  for (const code of ignore) {
    if (!/^[a-z][a-z0-9-]*$/.test(code)) throw new InputError(`--ignore takes a comma-separated list of finding codes (such as deprecated-attribute); got "${code}"`);
  }
  const failOn = severityOption(values["fail-on"]!, "--fail-on");
  const show = severityOption(values.show!, "--show");
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new InputError(`--format must be one of ${FORMATS.join(", ")}; got "${values.format}"`);
  const maxFindings = Number(values["max-findings"]);
  if (!Number.isInteger(maxFindings) || maxFindings < 0) throw new InputError("--max-findings must be a non-negative integer");
  if (positionals.length === 0) throw new InputError("validate needs at least one file or directory (or - for stdin)");

  const files = listInputs(positionals);
  const logs = logsFor(values.logs);
  const summary: Summary = {
    files: files.length,
    spans: 0,
    unreadable: 0,
    bySeverity: { error: 0, warning: 0, info: 0 },
    byConvention: {},
    byCode: {},
    ignored: {},
    omitted: 0,
  };
  // Kept per severity, each up to --max-findings, so later errors are never crowded out by earlier warnings.
  const kept: Record<SeverityName, Finding[]> = { error: [], warning: [], info: [] };
  const inputErrors: InputError[] = [];
  const progress = process.stderr.isTTY ? (n: number) => process.stderr.write(`\r${n.toLocaleString("en-US")} spans read`) : undefined;
  let worst = -1;

  const options: { convention?: Convention; require?: RequirableField[] } = {};
  if (convention) options.convention = convention as Convention;
  if (require.length > 0) options.require = require as RequirableField[];

  // Unreadable input is reported, not fatal on the spot: every other line and file is still checked,
  // so one CI run shows all findings and all broken input; the exit code is then 2.
  const unreadable = (error: InputError) => {
    summary.unreadable++;
    if (inputErrors.length < MAX_INPUT_ERRORS) inputErrors.push(error);
  };
  const empty: string[] = [];
  for (const file of files) {
    const before = { spans: summary.spans, unreadable: summary.unreadable };
    try {
      for await (const { spans, line } of readSpans(file, await logs(file), unreadable, (message) => note(`mlflow-semconv: ${message}`))) {
        for (const span of spans) {
          summary.spans++;
          if (progress && summary.spans % 10_000 === 0) progress(summary.spans);
          const diagnostics = validateSpan(span, options);
          const conventions: string[] = detectConventions(span);
          if (conventions.length === 0) conventions.push("none");
          for (const c of conventions) summary.byConvention[c] = (summary.byConvention[c] ?? 0) + 1;
          for (const d of diagnostics) {
            if (ignore.has(d.code)) {
              summary.ignored[d.code] = (summary.ignored[d.code] ?? 0) + 1;
              continue;
            }
            summary.bySeverity[d.severity]++;
            summary.byCode[d.code] = (summary.byCode[d.code] ?? 0) + 1;
            worst = Math.max(worst, SEVERITY_RANK[d.severity]);
            if (SEVERITY_RANK[d.severity] < SEVERITY_RANK[show]) continue;
            if (kept[d.severity].length < maxFindings) kept[d.severity].push(finding(d, file, line, span.traceId));
            else summary.omitted++;
          }
        }
      }
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      unreadable(error);
    }
    if (summary.spans === before.spans && summary.unreadable === before.unreadable) empty.push(file);
  }
  if (progress) process.stderr.write("\r\x1b[K");

  // Errors first, then warnings, then info; at most --max-findings in all.
  const findings = [...kept.error, ...kept.warning, ...kept.info];
  summary.omitted += Math.max(0, findings.length - maxFindings);
  findings.length = Math.min(findings.length, maxFindings);

  const render = { text: renderText, json: renderJson, github: renderGithub, markdown: renderMarkdown }[format];
  if (summary.spans > 0 || summary.unreadable > 0) {
    process.stdout.write(render(findings, summary, { color: format === "text" && process.stdout.isTTY === true, inputErrors }));
  }

  for (const error of inputErrors) noteError(error);
  if (summary.unreadable > inputErrors.length) note(`mlflow-semconv: … and ${summary.unreadable - inputErrors.length} more unreadable line(s)`);
  if (summary.unreadable > 0) return 2;
  if (summary.spans === 0) throw noSpans(empty);
  // Some files had spans: an empty one among them is worth a note, not a failure.
  for (const file of empty) note(`mlflow-semconv: warning: no spans in ${file}`);
  return worst >= SEVERITY_RANK[failOn] ? 1 : 0;
}

/** A repeatable, comma-separated option as a list. */
function list(values: string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(",")).map((s) => s.trim()).filter(Boolean);
}

/** A finding with every value from the trace clipped, so a 1 MiB span name costs a few hundred bytes. */
function finding(d: Diagnostic, file: string, line: number | undefined, traceId: string | undefined): Finding {
  const f: Finding = { code: d.code, severity: d.severity, message: clip(d.message, MAX_MESSAGE), file };
  if (d.key !== undefined) f.key = clip(d.key);
  if (d.spanName !== undefined) f.spanName = clip(d.spanName);
  if (d.spanId !== undefined) f.spanId = clip(d.spanId);
  if (traceId) f.traceId = clip(traceId);
  if (line !== undefined) f.line = line;
  // The rule's citation: our own text, not from the trace, so not clipped.
  if (d.spec !== undefined) f.spec = d.spec;
  return f;
}

/** Unreadable lines listed in the report and on stderr; the rest are counted. */
const MAX_INPUT_ERRORS = 100;

function severityOption(value: string, flag: string): SeverityName {
  if (Object.prototype.hasOwnProperty.call(SEVERITY_RANK, value)) return value as SeverityName;
  throw new InputError(`${flag} must be error, warning or info; got "${value}"`);
}

interface RenderOptions {
  color: boolean;
  inputErrors: InputError[];
}

function countsLine(summary: Summary): string {
  const { error, warning, info } = summary.bySeverity;
  const unreadable = summary.unreadable > 0 ? `; ${summary.unreadable} unreadable input(s)` : "";
  return `${summary.spans} spans in ${summary.files} file(s): ${error} error(s), ${warning} warning(s), ${info} info${unreadable}`;
}

function sortedEntries(record: Record<string, number>): Array<[string, number]> {
  return Object.entries(record).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function where(f: Finding): string {
  return `span "${f.spanName ?? ""}"${f.spanId ? ` (${f.spanId})` : ""}${f.traceId ? ` in trace ${f.traceId}` : ""}${f.key ? ` ${f.key}` : ""}`;
}

/** Unreadable input goes to stderr (see run), so the text report only counts it. */
function renderText(findings: Finding[], summary: Summary, opts: RenderOptions): string {
  const paint = (code: string, text: string) => (opts.color ? `\x1b[${code}m${text}\x1b[0m` : text);
  const colours = { error: "31", warning: "33", info: "36" } as const;
  const t = forTerminal;
  const lines: string[] = [];
  let lastFile: string | undefined;
  let lastSpan = "";
  for (const f of findings) {
    if (f.file !== lastFile) {
      lines.push(paint("1", t(f.file)));
      lastFile = f.file;
      lastSpan = "";
    }
    const span = `${f.spanName ?? ""}\u0000${f.spanId ?? ""}\u0000${f.traceId ?? ""}\u0000${f.line ?? ""}`;
    if (span !== lastSpan) {
      const at = [f.spanId ? t(f.spanId) : "", f.traceId ? `trace ${t(f.traceId)}` : "", f.line !== undefined ? `line ${f.line}` : ""].filter(Boolean).join(", ");
      lines.push(`  span "${t(f.spanName ?? "")}"${at ? ` (${at})` : ""}`);
      lastSpan = span;
    }
    lines.push(`    ${paint(colours[f.severity], f.severity.padEnd(7))} ${t(f.code)}${f.key ? ` [${t(f.key)}]` : ""}: ${t(f.message)}`);
  }
  if (summary.omitted > 0) lines.push(`… ${summary.omitted} more finding(s) not shown (--max-findings)`);
  if (lines.length > 0) lines.push("");
  lines.push(countsLine(summary));
  lines.push(`by convention: ${sortedEntries(summary.byConvention).map(([k, n]) => `${k} ${n}`).join(", ") || "-"}`);
  lines.push(`by code: ${sortedEntries(summary.byCode).map(([k, n]) => `${k} ${n}`).join(", ") || "-"}`);
  const ignored = sortedEntries(summary.ignored);
  if (ignored.length > 0) lines.push(`ignored: ${ignored.map(([k, n]) => `${k} ${n}`).join(", ")}`);
  return `${lines.join("\n")}\n`;
}

function renderJson(findings: Finding[], summary: Summary, opts: RenderOptions): string {
  const inputErrors = opts.inputErrors.map((e) => ({ file: e.file ?? null, line: e.line ?? null, message: e.message }));
  return `${forJson(JSON.stringify({ summary, findings, inputErrors }, null, 2))}\n`;
}

/**
 * GitHub workflow commands: `::error file=…,line=…,title=…::message`, one annotation per finding.
 * Properties and message are escaped as the runner decodes them; no value can start a line.
 */
function renderGithub(findings: Finding[], summary: Summary, opts: RenderOptions): string {
  const level = { error: "error", warning: "warning", info: "notice" } as const;
  const lines = findings.map((f) => {
    const line = f.line !== undefined ? `line=${f.line},` : "";
    return `::${level[f.severity]} file=${githubProperty(f.file)},${line}title=${githubProperty(f.code)}::${githubData(`${where(f)}: ${f.message}`)}`;
  });
  for (const e of opts.inputErrors) {
    const at = `${e.file ? `file=${githubProperty(e.file)},` : ""}${e.line ? `line=${e.line},` : ""}`;
    lines.push(`::error ${at}title=unreadable input::${githubData(e.message)}`);
  }
  lines.push(countsLine(summary));
  return `${lines.join("\n")}\n`;
}

/** A Markdown job summary; every value from the traces is plain escaped text (no code spans, links or HTML). */
function renderMarkdown(findings: Finding[], summary: Summary, opts: RenderOptions): string {
  const m = markdownText;
  const out = [`### mlflow-semconv validate`, "", countsLine(summary), ""];
  out.push("| code | count |", "|---|---:|", ...sortedEntries(summary.byCode).map(([k, n]) => `| ${m(k)} | ${n} |`), "");
  if (findings.length > 0) {
    out.push("| severity | code | file | line | trace | span | key | message |", "|---|---|---|---|---|---|---|---|");
    for (const f of findings) {
      out.push(`| ${f.severity} | ${m(f.code)} | ${m(f.file)} | ${f.line ?? ""} | ${m(f.traceId ?? "")} | ${m(f.spanName ?? "")} | ${m(f.key ?? "")} | ${m(f.message)} |`);
    }
    if (summary.omitted > 0) out.push("", `${summary.omitted} more finding(s) not shown.`);
  }
  const ignored = sortedEntries(summary.ignored);
  if (ignored.length > 0) out.push("", `Ignored: ${ignored.map(([k, n]) => `${m(k)} ${n}`).join(", ")}`);
  if (opts.inputErrors.length > 0) {
    out.push("", "**Unreadable input** (exit code 2):", "", ...opts.inputErrors.map((e) => `- ${m(e.message)}`));
  }
  return `${out.join("\n")}\n`;
}

export const validateCommand: Command = {
  summary: "check spans against their convention and MLflow's needs, for CI (exit 1 on findings)",
  help: HELP,
  run,
};
