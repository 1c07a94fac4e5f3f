/**
 * `mlflow-semconv validate`: conformance and MLflow-readiness of captured traces, for CI.
 * Files are streamed (JSON Lines one request at a time), findings are kept only up to a cap, so
 * memory stays flat on large files. Exit code: 0 clean, 1 findings at or above --fail-on, 2 unusable
 * input (a line or file that cannot be read, or no spans at all), after the report of everything else.
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
import { expandPaths, InputError, readSpans, siblingLogs } from "./read.js";

const SEVERITY_RANK = { info: 0, warning: 1, error: 2 } as const;
type SeverityName = keyof typeof SEVERITY_RANK;
const FORMATS = ["text", "json", "github", "markdown"] as const;
type Format = (typeof FORMATS)[number];

interface Finding extends Diagnostic {
  file: string;
}

interface Summary {
  files: number;
  spans: number;
  /** Lines or files that could not be read (each one is also in `inputErrors` of the JSON report). */
  unreadable: number;
  bySeverity: Record<SeverityName, number>;
  byConvention: Record<string, number>;
  byCode: Record<string, number>;
  /** Findings at or above --show that were not kept because of --max-findings. */
  omitted: number;
}

export async function validateCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      convention: { type: "string" },
      require: { type: "string" },
      "fail-on": { type: "string", default: "error" },
      show: { type: "string", default: "warning" },
      format: { type: "string", default: "text" },
      "max-findings": { type: "string", default: "1000" },
    },
  });
  const convention = values.convention;
  if (convention !== undefined && !(CONVENTION_IDS as readonly string[]).includes(convention)) {
    throw new InputError(`--convention must be one of ${CONVENTION_IDS.join(", ")}; got "${convention}"`);
  }
  const require = (values.require ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  for (const field of require) {
    if (!(REQUIRABLE_FIELDS as readonly string[]).includes(field)) {
      throw new InputError(`--require takes a comma-separated list of ${REQUIRABLE_FIELDS.join(", ")}; got "${field}"`);
    }
  }
  const failOn = severityOption(values["fail-on"]!, "--fail-on");
  const show = severityOption(values.show!, "--show");
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new InputError(`--format must be one of ${FORMATS.join(", ")}; got "${values.format}"`);
  const maxFindings = Number(values["max-findings"]);
  if (!Number.isInteger(maxFindings) || maxFindings < 0) throw new InputError("--max-findings must be a non-negative integer");
  if (positionals.length === 0) throw new InputError("validate needs at least one file or directory (or - for stdin)");

  const files = expandPaths(positionals);
  if (files.length === 0) {
    throw new InputError(`no spans found in ${positionals.join(", ")}: no *.json or *.jsonl trace files there`);
  }
  const summary: Summary = { files: files.length, spans: 0, unreadable: 0, bySeverity: { error: 0, warning: 0, info: 0 }, byConvention: {}, byCode: {}, omitted: 0 };
  const findings: Finding[] = [];
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
      for await (const spans of readSpans(file, siblingLogs(file), unreadable)) {
        for (const span of spans) {
          summary.spans++;
          if (progress && summary.spans % 10_000 === 0) progress(summary.spans);
          const diagnostics = validateSpan(span, options);
          const conventions: string[] = detectConventions(span);
          if (conventions.length === 0) conventions.push("none");
          for (const c of conventions) summary.byConvention[c] = (summary.byConvention[c] ?? 0) + 1;
          for (const d of diagnostics) {
            summary.bySeverity[d.severity]++;
            summary.byCode[d.code] = (summary.byCode[d.code] ?? 0) + 1;
            worst = Math.max(worst, SEVERITY_RANK[d.severity]);
            if (SEVERITY_RANK[d.severity] < SEVERITY_RANK[show]) continue;
            if (findings.length < maxFindings) findings.push({ ...d, file });
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

  const render = { text: renderText, json: renderJson, github: renderGithub, markdown: renderMarkdown }[format];
  process.stdout.write(render(findings, summary, { color: format === "text" && process.stdout.isTTY === true, inputErrors }));

  for (const error of inputErrors) process.stderr.write(`mlflow-semconv: ${error.message}\n`);
  if (summary.unreadable > inputErrors.length) process.stderr.write(`mlflow-semconv: … and ${summary.unreadable - inputErrors.length} more unreadable line(s)\n`);
  if (summary.unreadable > 0) return 2;
  if (summary.spans === 0) {
    const listed = empty.length > 5 ? `${empty.slice(0, 5).join(", ")} and ${empty.length - 5} more` : empty.join(", ");
    process.stderr.write(`mlflow-semconv: no spans found in ${listed}\n`);
    return 2;
  }
  // Some files had spans: an empty one among them is worth a note, not a failure.
  for (const file of empty) process.stderr.write(`mlflow-semconv: warning: no spans in ${file}\n`);
  return worst >= SEVERITY_RANK[failOn] ? 1 : 0;
}

/** Unreadable lines listed in the report and on stderr; the rest are counted. */
const MAX_INPUT_ERRORS = 100;

function severityOption(value: string, flag: string): SeverityName {
  if (value in SEVERITY_RANK) return value as SeverityName;
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
  return `span "${f.spanName ?? ""}"${f.spanId ? ` (${f.spanId})` : ""}${f.key ? ` ${f.key}` : ""}`;
}

/** Unreadable input goes to stderr (see validateCommand), so the text report only counts it. */
function renderText(findings: Finding[], summary: Summary, opts: RenderOptions): string {
  const paint = (code: string, text: string) => (opts.color ? `\x1b[${code}m${text}\x1b[0m` : text);
  const colours = { error: "31", warning: "33", info: "36" } as const;
  const lines: string[] = [];
  let lastFile = "";
  let lastSpan = "";
  for (const f of findings) {
    if (f.file !== lastFile) {
      lines.push(paint("1", f.file));
      lastFile = f.file;
      lastSpan = "";
    }
    const span = `${f.spanName ?? ""}\u0000${f.spanId ?? ""}`;
    if (span !== lastSpan) {
      lines.push(`  span "${f.spanName ?? ""}"${f.spanId ? ` (${f.spanId})` : ""}`);
      lastSpan = span;
    }
    lines.push(`    ${paint(colours[f.severity], f.severity.padEnd(7))} ${f.code}${f.key ? ` [${f.key}]` : ""}: ${f.message}`);
  }
  if (summary.omitted > 0) lines.push(`… ${summary.omitted} more finding(s) not shown (--max-findings)`);
  if (lines.length > 0) lines.push("");
  lines.push(countsLine(summary));
  lines.push(`by convention: ${sortedEntries(summary.byConvention).map(([k, n]) => `${k} ${n}`).join(", ") || "-"}`);
  lines.push(`by code: ${sortedEntries(summary.byCode).map(([k, n]) => `${k} ${n}`).join(", ") || "-"}`);
  return `${lines.join("\n")}\n`;
}

function renderJson(findings: Finding[], summary: Summary, opts: RenderOptions): string {
  const inputErrors = opts.inputErrors.map((e) => ({ file: e.file ?? null, line: e.line ?? null, message: e.message }));
  return `${JSON.stringify({ summary, findings, inputErrors }, null, 2)}\n`;
}

/** GitHub workflow commands: `::error file=…,title=…::message` (one annotation per finding). */
function renderGithub(findings: Finding[], summary: Summary, opts: RenderOptions): string {
  const level = { error: "error", warning: "warning", info: "notice" } as const;
  const lines = findings.map(
    (f) => `::${level[f.severity]} file=${escapeProperty(f.file)},title=${escapeProperty(f.code)}::${escapeData(`${where(f)}: ${f.message}`)}`,
  );
  for (const e of opts.inputErrors) {
    const at = `${e.file ? `file=${escapeProperty(e.file)},` : ""}${e.line ? `line=${e.line},` : ""}`;
    lines.push(`::error ${at}title=unreadable input::${escapeData(e.message)}`);
  }
  lines.push(countsLine(summary));
  return `${lines.join("\n")}\n`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

function renderMarkdown(findings: Finding[], summary: Summary, opts: RenderOptions): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
  const out = [`### mlflow-semconv validate`, "", countsLine(summary), ""];
  out.push("| code | count |", "|---|---:|", ...sortedEntries(summary.byCode).map(([k, n]) => `| \`${k}\` | ${n} |`), "");
  if (findings.length > 0) {
    out.push("| severity | code | file | span | key | message |", "|---|---|---|---|---|---|");
    for (const f of findings) {
      out.push(`| ${f.severity} | \`${f.code}\` | ${cell(f.file)} | ${cell(f.spanName ?? "")} | ${f.key ? `\`${cell(f.key)}\`` : ""} | ${cell(f.message)} |`);
    }
    if (summary.omitted > 0) out.push("", `${summary.omitted} more finding(s) not shown.`);
  }
  if (opts.inputErrors.length > 0) {
    out.push("", "**Unreadable input** (exit code 2):", "", ...opts.inputErrors.map((e) => `- ${cell(e.message)}`));
  }
  return `${out.join("\n")}\n`;
}
