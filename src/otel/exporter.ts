/**
 * `MlflowExporter`: OTLP/HTTP protobuf to an MLflow tracking server's `POST <trackingUri>/v1/traces`,
 * with the `x-mlflow-experiment-id` header the endpoint requires. The sending is the stock
 * `OTLPTraceExporter` of `@opentelemetry/exporter-trace-otlp-proto` (its retries, timeouts, concurrency
 * limit and shutdown); this class only configures it, and translates spans that did not come through
 * `MlflowSpanProcessor`, so a stock `BatchSpanProcessor` around it sends MLflow-shaped spans too.
 */
import { diag } from "@opentelemetry/api";
import { loadOptional } from "./load.js";
import { translateSdkSpan } from "./readable.js";
import { EXPORT_FAILED, type ExportResult, type ReadableSpan, type SdkReadableSpan, type SpanExporter } from "./types.js";

export interface MlflowExporterOptions {
  /** The tracking server, e.g. `http://localhost:5000` (default: `MLFLOW_TRACKING_URI`). */
  trackingUri?: string;
  /** The experiment the traces are logged to (default: `MLFLOW_EXPERIMENT_ID`, else `"0"`, MLflow's Default experiment). */
  experimentId?: string;
  /**
   * Extra request headers; they win over the ones built from the environment (`Authorization` from
   * `MLFLOW_TRACKING_TOKEN` as a bearer token, or from `MLFLOW_TRACKING_USERNAME` / `_PASSWORD` as basic auth).
   */
  headers?: Record<string, string>;
  /** Time limit of one export request, as `OTLPTraceExporter` takes it (its default: 10 s). */
  timeoutMillis?: number;
  /** Most export requests in flight at once, as `OTLPTraceExporter` takes it. */
  concurrencyLimit?: number;
  /** Translate spans that carry no `mlflow.*` attributes yet (default true). */
  translate?: boolean;
  /** Environment to read the MLFLOW_* variables from (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
}

/** What the exporter was configured with, after the environment was read. */
export interface MlflowExporterConfig {
  url: string;
  experimentId: string;
  headers: Record<string, string>;
}

interface OtlpModule {
  OTLPTraceExporter: new (config: { url: string; headers: Record<string, string>; timeoutMillis?: number; concurrencyLimit?: number }) => SpanExporter;
}

export const MLFLOW_EXPERIMENT_HEADER = "x-mlflow-experiment-id";

/** Resolves options and environment into the endpoint and headers; throws on misuse, naming the fix. */
export function resolveMlflowExporterConfig(options: MlflowExporterOptions = {}): MlflowExporterConfig {
  const env = options.env ?? (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
  const uri = nonEmpty(options.trackingUri) ?? nonEmpty(env["MLFLOW_TRACKING_URI"]);
  if (uri === undefined) {
    throw new TypeError(
      'MlflowExporter: no MLflow tracking URI; pass new MlflowExporter({ trackingUri: "http://localhost:5000" }) or set MLFLOW_TRACKING_URI',
    );
  }
  let parsed: URL | undefined;
  try {
    parsed = new URL(uri);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) {
    throw new TypeError(
      `MlflowExporter: the tracking URI ${JSON.stringify(uri)} is not an http(s) URL; traces are sent to a tracking server (mlflow server), so give its address, e.g. "http://localhost:5000"`,
    );
  }
  const experiment = options.experimentId ?? nonEmpty(env["MLFLOW_EXPERIMENT_ID"]) ?? "0";
  const experimentId = typeof experiment === "number" ? String(experiment) : experiment;
  if (typeof experimentId !== "string" || experimentId.trim() === "") {
    throw new TypeError(`MlflowExporter: experimentId must be a non-empty string (an MLflow experiment id such as "0"); got ${JSON.stringify(experiment)}`);
  }
  const headers: Record<string, string> = {};
  const token = nonEmpty(env["MLFLOW_TRACKING_TOKEN"]);
  const user = nonEmpty(env["MLFLOW_TRACKING_USERNAME"]);
  const password = env["MLFLOW_TRACKING_PASSWORD"];
  if (token !== undefined) headers["Authorization"] = `Bearer ${token}`;
  else if (user !== undefined && password !== undefined) headers["Authorization"] = `Basic ${base64(`${user}:${password}`)}`;
  headers[MLFLOW_EXPERIMENT_HEADER] = experimentId;
  for (const [key, value] of Object.entries(options.headers ?? {})) {
    // A header given in another case replaces the built one instead of being sent twice.
    for (const existing of Object.keys(headers)) if (existing.toLowerCase() === key.toLowerCase()) delete headers[existing];
    headers[key] = value;
  }
  const base = parsed.href.replace(/\/+$/, "");
  return { url: `${base}/v1/traces`, experimentId, headers };
}

export class MlflowExporter implements SpanExporter {
  readonly config: MlflowExporterConfig;
  readonly #inner: SpanExporter;
  readonly #translate: boolean;

  constructor(options: MlflowExporterOptions = {}) {
    this.config = resolveMlflowExporterConfig(options);
    this.#translate = options.translate !== false;
    const otlp = loadOptional<OtlpModule>(["@opentelemetry/exporter-trace-otlp-proto"], "MlflowExporter", "@opentelemetry/exporter-trace-otlp-proto").module;
    this.#inner = new otlp.OTLPTraceExporter({
      url: this.config.url,
      headers: { ...this.config.headers },
      ...(options.timeoutMillis !== undefined ? { timeoutMillis: options.timeoutMillis } : {}),
      ...(options.concurrencyLimit !== undefined ? { concurrencyLimit: options.concurrencyLimit } : {}),
    });
  }

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    let ready: ReadableSpan[];
    try {
      // Spans from MlflowSpanProcessor are recognised and passed as they are.
      ready = this.#translate ? spans.map((span) => translateSdkSpan(span as SdkReadableSpan).span) : spans;
    } catch (error) {
      ready = spans;
      diag.warn("mlflow-semconv: spans are exported untranslated", error);
    }
    try {
      this.#inner.export(ready, resultCallback);
    } catch (error) {
      resultCallback({ code: EXPORT_FAILED, error: error instanceof Error ? error : new Error(String(error)) });
    }
  }

  shutdown(): Promise<void> {
    return this.#inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.#inner.forceFlush ? this.#inner.forceFlush() : Promise.resolve();
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
