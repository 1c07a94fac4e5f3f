import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeOtlpJson, encodeOtlpJson, OtlpDecodeError, type DecodedSpan } from "../../src/index.js";
import { decodeOtlpLogsProtobuf, decodeOtlpProtobuf, encodeOtlpProtobuf } from "../../src/index.js";
import { decodeAnyValue, decodeKeyValues } from "../../src/otlp/anyvalue.js";
import { listFixtures } from "../helpers/fixtures.js";
import { official, toReadableLogs, toReadableSpans, type LogInput } from "../helpers/official.js";
import { LogsRequest, protobufjsEncode, protobufjsToJson } from "../helpers/otlp-proto.js";

/** The records of an OTLP/JSON logs document, as input for the official log serializers. */
function logInputs(doc: { resourceLogs?: Array<{ scopeLogs?: Array<{ logRecords?: Array<Record<string, unknown>> }> }> }): LogInput[] {
  const out: LogInput[] = [];
  for (const rl of doc.resourceLogs ?? []) {
    for (const sl of rl.scopeLogs ?? []) {
      for (const r of sl.logRecords ?? []) {
        const input: LogInput = { attributes: decodeKeyValues(r.attributes, "attributes") };
        if (typeof r.spanId === "string" && r.spanId !== "") input.spanId = r.spanId;
        if (typeof r.traceId === "string" && r.traceId !== "") input.traceId = r.traceId;
        if (typeof r.eventName === "string" && r.eventName !== "") input.eventName = r.eventName;
        if (typeof r.timeUnixNano === "string") input.timeUnixNano = r.timeUnixNano;
        if (typeof r.observedTimeUnixNano === "string") input.observedTimeUnixNano = r.observedTimeUnixNano;
        if (r.body !== undefined) input.body = decodeAnyValue(r.body, "body");
        out.push(input);
      }
    }
  }
  return out;
}

/** What the official serializers add or fill in that the captured fixture did not carry. */
function normalized(spans: DecodedSpan[]): DecodedSpan[] {
  return spans.map((s) => {
    const copy = { ...s, status: s.status ?? { code: "UNSET" } } as DecodedSpan;
    delete copy.flags;
    return copy;
  });
}

describe("decodeOtlpProtobuf = decodeOtlpJson on the official serializers' output, over every fixture", () => {
  const fixtures = listFixtures();
  it("finds the fixtures", () => expect(fixtures.length).toBeGreaterThan(40));

  for (const fixture of fixtures) {
    it(fixture.id, () => {
      const spans = decodeOtlpJson(readFileSync(fixture.tracePath, "utf8"));
      const readable = toReadableSpans(spans);
      const pb = official.tracesProtobuf(readable);
      const json = official.tracesJson(readable);
      let fromPb: DecodedSpan[];
      let fromJson: DecodedSpan[];
      if (fixture.logsPath) {
        const logs = toReadableLogs(logInputs(JSON.parse(readFileSync(fixture.logsPath, "utf8"))));
        fromPb = decodeOtlpProtobuf(pb, { logs: official.logsProtobuf(logs) });
        fromJson = decodeOtlpJson(json, { logs: official.logsJson(logs) });
        // The log records did join: some span gained events from them.
        expect(fromPb.reduce((n, s) => n + s.events.length, 0)).toBeGreaterThan(spans.reduce((n, s) => n + s.events.length, 0));
      } else {
        fromPb = decodeOtlpProtobuf(pb);
        fromJson = decodeOtlpJson(json);
      }
      expect(fromPb).toStrictEqual(fromJson);
      expect(normalized(decodeOtlpProtobuf(pb))).toStrictEqual(normalized(spans));
      // Our encoder writes what the JSON encoder writes, and the official decoder (protobufjs) reads it back the same.
      const ours = encodeOtlpProtobuf(spans);
      const expected = decodeOtlpJson(JSON.parse(JSON.stringify(encodeOtlpJson(spans))));
      expect(decodeOtlpProtobuf(ours)).toStrictEqual(expected);
      expect(decodeOtlpJson(protobufjsToJson(ours))).toStrictEqual(expected);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Generated spans

const text = fc.string({ unit: "grapheme", maxLength: 12 });
// Not "constructor": toStrictEqual compares `.constructor` of the two objects, which such a key replaces.
const key = fc.oneof(text, fc.constantFrom("__proto__", "toString", "", "gen_ai.usage.input_tokens"));
const hex = (bytes: number) => fc.uint8Array({ minLength: bytes, maxLength: bytes }).map((b) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join(""));
const nanos = fc.oneof(fc.constant(undefined), fc.bigInt({ min: 1n, max: (1n << 64n) - 1n }).map(String));

/** Attribute values the OTel SDK can hold: every AnyValue kind (ints within 2^53; beyond is tested through protobufjs below). */
const { value: anyValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    text,
    fc.boolean(),
    fc.maxSafeInteger(),
    // From 2^63 on, the official protobuf serializer writes a double and its JSON serializer an intValue:
    // the two disagree on such values, so they are left out here.
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => Math.abs(d) < 2 ** 63),
    fc.uint8Array({ maxLength: 8 }),
    fc.array(fc.oneof(tie("value"), fc.constant(undefined)), { maxLength: 3 }),
    fc.dictionary(key, tie("value"), { maxKeys: 3 }),
  ),
}));
const attributes = fc.dictionary(key, anyValue, { maxKeys: 4 }) as fc.Arbitrary<Record<string, never>>;

const span = fc.record(
  {
    name: text,
    traceId: hex(16),
    spanId: hex(8),
    parentSpanId: hex(8),
    kind: fc.constantFrom("INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"),
    startTimeUnixNano: nanos,
    endTimeUnixNano: nanos,
    attributes,
    events: fc.array(fc.record({ name: text, timeUnixNano: nanos, attributes }, { requiredKeys: ["name", "attributes"] }), { maxLength: 2 }),
    status: fc.record({ code: fc.constantFrom("UNSET", "OK", "ERROR"), message: text }, { requiredKeys: ["code"] }),
    traceState: fc.stringMatching(/^[a-z]{1,5}=[a-z0-9]{1,5}$/),
    flags: fc.integer({ min: 0, max: 0x3ff }),
    links: fc.array(
      fc.record({ traceId: hex(16), spanId: hex(8), traceState: fc.stringMatching(/^[a-z]{1,5}=[a-z]{1,5}$/), flags: fc.integer({ min: 0, max: 0xff }), attributes }, { requiredKeys: ["traceId", "spanId", "attributes"] }),
      { maxLength: 2 },
    ),
    scope: fc.record({ name: text, version: text }, { requiredKeys: ["name"] }),
    resourceIndex: fc.nat(1),
  },
  { requiredKeys: ["name", "traceId", "spanId", "attributes", "events", "kind"] },
);

const resources = [{ attributes: { "service.name": "a" } }, { attributes: { "service.name": "b", n: 1 } }];
const spans = fc.array(span, { minLength: 1, maxLength: 4 }).map((list) =>
  list.map(({ resourceIndex, ...s }) => ({ ...s, resource: resources[resourceIndex ?? 0] }) as unknown as DecodedSpan),
);

describe("decodeOtlpProtobuf = decodeOtlpJson on generated spans", () => {
  it("through the official protobuf and JSON trace serializers", () => {
    fc.assert(
      fc.property(spans, (list) => {
        const readable = toReadableSpans(list);
        expect(decodeOtlpProtobuf(official.tracesProtobuf(readable))).toStrictEqual(decodeOtlpJson(official.tracesJson(readable)));
      }),
      { numRuns: 300 },
    );
  });

  it("through the official logs serializers, joined to the spans", () => {
    const record = fc.record({ eventName: text, timeUnixNano: nanos, observedTimeUnixNano: nanos, body: fc.oneof(fc.constant(undefined), anyValue), attributes, spanIndex: fc.nat(3) });
    fc.assert(
      fc.property(spans, fc.array(record, { maxLength: 5 }), (list, records) => {
        const readable = toReadableSpans(list);
        const inputs: LogInput[] = records.map(({ spanIndex, ...r }) => ({ ...(r as Omit<LogInput, "spanId">), spanId: list[spanIndex % list.length]!.spanId }));
        const logs = toReadableLogs(inputs);
        const fromPb = decodeOtlpProtobuf(official.tracesProtobuf(readable), { logs: official.logsProtobuf(logs) });
        expect(fromPb).toStrictEqual(decodeOtlpJson(official.tracesJson(readable), { logs: official.logsJson(logs) }));
      }),
      { numRuns: 200 },
    );
  });

  it("encodeOtlpProtobuf writes what encodeOtlpJson writes, and protobufjs reads it back the same", () => {
    fc.assert(
      fc.property(spans, (list) => {
        const decoded = decodeOtlpJson(official.tracesJson(toReadableSpans(list)));
        const bytes = encodeOtlpProtobuf(decoded);
        const viaJson = decodeOtlpJson(JSON.parse(JSON.stringify(encodeOtlpJson(decoded))));
        expect(decodeOtlpProtobuf(bytes)).toStrictEqual(viaJson);
        expect(decodeOtlpJson(protobufjsToJson(bytes))).toStrictEqual(viaJson);
        // Decode -> encode -> decode is stable.
        expect(decodeOtlpProtobuf(encodeOtlpProtobuf(decodeOtlpProtobuf(bytes)))).toStrictEqual(viaJson);
      }),
      { numRuns: 300 },
    );
  });
});

describe("int64 beyond 2^53, NaN and infinities: written by protobufjs", () => {
  const base64 = (bytes: number) => fc.uint8Array({ minLength: bytes, maxLength: bytes }).map((b) => btoa(String.fromCharCode(...b)));
  const value = fc.oneof(
    fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }).map((v) => ({ intValue: v.toString() })),
    fc.constantFrom(9007199254740991n, 9007199254740992n, -9007199254740992n, -(1n << 63n), (1n << 63n) - 1n).map((v) => ({ intValue: v.toString() })),
    fc.double().map((d) => ({ doubleValue: d })),
    fc.string({ unit: "grapheme" }).map((s) => ({ stringValue: s })),
    fc.constant({}),
  );
  it("decodes the same as decodeOtlpJson on the same request", () => {
    fc.assert(
      fc.property(base64(16), base64(8), fc.array(fc.tuple(key, value), { maxLength: 6 }), (traceId, spanId, kvs) => {
        const request = {
          resourceSpans: [{ resource: { attributes: [] }, scopeSpans: [{ scope: { name: "s" }, spans: [{ traceId, spanId, name: "n", startTimeUnixNano: "18446744073709551615", attributes: kvs.map(([k, v]) => ({ key: k, value: v })) }] }] }],
        };
        const bytes = protobufjsEncode(request);
        expect(decodeOtlpProtobuf(bytes)).toStrictEqual(decodeOtlpJson(request));
      }),
      { numRuns: 300 },
    );
  });

  it("reads int64 exactly", () => {
    const request = {
      resourceSpans: [{ scopeSpans: [{ spans: [{ name: "n", attributes: [
        { key: "max", value: { intValue: "9223372036854775807" } },
        { key: "min", value: { intValue: "-9223372036854775808" } },
        { key: "safe", value: { intValue: "-9007199254740991" } },
        { key: "unsafe", value: { intValue: "9007199254740992" } },
      ] }] }] }],
    };
    expect(decodeOtlpProtobuf(protobufjsEncode(request))[0]!.attributes).toEqual({
      max: "9223372036854775807",
      min: "-9223372036854775808",
      safe: -9007199254740991,
      unsafe: "9007199254740992",
    });
  });

  it("a logs request written by protobufjs joins as the JSON one does", () => {
    const logs = { resourceLogs: [{ scopeLogs: [{ logRecords: [{ spanId: "AAAAAAAAAAE=", timeUnixNano: "7", eventName: "gen_ai.user.message", body: { kvlistValue: { values: [{ key: "content", value: { stringValue: "hé" } }] } } }, { spanId: "AAAAAAAAAAE=", observedTimeUnixNano: "3", attributes: [{ key: "event.name", value: { stringValue: "from.attr" } }] }] }] }] };
    const trace = { resourceSpans: [{ scopeSpans: [{ spans: [{ name: "n", spanId: "AAAAAAAAAAE=" }] }] }] };
    const fromPb = decodeOtlpProtobuf(protobufjsEncode(trace), { logs: protobufjsEncode(logs, LogsRequest) });
    expect(fromPb).toStrictEqual(decodeOtlpJson(trace, { logs }));
    expect(fromPb[0]!.events.map((e) => [e.name, e.timeUnixNano])).toEqual([["from.attr", "3"], ["gen_ai.user.message", "7"]]);
    expect(decodeOtlpLogsProtobuf(protobufjsEncode(logs, LogsRequest)).get("0000000000000001")).toHaveLength(2);
  });
});

// ---------------------------------------------------------------------------------------------
// Hostile bytes

function decodeError(bytes: Uint8Array, logs?: Uint8Array): OtlpDecodeError {
  try {
    decodeOtlpProtobuf(bytes, logs ? { logs } : {});
  } catch (error) {
    expect(error).toBeInstanceOf(OtlpDecodeError);
    return error as OtlpDecodeError;
  }
  throw new Error("expected a decode error");
}

function varint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
  return out;
}
function field(number: number, payload: number[]): number[] {
  return [(number << 3) | 2, ...varint(payload.length), ...payload];
}
/** A request with one span carrying one attribute whose AnyValue is `value`. */
function withValue(value: number[]): Uint8Array {
  const kv = [...field(1, [0x6b]), ...field(2, value)];
  return new Uint8Array(field(1, field(2, field(2, field(9, kv)))));
}

describe("decodeOtlpProtobuf on hostile bytes: OtlpDecodeError with a path, never another exception", () => {
  it("truncated varint", () => {
    const error = decodeError(new Uint8Array([0x0a, 0xff]));
    expect(error.message).toContain("truncated varint");
  });

  it("a length beyond the buffer", () => {
    const error = decodeError(new Uint8Array([0x0a, 0x05, 0x00]));
    expect(error.message).toMatch(/length 5 runs past the end/);
  });

  it("a length beyond its enclosing message names the field", () => {
    const bytes = withValue([0x0a, 0x40, 0x41]);
    const error = decodeError(bytes);
    expect(error.path).toBe("resourceSpans[0].scopeSpans[0].spans[0].attributes[0].value");
  });

  it("wrong wire type for a known field", () => {
    expect(decodeError(new Uint8Array([0x08, 0x01])).path).toBe("resourceSpans[0]");
    const bytes = withValue([0x19, 1, 2, 3, 4, 5, 6, 7, 8]); // intValue (field 3) as fixed64
    const error = decodeError(bytes);
    expect(error.path).toBe("resourceSpans[0].scopeSpans[0].spans[0].attributes[0].value.intValue");
    expect(error.message).toContain("expected wire type varint, got fixed64");
  });

  it("an id of the wrong length", () => {
    const bytes = new Uint8Array(field(1, field(2, field(2, field(1, [1, 2, 3])))));
    expect(decodeError(bytes).path).toBe("resourceSpans[0].scopeSpans[0].spans[0].traceId");
  });

  it("arrayValue nested 3,000 deep", () => {
    let value = field(1, [0x78]);
    for (let i = 0; i < 3000; i++) value = field(5, field(1, value));
    const error = decodeError(withValue(value));
    expect(error.message).toContain("nested more than 128 deep");
    expect(error.path.startsWith("resourceSpans[0].scopeSpans[0].spans[0].attributes[0].value.arrayValue.values[0]")).toBe(true);
  });

  it("a bad logs request names its path", () => {
    const error = decodeError(new Uint8Array(field(1, [])), new Uint8Array([0x0a, 0x02, 0x12, 0x09]));
    expect(error.path).toBe("resourceLogs[0].scopeLogs[0]");
  });

  it("reads a Buffer that is a view into a larger pool (byteOffset > 0)", () => {
    const request = { resourceSpans: [{ scopeSpans: [{ spans: [{ name: "n", attributes: [{ key: "d", value: { doubleValue: 1.5 } }] }] }] }] };
    const bytes = protobufjsEncode(request);
    const pooled = new Uint8Array(bytes.length + 13);
    pooled.set(bytes, 13);
    expect(decodeOtlpProtobuf(pooled.subarray(13))).toStrictEqual(decodeOtlpProtobuf(bytes));
    expect(decodeOtlpProtobuf(Buffer.from(bytes))[0]!.attributes).toEqual({ d: 1.5 });
  });

  it("not bytes", () => {
    expect(() => decodeOtlpProtobuf("x" as never)).toThrow(OtlpDecodeError);
  });

  it("random bytes and damaged real requests (fuzz)", () => {
    const readable = toReadableSpans(decodeOtlpJson(readFileSync(listFixtures()[0]!.tracePath, "utf8")));
    const good = official.tracesProtobuf(readable);
    const damaged = fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      fc.nat(good.length - 1).map((n) => good.slice(0, n)),
      fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })).map(([i, b]) => {
        const copy = good.slice();
        copy[i] = b;
        return copy;
      }),
    );
    fc.assert(
      fc.property(damaged, (bytes) => {
        try {
          decodeOtlpProtobuf(bytes, { logs: bytes });
        } catch (error) {
          expect(error).toBeInstanceOf(OtlpDecodeError);
          expect((error as OtlpDecodeError).path.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
