/**
 * Reading OTLP/JSON from files or stdin. JSON Lines input is streamed one request at a time so memory
 * stays flat on large files. Only a file whose first non-empty line is not a complete JSON document
 * is read whole (a pretty-printed single document); in a JSON Lines file, a line that does not parse
 * or decode is an error naming `file:line`, and never makes the reader buffer the rest of the file.
 */
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createInterface } from "node:readline";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { glob, hasGlob } from "./glob.js";
import { decodeOtlpJson, OtlpDecodeError, type DecodedSpan } from "../index.js";

/** Unusable input or bad usage: exit code 2. `file` and `line` say where, when known. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/** Past this many unreadable lines in one file, the rest of it is not read (it is likely not JSON Lines at all). */
export const MAX_BAD_LINES = 10;

/**
 * Yields the spans of each request in a file (or "-" for stdin), one request at a time.
 * A JSON Lines line that cannot be used throws an InputError naming `file:line`; with `onBadLine`,
 * it is handed to that callback instead and reading goes on with the next line (after MAX_BAD_LINES
 * of them, the file is given up with one more error). Problems with the file as a whole always throw.
 */
export async function* readSpans(path: string, logsPath?: string, onBadLine?: (error: InputError) => void): AsyncGenerator<DecodedSpan[]> {
  const logs = logsPath ? parsedOnce(readText(logsPath)) : undefined;
  const stream: Readable = path === "-" ? process.stdin : openFile(path);
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let whole: string[] | undefined;
  let jsonLines = false;
  let lineNo = 0;
  let badLines = 0;
  const bad = (message: string): boolean => {
    const error = new InputError(`${path}:${lineNo}: ${message}`, path, lineNo);
    if (!onBadLine) throw error;
    onBadLine(error);
    if (++badLines < MAX_BAD_LINES) return false;
    onBadLine(new InputError(`${path}: ${MAX_BAD_LINES} unreadable lines; the rest of the file was not read`, path));
    return true;
  };
  try {
    for await (const line of lines) {
      lineNo++;
      if (whole) {
        whole.push(line);
        continue;
      }
      if (line.trim() === "") continue;
      let request: unknown;
      try {
        request = JSON.parse(line);
      } catch (error) {
        if (!jsonLines) {
          // The first line is not a whole document: a pretty-printed one. Read it all and decode it whole.
          whole = [line];
          continue;
        }
        if (bad(`not a complete JSON document (${(error as Error).message}); JSON Lines needs one ExportTraceServiceRequest per line`)) break;
        continue;
      }
      jsonLines = true;
      let spans: DecodedSpan[];
      try {
        spans = decodeOtlpJson(request, logs === undefined ? {} : { logs });
      } catch (error) {
        if (!(error instanceof OtlpDecodeError)) throw error;
        if (bad(error.message)) break;
        continue;
      }
      yield spans;
    }
  } finally {
    lines.close();
    if (path !== "-") stream.destroy();
  }
  if (whole) {
    const text = whole.join("\n");
    let request: unknown;
    try {
      request = JSON.parse(text);
    } catch (error) {
      throw new InputError(`${path}: not JSON or JSON Lines (${(error as Error).message})`, path);
    }
    try {
      yield decodeOtlpJson(request, logs === undefined ? {} : { logs });
    } catch (error) {
      if (error instanceof OtlpDecodeError) throw new InputError(`${path}: ${error.message}`, path);
      throw error;
    }
  }
}

function openFile(path: string): Readable {
  if (!existsSync(path)) throw new InputError(`${path}: no such file`);
  return createReadStream(path, { encoding: "utf8" });
}

/**
 * The logs document as an object when it is one JSON document, so that the decoder does not parse its
 * text again for every line of a JSON Lines trace file; JSON Lines logs stay text (the decoder splits them).
 */
function parsedOnce(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function readText(path: string): string {
  if (!existsSync(path)) throw new InputError(`${path}: no such file`);
  return readFileSync(path, "utf8");
}

/**
 * Trace files under the given paths: files as given, directories walked for `*.json` and `*.jsonl`,
 * and patterns (`*`, `?`, `**`, for shells that pass them unexpanded) matched like a shell would.
 * A `x.logs.json` beside a `x.otlp.json` is that file's log records, joined to it (see siblingLogs),
 * so it is never read as traces itself, and neither are `*.mlflow.json` files (MLflow output) found by
 * walking or matching.
 */
export function expandPaths(paths: string[]): string[] {
  const out: string[] = [];
  for (const path of paths) {
    if (path === "-") out.push(path);
    else if (existsSync(path)) out.push(...expandPath(path));
    else if (hasGlob(path)) {
      const matches = glob(path);
      if (matches.length === 0) throw new InputError(`${path}: no files match this pattern`);
      for (const match of matches) {
        if (statSync(match).isDirectory()) out.push(...expandPath(match));
        else if (!isSkipped(match)) out.push(match);
      }
    } else throw new InputError(`${path}: no such file or directory`);
  }
  const unique = [...new Set(out)];
  const listed = new Set(unique);
  return unique.filter((path) => !(path.endsWith(".logs.json") && listed.has(`${path.slice(0, -".logs.json".length)}.otlp.json`)));
}

function expandPath(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  const out: string[] = [];
  const entries = readdirSync(path, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) out.push(...expandPath(child));
    else if (isTraceFile(entry.name)) out.push(child);
  }
  return out;
}

function isSkipped(name: string): boolean {
  return name.endsWith(".logs.json") || name.endsWith(".mlflow.json");
}

function isTraceFile(name: string): boolean {
  if (isSkipped(name)) return false;
  return name.endsWith(".json") || name.endsWith(".jsonl");
}

/** `x.otlp.json` -> `x.logs.json` when that file exists (GenAI content written as log records). */
export function siblingLogs(path: string): string | undefined {
  if (!path.endsWith(".otlp.json")) return undefined;
  const logs = `${path.slice(0, -".otlp.json".length)}.logs.json`;
  return existsSync(logs) ? logs : undefined;
}
