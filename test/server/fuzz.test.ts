/** No input stops the receiver: random bodies, content types, encodings, paths and methods. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { gzipSync } from "node:zlib";
import { decodeLogBody, decodeTraceBody } from "../../src/server/codec.js";
import { OtlpDecodeError } from "../../src/index.js";
import type { Receiver } from "../../src/server/receiver.js";
import { MockMlflow, startServe } from "./helpers.js";
import { jsonToProtobuf } from "../helpers/otlp-proto.js";

const hex = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`));

const anyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.record({ stringValue: fc.oneof(fc.string(), fc.json()) }),
    fc.record({ intValue: fc.oneof(fc.integer(), fc.constantFrom("9007199254740993", "-1", "x")) }),
    fc.record({ doubleValue: fc.oneof(fc.double(), fc.constantFrom("NaN", "Infinity", "0x10")) }),
    fc.record({ boolValue: fc.oneof(fc.boolean(), fc.constant("true")) }),
    fc.record({ bytesValue: fc.base64String() }),
    fc.record({ arrayValue: fc.record({ values: fc.array(tie("value"), { maxLength: 3 }) }) }),
    fc.record({ kvlistValue: fc.record({ values: fc.array(fc.record({ key: fc.string(), value: tie("value") }), { maxLength: 3 }) }) }),
    fc.constant({}),
    fc.constant(null),
  ),
})).value;

const KEYS = ["gen_ai.operation.name", "gen_ai.request.model", "gen_ai.usage.input_tokens", "llm.input_messages.0.message.content", "openinference.span.kind", "ai.prompt", "traceloop.entity.input", "mlflow.spanInputs", "x"];

const attributes = fc.array(fc.record({ key: fc.oneof(fc.constantFrom(...KEYS), fc.string()), value: anyValue }), { maxLength: 6 });

const span = fc.record(
  {
    traceId: fc.oneof(hex(32), fc.string()),
    spanId: fc.oneof(hex(16), fc.string()),
    parentSpanId: hex(16),
    name: fc.string(),
    kind: fc.oneof(fc.integer({ min: -1, max: 7 }), fc.constant("SPAN_KIND_CLIENT")),
    attributes,
    events: fc.array(fc.record({ name: fc.string(), attributes }), { maxLength: 2 }),
    status: fc.record({ code: fc.integer({ min: 0, max: 3 }) }),
  },
  { requiredKeys: ["traceId", "spanId"] },
);

const traceRequest = fc.record({ resourceSpans: fc.array(fc.record({ resource: fc.record({ attributes }), scopeSpans: fc.array(fc.record({ spans: fc.array(span, { maxLength: 4 }) }), { maxLength: 2 }) }), { maxLength: 2 }) });
const logsRequest = fc.record({
  resourceLogs: fc.array(
    fc.record({ scopeLogs: fc.array(fc.record({ logRecords: fc.array(fc.record({ spanId: fc.oneof(hex(16), fc.string()), eventName: fc.string(), body: anyValue, attributes }), { maxLength: 3 }) })) }),
    { maxLength: 2 },
  ),
});

const body: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc.json().map((j) => new Uint8Array(Buffer.from(j))),
  traceRequest.map((r) => new Uint8Array(Buffer.from(JSON.stringify(r)))),
  logsRequest.map((r) => new Uint8Array(Buffer.from(JSON.stringify(r)))),
  // Valid protobuf where the schema allows it; random mutations of it otherwise.
  fc.tuple(traceRequest, fc.nat(), fc.integer({ min: 0, max: 255 })).map(([r, at, byte]) => {
    let bytes: Uint8Array;
    try {
      bytes = jsonToProtobuf("traces", r);
    } catch {
      return new Uint8Array(Buffer.from(JSON.stringify(r)));
    }
    if (bytes.length > 0 && at % 3 === 0) bytes[at % bytes.length] = byte;
    return bytes;
  }),
);

let mlflow: MockMlflow;
let serve: Receiver;
const logs: string[] = [];

beforeAll(async () => {
  mlflow = await new MockMlflow().start();
  serve = await startServe({ mlflow: mlflow.url, experimentId: "1", joinWindowMs: 50, maxBodyBytes: 64 * 1024 }, logs);
});
afterAll(async () => {
  await serve.close();
  await mlflow.stop();
});

describe("fuzzing the receiver", () => {
  it("answers every request with an OTLP status and keeps serving", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("/v1/traces", "/v1/logs", "/healthz", "/nope", "/v1/traces?x=1"),
        fc.constantFrom("POST", "POST", "POST", "GET", "PUT"),
        fc.oneof(fc.constantFrom("application/json", "application/x-protobuf", "application/json; charset=utf-8", "text/plain"), fc.stringMatching(/^[ -~]{0,20}$/)),
        fc.oneof(fc.constantFrom(undefined, "gzip", "deflate", "identity"), fc.stringMatching(/^[ -~]{0,10}$/)),
        body,
        fc.boolean(),
        async (path, method, contentType, encoding, payload, compress) => {
          const headers: Record<string, string> = { "content-type": contentType };
          if (encoding !== undefined) headers["content-encoding"] = encoding;
          const sent = compress && encoding === "gzip" ? gzipSync(payload) : payload;
          const response = await fetch(`${serve.url}${path}`, { method, headers, body: method === "GET" ? undefined : sent });
          await response.arrayBuffer();
          expect([200, 400, 404, 405, 413, 415, 503]).toContain(response.status);
        },
      ),
      { numRuns: 300 },
    );
    expect((await fetch(`${serve.url}/healthz`)).status).toBe(200);
    expect(logs.filter((l) => l.includes("internal error"))).toEqual([]);
    const good = JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: "a".repeat(32), spanId: "b".repeat(16), name: "after" }] }] }] });
    expect((await fetch(`${serve.url}/v1/traces`, { method: "POST", body: good, headers: { "content-type": "application/json" } })).status).toBe(200);
  });

  it("the decoders throw nothing but OtlpDecodeError on any bytes", () => {
    fc.assert(
      fc.property(body, fc.constantFrom("json", "protobuf") as fc.Arbitrary<"json" | "protobuf">, (bytes, format) => {
        for (const decode of [decodeTraceBody, decodeLogBody]) {
          try {
            decode(bytes, format);
          } catch (error) {
            expect(error).toBeInstanceOf(OtlpDecodeError);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
