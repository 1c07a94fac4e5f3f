/**
 * A stand-in for an MLflow tracking server's OTLP endpoint (`POST /v1/traces`) on 127.0.0.1, port 0.
 * It decodes the protobuf body with the protobufjs code generated from the OTLP protos that
 * `@opentelemetry/otlp-transformer` 0.57 ships (installed as `otlp-transformer-v1`), never with this
 * project's own code, and records each request: headers, and the spans with plain attribute values.
 *
 * Modes: `ok` answers an empty ExportTraceServiceResponse (200, protobuf), `fail` answers 500, `hang`
 * reads the request and never answers (the connection is dropped by `close`).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { gunzipSync, inflateSync } from "node:zlib";

const require = createRequire(import.meta.url);

interface ProtoType {
  decode(bytes: Uint8Array): unknown;
  toObject(message: unknown, options: Record<string, unknown>): unknown;
}
const root = require("otlp-transformer-v1/build/src/generated/root.js") as {
  opentelemetry: { proto: { collector: { trace: { v1: { ExportTraceServiceRequest: ProtoType } } } } };
};
const REQUEST = root.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;

export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
  statusCode: number;
  statusMessage: string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  events: Array<{ name: string; timeUnixNano: string; attributes: Record<string, unknown> }>;
  scope: string;
  resource: Record<string, unknown>;
}

export interface ReceivedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  spans: ReceivedSpan[];
}

export type MockMode = "ok" | "fail" | "hang";

export interface MockMlflow {
  /** `http://127.0.0.1:<port>`: the tracking URI. */
  readonly url: string;
  readonly requests: ReceivedRequest[];
  /** Every span received, in arrival order. */
  spans(): ReceivedSpan[];
  mode: MockMode;
  close(): Promise<void>;
}

export async function startMockMlflow(mode: MockMode = "ok"): Promise<MockMlflow> {
  const requests: ReceivedRequest[] = [];
  const state = { mode };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (state.mode === "hang") return; // never answers
      if (state.mode === "fail") {
        res.writeHead(500, { "content-type": "application/json" });
        res.end('{"error_code":"INTERNAL_ERROR","message":"mock failure"}');
        return;
      }
      if (req.method !== "POST" || req.url !== "/v1/traces") {
        res.writeHead(404).end();
        return;
      }
      if (req.headers["content-type"] !== "application/x-protobuf") {
        res.writeHead(400).end("Invalid Content-Type");
        return;
      }
      let body = Buffer.concat(chunks);
      const encoding = req.headers["content-encoding"];
      if (encoding === "gzip") body = gunzipSync(body);
      else if (encoding === "deflate") body = inflateSync(body);
      const spans = decodeProtobufTraces(body);
      requests.push({ path: req.url, headers: req.headers, spans });
      res.writeHead(200, { "content-type": "application/x-protobuf" });
      res.end(Buffer.alloc(0));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    spans: () => requests.flatMap((r) => r.spans),
    get mode() {
      return state.mode;
    },
    set mode(next: MockMode) {
      state.mode = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

interface ProtoKeyValue {
  key: string;
  value?: ProtoAnyValue;
}
interface ProtoAnyValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: string;
  doubleValue?: number;
  arrayValue?: { values?: ProtoAnyValue[] };
  kvlistValue?: { values?: ProtoKeyValue[] };
  bytesValue?: string;
}
interface ProtoRequest {
  resourceSpans?: Array<{
    resource?: { attributes?: ProtoKeyValue[] };
    scopeSpans?: Array<{
      scope?: { name?: string };
      spans?: Array<{
        traceId?: string;
        spanId?: string;
        parentSpanId?: string;
        name?: string;
        kind?: number;
        attributes?: ProtoKeyValue[];
        status?: { code?: number; message?: string };
        startTimeUnixNano?: string;
        endTimeUnixNano?: string;
        events?: Array<{ name?: string; timeUnixNano?: string; attributes?: ProtoKeyValue[] }>;
      }>;
    }>;
  }>;
}

/** An OTLP protobuf ExportTraceServiceRequest, decoded by the generated protobufjs code. */
export function decodeProtobufTraces(body: Uint8Array): ReceivedSpan[] {
  const message = REQUEST.decode(body);
  const request = REQUEST.toObject(message, { longs: String, enums: Number, bytes: String, defaults: false }) as ProtoRequest;
  const out: ReceivedSpan[] = [];
  for (const resourceSpans of request.resourceSpans ?? []) {
    const resource = attributesOf(resourceSpans.resource?.attributes);
    for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
      for (const span of scopeSpans.spans ?? []) {
        out.push({
          traceId: hex(span.traceId),
          spanId: hex(span.spanId),
          parentSpanId: hex(span.parentSpanId),
          name: span.name ?? "",
          kind: span.kind ?? 0,
          attributes: attributesOf(span.attributes),
          statusCode: span.status?.code ?? 0,
          statusMessage: span.status?.message ?? "",
          startTimeUnixNano: span.startTimeUnixNano ?? "0",
          endTimeUnixNano: span.endTimeUnixNano ?? "0",
          events: (span.events ?? []).map((e) => ({ name: e.name ?? "", timeUnixNano: e.timeUnixNano ?? "0", attributes: attributesOf(e.attributes) })),
          scope: scopeSpans.scope?.name ?? "",
          resource,
        });
      }
    }
  }
  return out;
}

/** protobufjs renders bytes as base64 with `bytes: String`. */
function hex(base64: string | undefined): string {
  return base64 ? Buffer.from(base64, "base64").toString("hex") : "";
}

function attributesOf(list: ProtoKeyValue[] | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { key, value } of list ?? []) out[key] = valueOf(value);
  return out;
}

function valueOf(value: ProtoAnyValue | undefined): unknown {
  if (value === undefined) return undefined;
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.intValue !== undefined) return Number(value.intValue);
  if (value.doubleValue !== undefined) return value.doubleValue;
  if (value.arrayValue !== undefined) return (value.arrayValue.values ?? []).map(valueOf);
  if (value.kvlistValue !== undefined) return attributesOf(value.kvlistValue.values);
  if (value.bytesValue !== undefined) return value.bytesValue;
  return undefined;
}
