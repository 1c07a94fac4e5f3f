/**
 * Command-line path arguments -> trace files: directories walked (links to directories not followed,
 * FIFOs skipped, each file once), patterns expanded, `*.mlflow.json` left out, sibling logs found.
 */
import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from "node:fs";
import { basename, dirname, join } from "node:path";
import { glob, hasGlob } from "./glob.js";
import { InputError, describeFsError } from "./read.js";
/** Paths of trace files and notes about what was skipped while walking directories. */
export interface Expanded {
  files: string[];
  /** Entries skipped on the way (a FIFO, a dangling link, a link loop), one line each. */
  skipped: string[];
}

/**
 * Trace files under the given paths: files as given, directories walked for `*.json` and `*.jsonl`,
 * and patterns (`*`, `?`, `**`, for shells that pass them unexpanded) matched like a shell would.
 * Left out: a `x.logs.json` beside a `x.otlp.json` and a Collector `logs.json(l)` beside a
 * `traces.json(l)` (log records, joined to those traces, see siblingLogs), and `*.mlflow.json`
 * (MLflow output) found by walking or matching, or named among other arguments (a shell-expanded
 * `traces/*.json`). Each file is listed once, also when links lead to it twice. Walking skips what is
 * not a regular file (FIFOs, sockets, devices), dangling links and link loops, and says so in `skipped`;
 * it follows links to files but not to directories.
 */
export function expandPaths(paths: string[]): Expanded {
  const out: string[] = [];
  const skipped: string[] = [];
  const visitedDirs = new Set<string>();
  const several = paths.length > 1;
  for (const path of paths) {
    if (path === "-") out.push(path);
    else if (entryExists(path)) {
      if (isDir(path)) walk(path, out, skipped, visitedDirs);
      else if (!(several && path.endsWith(".mlflow.json"))) out.push(path);
    } else if (hasGlob(path)) {
      const matches = glob(path);
      if (matches.length === 0) throw new InputError(`${path}: no files match this pattern`);
      for (const match of matches) {
        if (isDir(match)) walk(match, out, skipped, visitedDirs);
        else if (!isSkipped(match)) out.push(match);
      }
    } else throw new InputError(`${path}: no such file or directory`);
  }
  // Each file once: the same path twice, or two links to one file.
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const path of out) {
    const id = path === "-" ? "-" : fileId(path);
    if (seen.has(id)) continue;
    seen.add(id);
    unique.push(path);
  }
  const listed = new Set(unique);
  const files = unique.filter((path) => {
    const traces = tracesOf(path);
    return !(traces && traces.some((t) => listed.has(t)));
  });
  return { files, skipped };
}

function walk(dir: string, out: string[], skipped: string[], visited: Set<string>): void {
  const id = fileId(dir);
  if (visited.has(id)) return; // a link back to a directory already walked
  visited.add(id);
  let entries: string[];
  try {
    entries = readdirSync(dir).sort((a, b) => a.localeCompare(b));
  } catch (error) {
    skipped.push(`${dir}: cannot be listed (${describeFsError(error)})`);
    return;
  }
  for (const name of entries) {
    const child = join(dir, name);
    let stats: Stats;
    try {
      stats = statSync(child);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (isTraceFile(name) || code === "ELOOP") skipped.push(`${child}: ${code === "ELOOP" ? "a symbolic link loop" : code === "ENOENT" ? "a symbolic link to a missing file" : describeFsError(error)}; skipped`);
      continue;
    }
    if (stats.isDirectory()) {
      // As `**`, a walk does not follow links to directories (no loops, no escaping the tree).
      if (!lstatSync(child).isSymbolicLink()) walk(child, out, skipped, visited);
    } else if (!isTraceFile(name)) continue;
    else if (stats.isFile()) out.push(child);
    else skipped.push(`${child}: not a regular file (a FIFO, socket or device); skipped`);
  }
}

/** Whether anything (a dangling link included) is at `path`. */
function entryExists(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The file behind a path (device and inode), so two links to one file count once. */
export function fileId(path: string): string {
  try {
    const s = statSync(path, { bigint: true });
    return `${s.dev}:${s.ino}`;
  } catch {
    try {
      return realpathSync(path);
    } catch {
      return path;
    }
  }
}

function isSkipped(name: string): boolean {
  return name.endsWith(".logs.json") || name.endsWith(".mlflow.json");
}

function isTraceFile(name: string): boolean {
  if (name.endsWith(".mlflow.json")) return false;
  return name.endsWith(".json") || name.endsWith(".jsonl");
}

/** The trace files a logs file belongs to (x.logs.json -> x.otlp.json; logs.json(l) -> traces.json(l)). */
function tracesOf(path: string): string[] | undefined {
  if (path.endsWith(".logs.json")) return [`${path.slice(0, -".logs.json".length)}.otlp.json`];
  const name = basename(path);
  if (name === "logs.json" || name === "logs.jsonl") return [join(dirname(path), "traces.json"), join(dirname(path), "traces.jsonl")];
  return undefined;
}

/**
 * The logs file joined to a trace file when none is named: `x.otlp.json` -> `x.logs.json` (GenAI
 * content written as log records), and the Collector file exporter's `traces.json(l)` -> the
 * `logs.json(l)` beside it.
 */
export function siblingLogs(path: string): string | undefined {
  const candidates: string[] = [];
  if (path.endsWith(".otlp.json")) candidates.push(`${path.slice(0, -".otlp.json".length)}.logs.json`);
  const name = basename(path);
  if (name === "traces.json" || name === "traces.jsonl") candidates.push(join(dirname(path), "logs.jsonl"), join(dirname(path), "logs.json"));
  return candidates.find((candidate) => {
    try {
      return statSync(candidate).isFile();
    } catch {
      return false;
    }
  });
}
