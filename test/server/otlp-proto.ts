/**
 * The OTLP messages the serve tests need, as a protobufjs schema written from the field numbers of
 * opentelemetry-proto (common/v1, resource/v1, trace/v1, logs/v1, collector/*), plus google.rpc.Status.
 * The tests decode what `serve` forwards with this, independently of the project's own codec.
 */
import protobuf from "protobufjs";

const kv = { key: { type: "string", id: 1 }, value: { type: "AnyValue", id: 2 } };

const schema = {
  nested: {
    AnyValue: {
      oneofs: { value: { oneof: ["stringValue", "boolValue", "intValue", "doubleValue", "arrayValue", "kvlistValue", "bytesValue"] } },
      fields: {
        stringValue: { type: "string", id: 1 },
        boolValue: { type: "bool", id: 2 },
        intValue: { type: "int64", id: 3 },
        doubleValue: { type: "double", id: 4 },
        arrayValue: { type: "ArrayValue", id: 5 },
        kvlistValue: { type: "KeyValueList", id: 6 },
        bytesValue: { type: "bytes", id: 7 },
      },
    },
    ArrayValue: { fields: { values: { rule: "repeated", type: "AnyValue", id: 1 } } },
    KeyValueList: { fields: { values: { rule: "repeated", type: "KeyValue", id: 1 } } },
    KeyValue: { fields: kv },
    InstrumentationScope: {
      fields: {
        name: { type: "string", id: 1 },
        version: { type: "string", id: 2 },
        attributes: { rule: "repeated", type: "KeyValue", id: 3 },
        droppedAttributesCount: { type: "uint32", id: 4 },
      },
    },
    Resource: {
      fields: { attributes: { rule: "repeated", type: "KeyValue", id: 1 }, droppedAttributesCount: { type: "uint32", id: 2 } },
    },
    ExportTraceServiceRequest: { fields: { resourceSpans: { rule: "repeated", type: "ResourceSpans", id: 1 } } },
    ResourceSpans: {
      fields: {
        resource: { type: "Resource", id: 1 },
        scopeSpans: { rule: "repeated", type: "ScopeSpans", id: 2 },
        schemaUrl: { type: "string", id: 3 },
      },
    },
    ScopeSpans: {
      fields: {
        scope: { type: "InstrumentationScope", id: 1 },
        spans: { rule: "repeated", type: "Span", id: 2 },
        schemaUrl: { type: "string", id: 3 },
      },
    },
    Span: {
      fields: {
        traceId: { type: "bytes", id: 1 },
        spanId: { type: "bytes", id: 2 },
        traceState: { type: "string", id: 3 },
        parentSpanId: { type: "bytes", id: 4 },
        flags: { type: "fixed32", id: 16 },
        name: { type: "string", id: 5 },
        kind: { type: "int32", id: 6 },
        startTimeUnixNano: { type: "fixed64", id: 7 },
        endTimeUnixNano: { type: "fixed64", id: 8 },
        attributes: { rule: "repeated", type: "KeyValue", id: 9 },
        droppedAttributesCount: { type: "uint32", id: 10 },
        events: { rule: "repeated", type: "Event", id: 11 },
        droppedEventsCount: { type: "uint32", id: 12 },
        links: { rule: "repeated", type: "Link", id: 13 },
        droppedLinksCount: { type: "uint32", id: 14 },
        status: { type: "Status", id: 15 },
      },
    },
    Event: {
      fields: {
        timeUnixNano: { type: "fixed64", id: 1 },
        name: { type: "string", id: 2 },
        attributes: { rule: "repeated", type: "KeyValue", id: 3 },
        droppedAttributesCount: { type: "uint32", id: 4 },
      },
    },
    Link: {
      fields: {
        traceId: { type: "bytes", id: 1 },
        spanId: { type: "bytes", id: 2 },
        traceState: { type: "string", id: 3 },
        attributes: { rule: "repeated", type: "KeyValue", id: 4 },
        droppedAttributesCount: { type: "uint32", id: 5 },
        flags: { type: "fixed32", id: 6 },
      },
    },
    Status: { fields: { message: { type: "string", id: 2 }, code: { type: "int32", id: 3 } } },
    ExportLogsServiceRequest: { fields: { resourceLogs: { rule: "repeated", type: "ResourceLogs", id: 1 } } },
    ResourceLogs: {
      fields: {
        resource: { type: "Resource", id: 1 },
        scopeLogs: { rule: "repeated", type: "ScopeLogs", id: 2 },
        schemaUrl: { type: "string", id: 3 },
      },
    },
    ScopeLogs: {
      fields: {
        scope: { type: "InstrumentationScope", id: 1 },
        logRecords: { rule: "repeated", type: "LogRecord", id: 2 },
        schemaUrl: { type: "string", id: 3 },
      },
    },
    LogRecord: {
      fields: {
        timeUnixNano: { type: "fixed64", id: 1 },
        observedTimeUnixNano: { type: "fixed64", id: 11 },
        severityNumber: { type: "int32", id: 2 },
        severityText: { type: "string", id: 3 },
        body: { type: "AnyValue", id: 5 },
        attributes: { rule: "repeated", type: "KeyValue", id: 6 },
        droppedAttributesCount: { type: "uint32", id: 7 },
        flags: { type: "fixed32", id: 8 },
        traceId: { type: "bytes", id: 9 },
        spanId: { type: "bytes", id: 10 },
        eventName: { type: "string", id: 12 },
      },
    },
    ExportTraceServiceResponse: { fields: { partialSuccess: { type: "ExportTracePartialSuccess", id: 1 } } },
    ExportTracePartialSuccess: { fields: { rejectedSpans: { type: "int64", id: 1 }, errorMessage: { type: "string", id: 2 } } },
    ExportLogsServiceResponse: { fields: { partialSuccess: { type: "ExportLogsPartialSuccess", id: 1 } } },
    ExportLogsPartialSuccess: { fields: { rejectedLogRecords: { type: "int64", id: 1 }, errorMessage: { type: "string", id: 2 } } },
    RpcStatus: { fields: { code: { type: "int32", id: 1 }, message: { type: "string", id: 2 } } },
  },
};

export const otlpRoot = protobuf.Root.fromJSON(schema);
export const TraceRequest = otlpRoot.lookupType("ExportTraceServiceRequest");
export const LogsRequest = otlpRoot.lookupType("ExportLogsServiceRequest");
export const TraceResponse = otlpRoot.lookupType("ExportTraceServiceResponse");
export const LogsResponse = otlpRoot.lookupType("ExportLogsServiceResponse");
export const RpcStatus = otlpRoot.lookupType("RpcStatus");

const ID_FIELDS = new Set(["traceId", "spanId", "parentSpanId"]);

/** Hex ids (OTLP/JSON) for base64 ones, recursively; everything else as protobufjs's toObject gives it. */
function hexIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(hexIds);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = ID_FIELDS.has(k) && typeof v === "string" ? Buffer.from(v, "base64").toString("hex") : hexIds(v);
  }
  return out;
}

const TO_OBJECT = { longs: String, bytes: String, enums: Number, defaults: false, arrays: false } as const;

/** A protobuf ExportTraceServiceRequest as OTLP/JSON (hex ids, int64 as strings, bytes in base64). */
export function traceRequestToJson(bytes: Uint8Array): { resourceSpans?: unknown[] } {
  return hexIds(TraceRequest.toObject(TraceRequest.decode(bytes), TO_OBJECT)) as { resourceSpans?: unknown[] };
}

export function logsRequestToJson(bytes: Uint8Array): { resourceLogs?: unknown[] } {
  return hexIds(LogsRequest.toObject(LogsRequest.decode(bytes), TO_OBJECT)) as { resourceLogs?: unknown[] };
}

/** OTLP/JSON (hex ids) -> protobuf bytes, for hand-made test requests. */
export function jsonToProtobuf(kind: "traces" | "logs", json: unknown): Uint8Array {
  const toBytes = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(toBytes);
    if (value === null || typeof value !== "object") return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = ID_FIELDS.has(k) && typeof v === "string" ? Buffer.from(v, "hex") : toBytes(v);
    return out;
  };
  const type = kind === "traces" ? TraceRequest : LogsRequest;
  return type.encode(type.fromObject(toBytes(json) as Record<string, unknown>)).finish();
}
