/** A mock MLflow `/v1/traces` endpoint, the receiver started in-process, and replaying fixtures through the OTel SDK. */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { gunzipSync } from "node:zlib";
import { SpanKind, SpanStatusCode, context, trace, type Attributes as OtelAttributes } from "@opentelemetry/api";
import { BasicTracerProvider, BatchSpanProcessor, type SpanExporter } from "@opentelemetry/sdk-trace-base";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchLogRecordProcessor, LoggerProvider, type LogRecordExporter } from "@opentelemetry/sdk-logs";
import type { AnyValueMap } from "@opentelemetry/api-logs";
import { DEFAULTS, startReceiver, type Receiver, type ReceiverOptions } from "../../src/server/receiver.js";
import type { DecodedSpan } from "../../src/index.js";
import { traceRequestToJson } from "../helpers/otlp-proto.js";

export interface ReceivedRequest {
  headers: IncomingMessage["headers"];
  /** The request decoded by protobufjs with our test schema, as OTLP/JSON (hex ids). */
  json: { resourceSpans?: Array<{ resource?: { attributes?: unknown[] }; scopeSpans?: Array<{ spans?: OtlpJsonSpan[] }> }> };
}

export interface OtlpJsonSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes?: Array<{ key: string; value: Record<string, unknown> }>;
  events?: Array<{ name: string }>;
}

/**
 * MLflow's `/v1/traces` as far as the receiver sees it: protobuf only, `x-mlflow-experiment-id`
 * required (422 without it, as FastAPI answers), empty protobuf response. It can be stopped and
 * started again on the same port, or told to answer 503.
 */
export class MockMlflow {
  readonly requests: ReceivedRequest[] = [];
  failWith: number | undefined;
  private server: Server | undefined;
  private sockets = new Set<Socket>();
  port = 0;

  async start(): Promise<this> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        if (this.failWith) {
          res.writeHead(this.failWith).end();
          return;
        }
        if (req.url !== "/v1/traces" || req.method !== "POST") {
          res.writeHead(404).end();
          return;
        }
        if (!req.headers["x-mlflow-experiment-id"]) {
          res.writeHead(422, { "content-type": "application/json" }).end('{"detail":"x-mlflow-experiment-id missing"}');
          return;
        }
        if (req.headers["content-type"] !== "application/x-protobuf") {
          res.writeHead(400).end("Invalid Content-Type");
          return;
        }
        let body = Buffer.concat(chunks);
        if (req.headers["content-encoding"] === "gzip") body = gunzipSync(body);
        let json: ReceivedRequest["json"];
        try {
          json = traceRequestToJson(body) as ReceivedRequest["json"];
        } catch {
          res.writeHead(400).end("Invalid OpenTelemetry protobuf format");
          return;
        }
        this.requests.push({ headers: req.headers, json });
        res.writeHead(200, { "content-type": "application/x-protobuf" }).end();
      });
    });
    server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(this.port, "127.0.0.1", () => resolve()));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Stops listening and cuts every open connection (the upstream "dies"). */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  spans(): OtlpJsonSpan[] {
    return this.requests.flatMap((r) => (r.json.resourceSpans ?? []).flatMap((rs) => (rs.scopeSpans ?? []).flatMap((ss) => ss.spans ?? [])));
  }
}

export function attributeMap(span: OtlpJsonSpan): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const kv of span.attributes ?? []) {
    const v = kv.value ?? {};
    out[kv.key] = v.stringValue ?? v.intValue ?? v.doubleValue ?? v.boolValue ?? v;
  }
  return out;
}

export async function startServe(overrides: Partial<ReceiverOptions>, logs: string[] = []): Promise<Receiver> {
  return startReceiver({
    ...DEFAULTS,
    port: 0,
    progressMs: 0,
    retryBaseMs: 20,
    retryMaxMs: 200,
    requestTimeoutMs: 5000,
    shutdownTimeoutMs: 10_000,
    spillFile: "/dev/null",
    log: (line) => logs.push(line),
    ...overrides,
  });
}

export async function waitFor(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const KINDS: Record<string, SpanKind> = {
  INTERNAL: SpanKind.INTERNAL,
  SERVER: SpanKind.SERVER,
  CLIENT: SpanKind.CLIENT,
  PRODUCER: SpanKind.PRODUCER,
  CONSUMER: SpanKind.CONSUMER,
};

/**
 * Records fixture spans again with the OTel SDK (same names, kinds, attributes, events, status and
 * parent/child shape) and exports them through `exporter`. Returns the source span of each SDK span id.
 */
export async function replayThroughSdk(spans: DecodedSpan[], exporter: SpanExporter): Promise<Map<string, DecodedSpan>> {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": "serve-test" }),
    spanProcessors: [new BatchSpanProcessor(exporter, { scheduledDelayMillis: 50 })],
  });
  const tracer = provider.getTracer("serve-test-replay", "1.0.0");
  const ids = new Map<string, DecodedSpan>();
  const live = new Map<string, ReturnType<typeof tracer.startSpan>>();
  // Parents first (they start earlier), then close children before parents.
  const ordered = [...spans].sort((a, b) => compare(a.startTimeUnixNano as string | undefined, b.startTimeUnixNano as string | undefined));
  for (const span of ordered) {
    const parent = span.parentSpanId ? live.get(span.parentSpanId) : undefined;
    const ctx = parent ? trace.setSpan(context.active(), parent) : context.active();
    const sdkSpan = tracer.startSpan(span.name, { kind: KINDS[String(span.kind)] ?? SpanKind.INTERNAL, attributes: span.attributes as OtelAttributes }, ctx);
    for (const event of span.events) sdkSpan.addEvent(event.name, event.attributes as OtelAttributes);
    if (span.status?.code === "ERROR") sdkSpan.setStatus({ code: SpanStatusCode.ERROR, message: span.status.message ?? "" });
    if (span.spanId) live.set(span.spanId, sdkSpan);
    ids.set(sdkSpan.spanContext().spanId, span);
  }
  for (const span of [...ordered].reverse()) if (span.spanId) live.get(span.spanId)!.end();
  await provider.forceFlush();
  await provider.shutdown();
  return ids;
}

function compare(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : 1;
}

/** A log record of a fixture (OTLP/JSON) as the logs SDK takes it: event name, body, attributes, time. */
export interface FixtureRecord {
  eventName: string;
  body: AnyValueMap;
  attributes: Record<string, string>;
  timeUnixNano: string;
}

export function fixtureRecords(logsJson: string): FixtureRecord[] {
  const doc = JSON.parse(logsJson) as { resourceLogs: Array<{ scopeLogs: Array<{ logRecords: Array<Record<string, unknown>> }> }> };
  const plain = (v: Record<string, unknown>): unknown =>
    "stringValue" in v ? v.stringValue : "kvlistValue" in v ? Object.fromEntries(((v.kvlistValue as { values: Array<{ key: string; value: Record<string, unknown> }> }).values).map((kv) => [kv.key, plain(kv.value)])) : v;
  return doc.resourceLogs.flatMap((rl) =>
    rl.scopeLogs.flatMap((sl) =>
      sl.logRecords.map((r) => {
        const attributes = Object.fromEntries((r.attributes as Array<{ key: string; value: { stringValue: string } }>).map((kv) => [kv.key, kv.value.stringValue]));
        return { eventName: attributes["event.name"]!, body: plain(r.body as Record<string, unknown>) as AnyValueMap, attributes, timeUnixNano: r.timeUnixNano as string };
      }),
    ),
  );
}

/**
 * One span recorded with the OTel SDK and its content emitted as log records with the logs SDK, in
 * the span's context (so they carry its trace and span id), each through its own real exporter.
 * `order` says which export is flushed first. Returns the SDK span id.
 */
export async function replayWithLogs(span: DecodedSpan, records: FixtureRecord[], spans: SpanExporter, logs: LogRecordExporter, order: "logs-first" | "span-first"): Promise<string> {
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new BatchSpanProcessor(spans, { scheduledDelayMillis: 60_000 })] });
  const loggerProvider = new LoggerProvider({ processors: [new BatchLogRecordProcessor({ exporter: logs, scheduledDelayMillis: 60_000 })] });
  const sdkSpan = tracerProvider.getTracer("serve-test").startSpan(span.name, { kind: KINDS[String(span.kind)] ?? SpanKind.INTERNAL, attributes: span.attributes as OtelAttributes });
  const ctx = trace.setSpan(context.active(), sdkSpan);
  const logger = loggerProvider.getLogger("@opentelemetry/instrumentation-openai", "0.21.0");
  for (const record of records) {
    const nanos = BigInt(record.timeUnixNano);
    logger.emit({
      eventName: record.eventName,
      body: record.body,
      attributes: record.attributes,
      severityNumber: 9,
      timestamp: [Number(nanos / 1_000_000_000n), Number(nanos % 1_000_000_000n)],
      context: ctx,
    });
  }
  sdkSpan.end();
  const flushSpans = async () => {
    await tracerProvider.forceFlush();
    await tracerProvider.shutdown();
  };
  const flushLogs = async () => {
    await loggerProvider.forceFlush();
    await loggerProvider.shutdown();
  };
  if (order === "logs-first") {
    await flushLogs();
    await flushSpans();
  } else {
    await flushSpans();
    await flushLogs();
  }
  return sdkSpan.spanContext().spanId;
}
