/**
 * An independent reader/writer for OTLP/protobuf: protobufjs over the message definitions of
 * opentelemetry-proto (trace/v1, logs/v1, common/v1, resource/v1; field numbers from the spec).
 * Used to check this library's codec against a general-purpose protobuf implementation, and by the
 * serve tests to decode what `serve` forwards (and build hand-made requests) without the project's codec.
 */
import protobuf from "protobufjs";

const SCHEMA = `
syntax = "proto3";
package otlp;
message AnyValue {
  oneof value {
    string string_value = 1; bool bool_value = 2; int64 int_value = 3; double double_value = 4;
    ArrayValue array_value = 5; KeyValueList kvlist_value = 6; bytes bytes_value = 7;
  }
}
message ArrayValue { repeated AnyValue values = 1; }
message KeyValueList { repeated KeyValue values = 1; }
message KeyValue { string key = 1; AnyValue value = 2; }
message InstrumentationScope { string name = 1; string version = 2; repeated KeyValue attributes = 3; uint32 dropped_attributes_count = 4; }
message Resource { repeated KeyValue attributes = 1; uint32 dropped_attributes_count = 2; }
message ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
message ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; string schema_url = 3; }
message ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; string schema_url = 3; }
message Span {
  bytes trace_id = 1; bytes span_id = 2; string trace_state = 3; bytes parent_span_id = 4; fixed32 flags = 16;
  string name = 5; int32 kind = 6; fixed64 start_time_unix_nano = 7; fixed64 end_time_unix_nano = 8;
  repeated KeyValue attributes = 9; uint32 dropped_attributes_count = 10;
  repeated Event events = 11; uint32 dropped_events_count = 12;
  repeated Link links = 13; uint32 dropped_links_count = 14; Status status = 15;
  message Event { fixed64 time_unix_nano = 1; string name = 2; repeated KeyValue attributes = 3; uint32 dropped_attributes_count = 4; }
  message Link { bytes trace_id = 1; bytes span_id = 2; string trace_state = 3; repeated KeyValue attributes = 4; uint32 dropped_attributes_count = 5; fixed32 flags = 6; }
}
message Status { string message = 2; int32 code = 3; }
message ExportLogsServiceRequest { repeated ResourceLogs resource_logs = 1; }
message ResourceLogs { Resource resource = 1; repeated ScopeLogs scope_logs = 2; string schema_url = 3; }
message ScopeLogs { InstrumentationScope scope = 1; repeated LogRecord log_records = 2; string schema_url = 3; }
message LogRecord {
  fixed64 time_unix_nano = 1; fixed64 observed_time_unix_nano = 11; int32 severity_number = 2; string severity_text = 3;
  AnyValue body = 5; repeated KeyValue attributes = 6; uint32 dropped_attributes_count = 7; fixed32 flags = 8;
  bytes trace_id = 9; bytes span_id = 10; string event_name = 12;
}
message ExportTraceServiceResponse { ExportTracePartialSuccess partial_success = 1; }
message ExportTracePartialSuccess { int64 rejected_spans = 1; string error_message = 2; }
message ExportLogsServiceResponse { ExportLogsPartialSuccess partial_success = 1; }
message ExportLogsPartialSuccess { int64 rejected_log_records = 1; string error_message = 2; }
message RpcStatus { int32 code = 1; string message = 2; }
`;

const root = protobuf.parse(SCHEMA, { keepCase: false }).root;
export const TraceRequest = root.lookupType("otlp.ExportTraceServiceRequest");
export const LogsRequest = root.lookupType("otlp.ExportLogsServiceRequest");
export const TraceResponse = root.lookupType("otlp.ExportTraceServiceResponse");
export const RpcStatus = root.lookupType("otlp.RpcStatus");
const TO_OBJECT = { longs: String, bytes: String, enums: Number, defaults: false, arrays: false } as const;

/** Protobuf bytes -> an OTLP/JSON-shaped object (ids and bytes in base64, int64 as decimal strings). */
export function protobufjsToJson(bytes: Uint8Array, type = TraceRequest): unknown {
  return type.toObject(type.decode(bytes), TO_OBJECT);
}

/** An OTLP/JSON-shaped object (ids in base64) -> protobuf bytes, written by protobufjs. */
export function protobufjsEncode(json: object, type = TraceRequest): Uint8Array {
  return type.encode(type.fromObject(json)).finish();
}

const ID_FIELDS = new Set(["traceId", "spanId", "parentSpanId"]);

/** Rewrites the id fields of an OTLP-shaped value, recursively, leaving everything else as it is. */
function mapIds(value: unknown, id: (text: string) => unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => mapIds(v, id));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = ID_FIELDS.has(k) && typeof v === "string" ? id(v) : mapIds(v, id);
  return out;
}

/** A protobuf ExportTraceServiceRequest as OTLP/JSON proper: hex ids, int64 as strings, bytes in base64. */
export function traceRequestToJson(bytes: Uint8Array): { resourceSpans?: unknown[] } {
  return mapIds(protobufjsToJson(bytes), (b64) => Buffer.from(b64, "base64").toString("hex")) as { resourceSpans?: unknown[] };
}

/** OTLP/JSON with hex ids -> protobuf bytes written by protobufjs, for hand-made test requests. */
export function jsonToProtobuf(kind: "traces" | "logs", json: unknown): Uint8Array {
  const type = kind === "traces" ? TraceRequest : LogsRequest;
  return type.encode(type.fromObject(mapIds(json, (hex) => Buffer.from(hex, "hex")) as Record<string, unknown>)).finish();
}
