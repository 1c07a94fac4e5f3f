/**
 * Reading OTLP/JSON from files or stdin, with every buffer bounded.
 *
 * Input is split into lines by our own reader (not readline): a line longer than the document limit
 * ends the file with an input error instead of growing a buffer (a 1 GiB line, /dev/zero). JSON Lines
 * input is streamed one request at a time. A file whose first non-empty line is not a complete JSON
 * document is taken as one pretty-printed document and collected, up to the same limit; but as soon as
 * a later line is a whole OTLP request on its own, the file is JSON Lines with a corrupt first line:
 * that line is reported and the rest is streamed and checked.
 *
 * The OTel Collector's file exporter writes one signal per file (`traces.jsonl`, `logs.jsonl`, or the
 * `*.json` it names per signal): a file of log records (`resourceLogs`) or metrics is recognised as
 * such, not reported as a broken trace file, and log records are joined to the traces beside them.
 */
import { createReadStream, lstatSync, statSync, type Stats } from "node:fs";
import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
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
 * The largest single JSON document read, in characters: one line of JSON Lines, a whole pretty-printed
 * file, or a logs file. 256 Mi by default; MLFLOW_SEMCONV_MAX_DOCUMENT overrides it (a number of
 * characters, for machines with less memory, and for tests).
 */
export function maxDocument(): number {
  const fromEnv = Number(process.env.MLFLOW_SEMCONV_MAX_DOCUMENT);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 256 * 1024 * 1024;
}

/** One request's spans; `line` is its line number in a JSON Lines file. */
export interface Batch {
  spans: DecodedSpan[];
  line?: number;
}

/** Called with what a file turned out to hold when it holds no traces (log records, metrics). */
export type NoteFn = (message: string) => void;

/**
 * Yields the spans of each request in a file (or "-" for stdin), one request at a time.
 * A JSON Lines line that cannot be used throws an InputError naming `file:line`; with `onBadLine`,
 * it is handed to that callback instead and reading goes on with the next line (after MAX_BAD_LINES
 * of them, the file is given up with one more error). Problems with the file as a whole always throw.
 * `logs` is the log records to join, as returned by readLogs.
 */
export async function* readSpans(path: string, logs?: unknown, onBadLine?: (error: InputError) => void, onNote?: NoteFn): AsyncGenerator<Batch> {
  const limit = maxDocument();
  const stream: Readable = path === "-" ? process.stdin : openFile(path);
  let whole: string[] | undefined;
  let wholeLength = 0;
  let wholeStart = 0;
  let jsonLines = false;
  let badLines = 0;
  let lineNo = 0;
  let signal: "traces" | "logs" | "metrics" | undefined;
  const bad = (line: number, message: string): boolean => {
    const error = new InputError(`${path}:${line}: ${message}`, path, line);
    if (!onBadLine) throw error;
    onBadLine(error);
    if (++badLines < MAX_BAD_LINES) return false;
    onBadLine(new InputError(`${path}: ${MAX_BAD_LINES} unreadable lines; the rest of the file was not read`, path));
    return true;
  };
  const decode = (request: unknown): DecodedSpan[] => decodeOtlpJson(request, logs === undefined ? {} : { logs });
  try {
    for await (const line of readLines(stream, path, limit)) {
      lineNo++;
      if (whole) {
        // Collecting a pretty-printed document, unless this line shows the file is JSON Lines after all.
        const request = wholeRequest(line);
        if (request !== undefined) {
          whole = undefined;
          jsonLines = true;
          if (bad(wholeStart, "not a complete JSON document; JSON Lines needs one ExportTraceServiceRequest per line")) break;
          const spans = decodeLine(request);
          if (spans === "stop") break;
          if (spans) yield { spans, line: lineNo };
          continue;
        }
        wholeLength += line.length + 1;
        if (wholeLength > limit) throw new InputError(`${path}: not JSON Lines, and larger than ${limit} characters as one document`, path);
        whole.push(line);
        continue;
      }
      if (line.trim() === "") continue;
      let request: unknown;
      try {
        request = JSON.parse(line);
      } catch (error) {
        if (!jsonLines) {
          // The first line is not a whole document: a pretty-printed one. Collect it and decode it whole.
          whole = [line];
          wholeLength = line.length;
          wholeStart = lineNo;
          continue;
        }
        if (bad(lineNo, `not a complete JSON document (${(error as Error).message}); JSON Lines needs one ExportTraceServiceRequest per line`)) break;
        continue;
      }
      jsonLines = true;
      const spans = decodeLine(request);
      if (spans === "stop") break;
      if (spans) yield { spans, line: lineNo };
    }
  } finally {
    if (path !== "-") stream.destroy();
  }
  if (whole) {
    const text = whole.join("\n");
    whole = undefined;
    let request: unknown;
    try {
      request = JSON.parse(text);
    } catch (error) {
      throw new InputError(`${path}: not JSON or JSON Lines (${(error as Error).message})`, path);
    }
    const other = otherSignal(request);
    if (other) {
      onNote?.(`${path}: ${other}, not traces; skipped`);
      return;
    }
    try {
      yield { spans: decode(request) };
    } catch (error) {
      if (error instanceof OtlpDecodeError) throw new InputError(`${path}: ${error.message}`, path);
      throw error;
    }
  }

  /** A line's spans; undefined for a bad line reading goes on after; "stop" when the file is given up. */
  function decodeLine(request: unknown): DecodedSpan[] | undefined | "stop" {
    const other = otherSignal(request);
    if (other && signal === undefined) {
      // The Collector writes one signal per file: a logs or metrics file is not a broken trace file.
      signal = other === "log records" ? "logs" : "metrics";
      onNote?.(`${path}: ${other}, not traces; skipped`);
      return "stop";
    }
    signal = "traces";
    try {
      return decode(request);
    } catch (error) {
      if (!(error instanceof OtlpDecodeError)) throw error;
      return bad(lineNo, error.message) ? "stop" : undefined;
    }
  }
}

/** A line that is a whole OTLP request by itself (traces, logs or metrics), parsed; else undefined. */
function wholeRequest(line: string): unknown {
  const trimmed = line.trim();
  if (!trimmed.startsWith("{") || !trimmed.includes('"resource')) return undefined;
  try {
    const value = JSON.parse(trimmed) as Record<string, unknown>;
    if (value !== null && typeof value === "object" && ("resourceSpans" in value || "resourceLogs" in value || "resourceMetrics" in value)) return value;
  } catch {
    // not a whole document
  }
  return undefined;
}

/** "log records" or "metrics" when a request is of that signal and has no spans. */
function otherSignal(request: unknown): string | undefined {
  if (request === null || typeof request !== "object" || Array.isArray(request)) return undefined;
  const r = request as Record<string, unknown>;
  if ("resourceSpans" in r) return undefined;
  if ("resourceLogs" in r) return "log records";
  if ("resourceMetrics" in r) return "metrics";
  return undefined;
}

/**
 * Lines of a stream (LF or CRLF; a leading UTF-8 BOM removed), never holding more than `limit`
 * characters of one line: a longer line is an InputError naming it, and the file is not read further
 * (a stream without newlines, such as /dev/zero, ends there instead of filling memory).
 */
export async function* readLines(stream: Readable, path: string, limit: number): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  let pending: string[] = [];
  let pendingLength = 0;
  let lineNo = 0;
  let first = true;
  const tooLong = () => new InputError(`${path}:${lineNo + 1}: line longer than ${limit} characters; the rest of the file was not read`, path, lineNo + 1);
  const finish = (piece: string): string => {
    let line = pendingLength > 0 ? pending.join("") + piece : piece;
    pending = [];
    pendingLength = 0;
    if (first) {
      first = false;
      if (line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    }
    if (line.endsWith("\r")) line = line.slice(0, -1);
    lineNo++;
    return line;
  };
  try {
    for await (const chunk of stream) {
      const text = typeof chunk === "string" ? chunk : decoder.write(chunk as Buffer);
      let start = 0;
      for (;;) {
        const newline = text.indexOf("\n", start);
        if (newline === -1) break;
        if (pendingLength + newline - start > limit) throw tooLong();
        yield finish(text.slice(start, newline));
        start = newline + 1;
      }
      if (start < text.length) {
        pendingLength += text.length - start;
        if (pendingLength > limit) throw tooLong();
        pending.push(text.slice(start));
      }
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${path}: cannot be read (${describeFsError(error)})`, path);
  }
  const rest = decoder.end();
  if (rest) {
    pending.push(rest);
    pendingLength += rest.length;
  }
  if (pendingLength > 0) {
    if (pendingLength > limit) throw tooLong();
    yield finish("");
  }
}

export function describeFsError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e?.code ?? e?.message ?? String(error);
}

/** A regular file (links followed), or an InputError saying what it is instead. */
function fileStats(path: string): Stats {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      throw new InputError(existsLink(path) ? `${path}: a symbolic link to a missing file` : `${path}: no such file`, path);
    }
    if (code === "ELOOP") throw new InputError(`${path}: a symbolic link loop`, path);
    throw new InputError(`${path}: cannot be read (${describeFsError(error)})`, path);
  }
  if (stats.isDirectory()) throw new InputError(`${path}: is a directory, not a file`, path);
  return stats;
}

function existsLink(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() === true;
  } catch {
    return false;
  }
}

function openFile(path: string): Readable {
  fileStats(path);
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  return stream;
}

/**
 * The log records of a logs file (`--logs`, a sibling `x.logs.json` or the Collector's `logs.jsonl`)
 * as one ExportLogsServiceRequest object: JSON Lines are merged into one request, parsed once, so that
 * the decoder does not parse the text again for every request of the trace file.
 */
export async function readLogs(path: string): Promise<unknown> {
  const stats = fileStats(path);
  const limit = maxDocument();
  if (stats.isFile() && stats.size > limit * 4) throw new InputError(`${path}: logs file larger than the ${limit}-character document limit`, path);
  const lines: string[] = [];
  let length = 0;
  for await (const line of readLines(createReadStream(path, { highWaterMark: 256 * 1024 }), path, limit)) {
    length += line.length + 1;
    if (length > limit) throw new InputError(`${path}: logs file larger than ${limit} characters`, path);
    lines.push(line);
  }
  const text = lines.join("\n");
  try {
    return JSON.parse(text);
  } catch {
    // JSON Lines: one ExportLogsServiceRequest per line.
  }
  const resourceLogs: unknown[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    let request: unknown;
    try {
      request = JSON.parse(line);
    } catch (error) {
      throw new InputError(`${path}:${i + 1}: not a complete JSON document (${(error as Error).message})`, path, i + 1);
    }
    const logs = (request as { resourceLogs?: unknown } | null)?.resourceLogs;
    if (!Array.isArray(logs)) throw new InputError(`${path}:${i + 1}: not an ExportLogsServiceRequest (no resourceLogs list)`, path, i + 1);
    for (const item of logs) resourceLogs.push(item);
  });
  return { resourceLogs };
}
