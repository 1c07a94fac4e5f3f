/** What the commands share: the command shape, stderr notes, input listing and the `--out` file. */
import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { expandPaths, fileId, siblingLogs } from "./paths.js";
import { InputError, readLogs } from "./read.js";
import { forTerminal } from "./sanitize.js";

export interface Command {
  /** One line for the top-level usage. */
  summary: string;
  /** The full `--help` text: usage, options with defaults, exit codes, examples. */
  help: string;
  run(args: string[]): Promise<number>;
}

/** node:util parseArgs errors (unknown option, missing value) are usage errors: exit 2. */
export function isUsageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}

/** One line on stderr, control characters and workflow commands neutralised (see sanitize.ts). */
export function note(text: string): void {
  process.stderr.write(`${text.split("\n").map(forTerminal).join("\n")}\n`);
}

/** An InputError's message as one safe line (its file name and quoted input come from outside). */
export function noteError(error: InputError): void {
  process.stderr.write(`mlflow-semconv: ${forTerminal(error.message)}\n`);
}

/** The empty-input policy of every command, in one place: no span at all is exit 2. */
export function noSpans(where: string[]): InputError {
  const listed = where.length > 5 ? `${where.slice(0, 5).join(", ")} and ${where.length - 5} more` : where.join(", ");
  return new InputError(`no spans found in ${listed}`);
}

/**
 * The trace files of a command's arguments, with what was skipped noted on stderr; no trace file at
 * all is the empty-input error.
 */
export function listInputs(paths: string[]): string[] {
  const { files, skipped } = expandPaths(paths);
  for (const line of skipped) note(`mlflow-semconv: warning: ${line}`);
  if (files.length === 0) throw new InputError(`no spans found in ${paths.join(", ")}: no *.json or *.jsonl trace files there`);
  return files;
}

/** Log records for a trace file: `--logs FILE` for every input, else the file's sibling; parsed once per path. */
export function logsFor(explicit: string | undefined): (file: string) => Promise<unknown> {
  const cache = new Map<string, Promise<unknown>>();
  return (file: string) => {
    const path = explicit ?? (file === "-" ? undefined : siblingLogs(file));
    if (path === undefined) return Promise.resolve(undefined);
    let logs = cache.get(path);
    if (!logs) {
      // Only the latest sibling is kept: files are read one after the other.
      if (explicit === undefined) cache.clear();
      logs = readLogs(path);
      cache.set(path, logs);
    }
    return logs;
  };
}

/**
 * `--out`: written to a temporary file in the same directory and renamed over the target when the
 * command succeeds, so a failed run leaves the old file as it was. Refused when it is one of the
 * inputs (same file, through any link) or when its directory does not exist.
 */
export class OutputFile {
  private fd: number | undefined;
  readonly temp: string;

  constructor(
    readonly path: string,
    inputs: string[],
  ) {
    const dir = dirname(resolve(path));
    let dirStats;
    try {
      dirStats = statSync(dir);
    } catch {
      throw new InputError(`--out ${path}: the directory ${dir} does not exist`);
    }
    if (!dirStats.isDirectory()) throw new InputError(`--out ${path}: ${dir} is not a directory`);
    const target = statSync(path, { throwIfNoEntry: false });
    if (target?.isDirectory()) throw new InputError(`--out ${path}: is a directory; name a file`);
    if (target) {
      const id = fileId(path);
      const same = inputs.find((input) => input !== "-" && fileId(input) === id);
      if (same !== undefined) throw new InputError(`--out ${path} is the input ${same}; writing it would destroy the input. Name another file`);
    }
    this.temp = join(dir, `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
    try {
      this.fd = openSync(this.temp, "wx", target ? target.mode & 0o777 : 0o666);
    } catch (error) {
      throw new InputError(`--out ${path}: cannot write in ${dir} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  }

  write(text: string): void {
    if (this.fd === undefined) return;
    writeSync(this.fd, text);
  }

  /** Renames the finished file over the target. */
  commit(): void {
    if (this.fd === undefined) return;
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = undefined;
    renameSync(this.temp, this.path);
  }

  /** Removes the temporary file; the target is left as it was. */
  abort(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
    try {
      unlinkSync(this.temp);
    } catch {
      // already gone
    }
  }
}
