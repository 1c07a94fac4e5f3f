/**
 * The OTLP/HTTP receiver: `POST /v1/traces`, `POST /v1/logs` (protobuf or JSON, identity, gzip or
 * deflate), `GET /healthz`. Answers follow the OTLP/HTTP specification: 200 with an Export*Response
 * (with `partial_success` when some spans were refused), 400 with a google.rpc.Status saying why,
 * 413 past the size limit, 415 for an unknown content type or encoding, 503 + Retry-After when the
 * buffer is full or the receiver is stopping (the exporter sends the request again).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { appendFileSync } from "node:fs";
import { promisify } from "node:util";
import { gunzip, inflate, inflateRaw } from "node:zlib";
import { decodeLogBody, decodeTraceBody, encodeLogsResponse, encodeStatus, encodeTraceJsonLine, encodeTraceResponse, type BodyFormat } from "./codec.js";
import { Pipeline } from "./pipeline.js";
import { FileSink, MlflowSink, type Sink } from "./sinks.js";
import { Stats } from "./stats.js";

const gunzipAsync = promisify(gunzip);
const inflateAsync = promisify(inflate);
const inflateRawAsync = promisify(inflateRaw);

export interface ReceiverOptions {
  host: string;
  port: number;
  /** Forward to this MLflow tracking server (its base URL) ... */
  mlflow?: string;
  experimentId?: string;
  headers?: Record<string, string>;
  /** ... or append OTLP/JSON lines to this file. */
  out?: string;
  joinWindowMs: number;
  logHoldMs: number;
  /** Largest request body, compressed and decompressed. */
  maxBodyBytes: number;
  maxBufferedSpans: number;
  maxBufferedBytes: number;
  maxWaitingLogBytes: number;
  batchSize: number;
  concurrency: number;
  requestTimeoutMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** Seconds put in Retry-After of a 503. */
  retryAfterSeconds: number;
  progressMs: number;
  shutdownTimeoutMs: number;
  /** Where spans still undelivered at the shutdown deadline are written (OTLP/JSON lines). */
  spillFile: string;
  log: (line: string) => void;
}

export const DEFAULTS: Omit<ReceiverOptions, "log" | "spillFile"> = {
  host: "127.0.0.1",
  port: 4318,
  joinWindowMs: 2000,
  logHoldMs: 60_000,
  maxBodyBytes: 16 * 1024 * 1024,
  maxBufferedSpans: 100_000,
  maxBufferedBytes: 256 * 1024 * 1024,
  maxWaitingLogBytes: 64 * 1024 * 1024,
  batchSize: 512,
  concurrency: 2,
  requestTimeoutMs: 30_000,
  retryBaseMs: 250,
  retryMaxMs: 30_000,
  retryAfterSeconds: 2,
  progressMs: 10_000,
  shutdownTimeoutMs: 30_000,
};

export interface Receiver {
  readonly url: string;
  readonly stats: Stats;
  readonly pipeline: Pipeline;
  /** Stops taking requests, releases held spans, delivers what is buffered; true if all of it left. */
  close(): Promise<boolean>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** gRPC codes in the google.rpc.Status of an error answer. */
const RPC = { INVALID_ARGUMENT: 3, RESOURCE_EXHAUSTED: 8, UNAVAILABLE: 14, UNIMPLEMENTED: 12, INTERNAL: 13, NOT_FOUND: 5 } as const;

export async function startReceiver(options: ReceiverOptions): Promise<Receiver> {
  const stats = new Stats();
  const log = options.log;
  let pipeline: Pipeline | undefined;
  const release = (items: Parameters<Pipeline["release"]>[0]) => pipeline!.release(items);
  let sink: Sink;
  if (options.mlflow) {
    if (!options.experimentId) throw new Error("--mlflow needs --experiment-id");
    sink = new MlflowSink(
      {
        url: options.mlflow,
        experimentId: options.experimentId,
        headers: options.headers ?? {},
        batchSize: options.batchSize,
        maxBatchBytes: Math.max(1024 * 1024, Math.floor(options.maxBodyBytes / 2)),
        concurrency: options.concurrency,
        requestTimeoutMs: options.requestTimeoutMs,
        retryBaseMs: options.retryBaseMs,
        retryMaxMs: options.retryMaxMs,
        release,
        log,
      },
      stats,
    );
  } else if (options.out) {
    sink = new FileSink(options.out, stats, release, log);
  } else {
    throw new Error("give --mlflow URL --experiment-id ID, or --out FILE");
  }
  pipeline = new Pipeline(
    {
      joinWindowMs: options.joinWindowMs,
      logHoldMs: options.logHoldMs,
      maxBufferedSpans: options.maxBufferedSpans,
      maxBufferedBytes: options.maxBufferedBytes,
      maxWaitingLogBytes: options.maxWaitingLogBytes,
    },
    sink,
    stats,
  );
  const p = pipeline;
  let stopping = false;

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // Nothing reaches here by design; if it does, answer 500 and keep serving.
      log(`serve: internal error: ${(error as Error)?.stack ?? String(error)}`);
      if (!res.headersSent) send(res, 500, "json", encodeStatus("json", RPC.INTERNAL, "internal error"));
      else res.destroy();
    });
  });
  server.on("clientError", (_error, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    else socket.destroy();
  });
  server.keepAliveTimeout = 65_000;
  server.requestTimeout = 120_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/healthz" || path === "/health") {
      if (req.method !== "GET" && req.method !== "HEAD") return drainAndSend(req, res, 405, "json", encodeStatus("json", RPC.UNIMPLEMENTED, "use GET"), { allow: "GET" });
      return send(res, stopping ? 503 : 200, "json", JSON.stringify({ status: stopping ? "stopping" : "ok", buffered: p.bufferedSpans, held: p.heldSpans }));
    }
    const kind = path === "/v1/traces" ? "traces" : path === "/v1/logs" ? "logs" : undefined;
    if (!kind) return drainAndSend(req, res, 404, "json", encodeStatus("json", RPC.NOT_FOUND, `no route ${path}; use POST /v1/traces or /v1/logs`));
    if (req.method !== "POST") return drainAndSend(req, res, 405, "json", encodeStatus("json", RPC.UNIMPLEMENTED, "use POST"), { allow: "POST" });
    stats.requests++;
    const format = bodyFormat(req.headers["content-type"]);
    if (!format) {
      stats.badRequests++;
      return drainAndSend(req, res, 415, "json", encodeStatus("json", RPC.INVALID_ARGUMENT, `unsupported content-type "${req.headers["content-type"] ?? ""}"; use application/x-protobuf or application/json`));
    }
    if (stopping) {
      stats.busy++;
      return drainAndSend(req, res, 503, format, encodeStatus(format, RPC.UNAVAILABLE, "the receiver is stopping"), { "retry-after": String(options.retryAfterSeconds) });
    }
    let body: Buffer;
    try {
      body = await readBody(req, options.maxBodyBytes);
      body = await decompress(body, req.headers["content-encoding"], options.maxBodyBytes);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      stats.badRequests++;
      const code = error.status === 413 ? RPC.RESOURCE_EXHAUSTED : RPC.INVALID_ARGUMENT;
      // After a refused body the connection may still hold its unread rest: close it.
      return send(res, error.status, format, encodeStatus(format, code, error.message), error.status === 413 ? { connection: "close" } : {});
    }
    // Stopping began while the body was read: the buffer is being flushed, so refuse (the exporter retries elsewhere or later).
    if (stopping) {
      stats.busy++;
      return send(res, 503, format, encodeStatus(format, RPC.UNAVAILABLE, "the receiver is stopping"), { "retry-after": String(options.retryAfterSeconds) });
    }
    if (kind === "traces") return traces(body, format, res);
    return logs(body, format, res);
  }

  function traces(body: Buffer, format: BodyFormat, res: ServerResponse): void {
    let decoded;
    try {
      decoded = decodeTraceBody(body, format);
    } catch (error) {
      stats.badRequests++;
      return send(res, 400, format, encodeStatus(format, RPC.INVALID_ARGUMENT, `undecodable ExportTraceServiceRequest: ${(error as Error).message}`));
    }
    if (decoded.spans.length === 0 && decoded.rejected > 0) {
      stats.badRequests++;
      stats.spansRejected += decoded.rejected;
      return send(res, 400, format, encodeStatus(format, RPC.INVALID_ARGUMENT, `no usable span in the request (${decoded.rejected} rejected): ${decoded.reason}`));
    }
    if (!p.fits(decoded.spans.length, body.length)) {
      stats.busy++;
      return send(res, 503, format, encodeStatus(format, RPC.UNAVAILABLE, `buffer full (${p.bufferedSpans} spans); retry later`), {
        "retry-after": String(options.retryAfterSeconds),
      });
    }
    p.acceptSpans(decoded.spans, body.length);
    stats.spansRejected += decoded.rejected;
    send(res, 200, format, encodeTraceResponse(format, decoded.rejected, decoded.rejected > 0 ? decoded.reason : undefined));
  }

  function logs(body: Buffer, format: BodyFormat, res: ServerResponse): void {
    let decoded;
    try {
      decoded = decodeLogBody(body, format);
    } catch (error) {
      stats.badRequests++;
      return send(res, 400, format, encodeStatus(format, RPC.INVALID_ARGUMENT, `undecodable ExportLogsServiceRequest: ${(error as Error).message}`));
    }
    if (!p.logsFit(body.length)) {
      stats.busy++;
      return send(res, 503, format, encodeStatus(format, RPC.UNAVAILABLE, "log buffer full; retry later"), { "retry-after": String(options.retryAfterSeconds) });
    }
    p.acceptLogs(decoded, body.length);
    send(res, 200, format, encodeLogsResponse(format));
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  server.on("error", (error) => log(`serve: server error: ${error.message}`));
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;

  const progressLine = () =>
    stats.line({ spans: p.bufferedSpans, bytes: p.bufferedBytes, held: p.heldSpans, heldLogs: p.waitingLogSpans });
  const progress = options.progressMs > 0 ? setInterval(() => log(progressLine()), options.progressMs) : undefined;
  progress?.unref();

  let closing: Promise<boolean> | undefined;
  const close = (): Promise<boolean> => {
    closing ??= (async () => {
      stopping = true;
      const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      p.releaseAll();
      p.stop();
      const deadline = Date.now() + options.shutdownTimeoutMs;
      let delivered = await sink.drain(deadline);
      if (!delivered) {
        const rest = sink.takeUndelivered();
        if (rest.length > 0) {
          try {
            appendFileSync(options.spillFile, encodeTraceJsonLine(rest.map((i) => i.span)));
            stats.spilled += rest.length;
            log(`serve: the upstream did not take ${rest.length} span(s) before the shutdown deadline; written to ${options.spillFile} (OTLP/JSON)`);
            delivered = true;
          } catch (error) {
            log(`serve: ${rest.length} span(s) undelivered and could not be written to ${options.spillFile}: ${(error as Error).message}`);
          }
        }
      }
      await sink.close();
      if (progress) clearInterval(progress);
      log(progressLine());
      // Requests still being read get their 503; then whatever connection is left is cut.
      let grace: NodeJS.Timeout | undefined;
      await Promise.race([serverClosed, new Promise<void>((resolve) => (grace = setTimeout(resolve, 2000)))]);
      clearTimeout(grace);
      server.closeAllConnections();
      await serverClosed;
      return delivered;
    })();
    return closing;
  };

  return { url, stats, pipeline: p, close };
}

function bodyFormat(contentType: string | undefined): BodyFormat | undefined {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/x-protobuf" || type === "application/protobuf") return "protobuf";
  if (type === "application/json") return "json";
  return undefined;
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.reject(new HttpError(413, `body of ${declared} bytes is over the limit of ${limit}`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on("data", (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        chunks.length = 0;
        reject(new HttpError(413, `body over the limit of ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (done) return;
      done = true;
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    });
    req.on("error", (error) => {
      if (done) return;
      done = true;
      reject(new HttpError(400, `could not read the body: ${error.message}`));
    });
    req.on("aborted", () => {
      if (done) return;
      done = true;
      reject(new HttpError(400, "the client aborted the request"));
    });
  });
}

async function decompress(body: Buffer, encodingHeader: string | undefined, limit: number): Promise<Buffer> {
  const encoding = (encodingHeader ?? "").trim().toLowerCase();
  if (encoding === "" || encoding === "identity") return body;
  const options = { maxOutputLength: limit };
  try {
    if (encoding === "gzip" || encoding === "x-gzip") return await gunzipAsync(body, options);
    if (encoding === "deflate") {
      // HTTP's "deflate" is zlib-wrapped; some clients send it raw.
      try {
        return await inflateAsync(body, options);
      } catch (error) {
        if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw error;
        return await inflateRawAsync(body, options);
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw new HttpError(413, `decompressed body over the limit of ${limit} bytes`);
    throw new HttpError(400, `could not decompress the ${encoding} body: ${(error as Error).message}`);
  }
  throw new HttpError(415, `unsupported content-encoding "${encodingHeader}"; use gzip, deflate or none`);
}

function send(res: ServerResponse, status: number, format: BodyFormat, body: Uint8Array | string, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, {
    "content-type": format === "protobuf" ? "application/x-protobuf" : "application/json",
    "content-length": String(typeof body === "string" ? Buffer.byteLength(body) : body.byteLength),
    ...headers,
  });
  res.end(body);
}

/** Answers without reading a body the request may carry (its rest is discarded). */
function drainAndSend(req: IncomingMessage, res: ServerResponse, status: number, format: BodyFormat, body: Uint8Array | string, headers: Record<string, string> = {}): void {
  req.resume();
  send(res, status, format, body, headers);
}
