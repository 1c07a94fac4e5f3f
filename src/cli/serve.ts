/**
 * `mlflow-semconv serve`: the OTLP/HTTP receiver in front of MLflow (src/server/). Resolves with the
 * exit code once the receiver has stopped (SIGTERM / SIGINT: stop taking requests, flush, exit).
 */
import { parseArgs } from "node:util";
import { DEFAULTS, startReceiver, type ReceiverOptions } from "../server/receiver.js";

export const SERVE_USAGE = `mlflow-semconv serve — an OTLP/HTTP receiver that translates every span for MLflow

Usage:
  mlflow-semconv serve --mlflow URL --experiment-id ID [--header K=V ...] [options]
  mlflow-semconv serve --out FILE [options]

Receives POST /v1/traces and /v1/logs (application/x-protobuf or application/json, gzip or deflate),
writes the mlflow.* attributes onto every span next to its own, and forwards the spans to
URL/v1/traces (protobuf, header x-mlflow-experiment-id) or appends them to FILE as OTLP/JSON lines.
GET /healthz answers 200 while running.

Options:
  --host H                    listen address (default ${DEFAULTS.host})
  --port N                    listen port, 0 for any free one (default ${DEFAULTS.port})
  --header K=V                extra header on every upstream request, e.g. Authorization=Bearer...; repeatable
  --join-window-ms N          how long an LLM span waits for content log records sent after it (default ${DEFAULTS.joinWindowMs}; 0: no wait)
  --log-hold-ms N             how long log records wait for their span (default ${DEFAULTS.logHoldMs})
  --max-body-bytes N          largest request body, compressed or not; larger gets 413 (default ${DEFAULTS.maxBodyBytes})
  --max-buffered-spans N      spans held, queued or in flight before requests get 503 (default ${DEFAULTS.maxBufferedSpans})
  --max-buffered-bytes N      the same bound in request bytes (default ${DEFAULTS.maxBufferedBytes})
  --max-waiting-log-bytes N   log records waiting for their span (default ${DEFAULTS.maxWaitingLogBytes})
  --batch-size N              spans per upstream request (default ${DEFAULTS.batchSize})
  --concurrency N             upstream requests at once (default ${DEFAULTS.concurrency})
  --retry-max-ms N            longest wait between upstream retries (default ${DEFAULTS.retryMaxMs})
  --progress-ms N             progress line on stderr every N ms, 0 for none (default ${DEFAULTS.progressMs})
  --shutdown-timeout-ms N     on SIGTERM, how long to keep delivering before writing the rest to
                              --spill-file (default ${DEFAULTS.shutdownTimeoutMs})
  --spill-file FILE           default ./mlflow-semconv-unsent-<pid>.jsonl
`;

export class ServeUsageError extends Error {}

const NUMBER_OPTIONS = {
  "join-window-ms": "joinWindowMs",
  "log-hold-ms": "logHoldMs",
  "max-body-bytes": "maxBodyBytes",
  "max-buffered-spans": "maxBufferedSpans",
  "max-buffered-bytes": "maxBufferedBytes",
  "max-waiting-log-bytes": "maxWaitingLogBytes",
  "batch-size": "batchSize",
  concurrency: "concurrency",
  "retry-max-ms": "retryMaxMs",
  "retry-base-ms": "retryBaseMs",
  "request-timeout-ms": "requestTimeoutMs",
  "progress-ms": "progressMs",
  "shutdown-timeout-ms": "shutdownTimeoutMs",
  port: "port",
} as const satisfies Record<string, keyof ReceiverOptions>;

/** Parses the arguments of `serve` into receiver options (throws ServeUsageError on bad usage). */
export function parseServeArgs(args: string[], log: (line: string) => void): ReceiverOptions | "help" {
  const numberOptions = Object.fromEntries(Object.keys(NUMBER_OPTIONS).map((k) => [k, { type: "string" as const }]));
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...numberOptions,
      host: { type: "string" },
      mlflow: { type: "string" },
      "experiment-id": { type: "string" },
      header: { type: "string", multiple: true },
      out: { type: "string" },
      "spill-file": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return "help";
  if (positionals.length > 0) throw new ServeUsageError(`serve takes no positional arguments; got "${positionals[0]}"`);
  const options: ReceiverOptions = { ...DEFAULTS, log, spillFile: (values["spill-file"] as string | undefined) ?? `mlflow-semconv-unsent-${process.pid}.jsonl` };
  for (const [flag, key] of Object.entries(NUMBER_OPTIONS)) {
    const raw = (values as Record<string, unknown>)[flag];
    if (raw === undefined) continue;
    const n = Number(raw);
    const min = key === "port" || key === "joinWindowMs" || key === "progressMs" || key === "retryBaseMs" ? 0 : 1;
    if (typeof raw !== "string" || !/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < min || (key === "port" && n > 65535)) {
      throw new ServeUsageError(`--${flag} must be a whole number${min === 1 ? " above 0" : ""}; got "${String(raw)}"`);
    }
    (options as unknown as Record<string, number>)[key] = n;
  }
  if (values.host !== undefined) options.host = values.host as string;
  const mlflow = values.mlflow as string | undefined;
  const out = values.out as string | undefined;
  if ((mlflow === undefined) === (out === undefined)) throw new ServeUsageError("give either --mlflow URL --experiment-id ID, or --out FILE");
  if (mlflow !== undefined) {
    let parsed: URL;
    try {
      parsed = new URL(mlflow);
    } catch {
      throw new ServeUsageError(`--mlflow must be a URL such as http://127.0.0.1:5000; got "${mlflow}"`);
    }
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new ServeUsageError(`--mlflow must be an http(s) URL; got "${mlflow}"`);
    const experimentId = values["experiment-id"] as string | undefined;
    if (!experimentId) throw new ServeUsageError("--mlflow needs --experiment-id (MLflow requires the x-mlflow-experiment-id header)");
    options.mlflow = mlflow;
    options.experimentId = experimentId;
  } else {
    if (values["experiment-id"] !== undefined) throw new ServeUsageError("--experiment-id goes with --mlflow, not --out");
    options.out = out;
  }
  const headers: Record<string, string> = {};
  for (const header of (values.header as string[] | undefined) ?? []) {
    const eq = header.indexOf("=");
    if (eq <= 0) throw new ServeUsageError(`--header must be K=V; got "${header}"`);
    headers[header.slice(0, eq).trim().toLowerCase()] = header.slice(eq + 1);
  }
  if (Object.keys(headers).length > 0) {
    if (!options.mlflow) throw new ServeUsageError("--header goes with --mlflow");
    options.headers = headers;
  }
  return options;
}

export async function serveCommand(args: string[]): Promise<number> {
  const log = (line: string) => {
    process.stderr.write(`${line}\n`);
  };
  let options: ReceiverOptions | "help";
  try {
    options = parseServeArgs(args, log);
  } catch (error) {
    if (error instanceof ServeUsageError || (error as { code?: string })?.code?.startsWith?.("ERR_PARSE_ARGS")) {
      process.stderr.write(`mlflow-semconv serve: ${(error as Error).message}\n\n${SERVE_USAGE}`);
      return 2;
    }
    throw error;
  }
  if (options === "help") {
    process.stdout.write(SERVE_USAGE);
    return 0;
  }
  let receiver;
  try {
    receiver = await startReceiver(options);
  } catch (error) {
    process.stderr.write(`mlflow-semconv serve: cannot listen on ${options.host}:${options.port}: ${(error as Error).message}\n`);
    return 2;
  }
  const target = options.mlflow ? `${options.mlflow.replace(/\/+$/, "")}/v1/traces (experiment ${options.experimentId})` : options.out;
  log(`serve: listening on ${receiver.url} (POST /v1/traces, /v1/logs; GET /healthz) -> ${target}`);
  return new Promise<number>((resolve) => {
    let signals = 0;
    const stop = (signal: string) => {
      signals++;
      if (signals > 1) {
        log(`serve: second ${signal}; exiting without waiting for delivery`);
        resolve(1);
        return;
      }
      log(`serve: ${signal}: not taking new requests; delivering what is buffered`);
      // Once stopped, the process ends by itself; a lingering handle (a keep-alive socket) gets 2 s.
      const exitSoon = () => setTimeout(() => process.exit(process.exitCode ?? 0), 2000).unref();
      receiver.close().then(
        (delivered) => {
          resolve(delivered ? 0 : 1);
          exitSoon();
        },
        (error: unknown) => {
          log(`serve: error while stopping: ${(error as Error)?.message ?? String(error)}`);
          resolve(1);
        },
      );
    };
    process.on("SIGTERM", () => stop("SIGTERM"));
    process.on("SIGINT", () => stop("SIGINT"));
  });
}
