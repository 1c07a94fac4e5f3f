import { describe, expect, it } from "vitest";
import { decodeOtlpJson, encodeOtlpJson, OtlpDecodeError } from "../../src/index.js";

/** A one-span request with the given span fields. */
function request(span: Record<string, unknown>, extra: { resource?: unknown; scope?: unknown } = {}) {
  return {
    resourceSpans: [
      {
        resource: extra.resource ?? { attributes: [{ key: "service.name", value: { stringValue: "svc" } }] },
        scopeSpans: [{ scope: extra.scope ?? { name: "lib", version: "1.2.3" }, spans: [{ name: "s", ...span }] }],
      },
    ],
  };
}

function decodeError(input: unknown): OtlpDecodeError {
  try {
    decodeOtlpJson(input);
  } catch (error) {
    expect(error).toBeInstanceOf(OtlpDecodeError);
    return error as OtlpDecodeError;
  }
  throw new Error("expected a decode error");
}

describe("decodeOtlpJson: AnyValue kinds", () => {
  const attrs = [
    { key: "s", value: { stringValue: "text" } },
    { key: "b", value: { boolValue: false } },
    { key: "i_num", value: { intValue: 42 } },
    { key: "i_str", value: { intValue: "-7" } },
    { key: "i_big", value: { intValue: "9007199254740993" } },
    { key: "d", value: { doubleValue: 0.25 } },
    { key: "d_nan", value: { doubleValue: "NaN" } },
    { key: "d_inf", value: { doubleValue: "-Infinity" } },
    { key: "bytes", value: { bytesValue: "AQID/w==" } },
    { key: "arr", value: { arrayValue: { values: [{ stringValue: "a" }, { intValue: "1" }, {}] } } },
    { key: "kv", value: { kvlistValue: { values: [{ key: "x", value: { boolValue: true } }, { key: "__proto__", value: { stringValue: "p" } }] } } },
    { key: "empty", value: {} },
    { key: "empty_arr", value: { arrayValue: {} } },
  ];
  const [span] = decodeOtlpJson(request({ attributes: attrs }));

  it("decodes scalars, keeping exact digits for integers beyond 2^53", () => {
    expect(span!.attributes).toMatchObject({ s: "text", b: false, i_num: 42, i_str: -7, i_big: "9007199254740993", d: 0.25 });
    expect(span!.attributes.d_nan).toBeNaN();
    expect(span!.attributes.d_inf).toBe(Number.NEGATIVE_INFINITY);
  });

  it("decodes bytes from base64", () => {
    expect(span!.attributes.bytes).toEqual(new Uint8Array([1, 2, 3, 255]));
  });

  it("decodes arrays and kvlists, and a kvlist __proto__ key stays an own key", () => {
    expect(span!.attributes.arr).toEqual(["a", 1, undefined]);
    const kv = span!.attributes.kv as Record<string, unknown>;
    expect(kv.x).toBe(true);
    expect(Object.prototype.hasOwnProperty.call(kv, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(kv)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("decodes an empty AnyValue as no value", () => {
    expect(span!.attributes.empty).toBeUndefined();
    expect(span!.attributes.empty_arr).toEqual([]);
  });
});

describe("decodeOtlpJson: envelope", () => {
  it("reads hex ids, OTLP kind numbers, status, times, events, scope and resource", () => {
    const [span] = decodeOtlpJson(
      request({
        traceId: "5B8EFFF798038103D269B633813FC60C",
        spanId: "EEE19B7EC3C1B174",
        parentSpanId: "",
        kind: 3,
        startTimeUnixNano: "1735689600000000001",
        endTimeUnixNano: 1735689600,
        status: { code: 2, message: "boom" },
        events: [{ name: "e", timeUnixNano: "17", attributes: [{ key: "k", value: { stringValue: "v" } }] }],
      }),
    );
    expect(span).toMatchObject({
      name: "s",
      traceId: "5b8efff798038103d269b633813fc60c",
      spanId: "eee19b7ec3c1b174",
      kind: "CLIENT",
      startTimeUnixNano: "1735689600000000001",
      endTimeUnixNano: "1735689600",
      status: { code: "ERROR", message: "boom" },
      events: [{ name: "e", timeUnixNano: "17", attributes: { k: "v" } }],
      scope: { name: "lib", version: "1.2.3" },
      resource: { attributes: { "service.name": "svc" } },
    });
    expect(span!.parentSpanId).toBeUndefined();
  });

  it("accepts base64 ids and enum names", () => {
    const [span] = decodeOtlpJson(
      request({
        traceId: "W47/95gDgQPSabYzgT/GDA==",
        spanId: "7uGbfsPBsXQ=",
        kind: "SPAN_KIND_SERVER",
        status: { code: "STATUS_CODE_OK" },
      }),
    );
    expect(span).toMatchObject({ traceId: "5b8efff798038103d269b633813fc60c", spanId: "eee19b7ec3c1b174", kind: "SERVER", status: { code: "OK" } });
  });

  it("reads the pre-1.0 instrumentationLibrarySpans name", () => {
    const spans = decodeOtlpJson({
      resourceSpans: [{ instrumentationLibrarySpans: [{ instrumentationLibrary: { name: "old" }, spans: [{ name: "a" }] }] }],
    });
    expect(spans).toHaveLength(1);
    expect(spans[0]!.scope).toEqual({ name: "old" });
  });

  it("decodes JSON text and JSON Lines (one request per line)", () => {
    const one = JSON.stringify(request({ name: "first" }));
    const two = JSON.stringify(request({ name: "second" }));
    expect(decodeOtlpJson(one).map((s) => s.name)).toEqual(["first"]);
    expect(decodeOtlpJson(`${one}\n\n${two}\n`).map((s) => s.name)).toEqual(["first", "second"]);
  });

  it("attaches log records to their span by span id, named by eventName or the event.name attribute", () => {
    const spans = decodeOtlpJson(request({ spanId: "eee19b7ec3c1b174", events: [] }), {
      logs: {
        resourceLogs: [
          {
            scopeLogs: [
              {
                logRecords: [
                  {
                    timeUnixNano: "20",
                    spanId: "eee19b7ec3c1b174",
                    attributes: [{ key: "event.name", value: { stringValue: "gen_ai.user.message" } }],
                    body: { kvlistValue: { values: [{ key: "content", value: { stringValue: "hi" } }] } },
                  },
                  { timeUnixNano: "10", spanId: "eee19b7ec3c1b174", eventName: "gen_ai.system.message" },
                  { spanId: "0000000000000001", eventName: "elsewhere" },
                ],
              },
            ],
          },
        ],
      },
    });
    expect(spans[0]!.events).toEqual([
      { name: "gen_ai.system.message", timeUnixNano: "10", attributes: {} },
      { name: "gen_ai.user.message", timeUnixNano: "20", attributes: { "event.name": "gen_ai.user.message", body: { content: "hi" } } },
    ]);
  });
});

describe("decodeOtlpJson: malformed documents name the path", () => {
  it.each([
    ["not an object", 42, "(root)"],
    ["no resourceSpans", { spans: [] }, "(root)"],
    ["resourceSpans not an array", { resourceSpans: {} }, "resourceSpans"],
    ["attributes as an object", request({ attributes: { a: 1 } }), "resourceSpans[0].scopeSpans[0].spans[0].attributes"],
    ["key/value without key", request({ attributes: [{ value: { stringValue: "x" } }] }), "resourceSpans[0].scopeSpans[0].spans[0].attributes[0]"],
    ["bad intValue", request({ attributes: [{ key: "n", value: { intValue: "12a" } }] }), "resourceSpans[0].scopeSpans[0].spans[0].attributes[0].value.intValue"],
    ["bad bytes", request({ attributes: [{ key: "n", value: { bytesValue: "***" } }] }), "resourceSpans[0].scopeSpans[0].spans[0].attributes[0].value.bytesValue"],
    ["AnyValue not an object", request({ attributes: [{ key: "n", value: "x" }] }), "resourceSpans[0].scopeSpans[0].spans[0].attributes[0].value"],
    ["bad trace id", request({ traceId: "xyz" }), "resourceSpans[0].scopeSpans[0].spans[0].traceId"],
    ["bad kind", request({ kind: 9 }), "resourceSpans[0].scopeSpans[0].spans[0].kind"],
    ["bad time", request({ startTimeUnixNano: "soon" }), "resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano"],
    ["bad event", request({ events: [null] }), "resourceSpans[0].scopeSpans[0].spans[0].events[0]"],
  ])("%s", (_label, input, path) => {
    const error = decodeError(input);
    expect(error.path).toBe(path);
    expect(error.message.startsWith(`${path}: `)).toBe(true);
  });

  it("explains that attributes must be a key/value list", () => {
    expect(decodeError(request({ attributes: { a: 1 } })).message).toContain('list of {"key"');
  });

  it("names the JSON Lines line that is broken", () => {
    const good = JSON.stringify(request({}));
    const error = decodeError(`${good}\n{"resourceSpans": [\n`);
    expect(error.path).toBe("line 2");
  });
});

describe("encodeOtlpJson", () => {
  it("round-trips decoded spans, grouping by resource and scope", () => {
    const input = request({
      traceId: "5b8efff798038103d269b633813fc60c",
      spanId: "eee19b7ec3c1b174",
      parentSpanId: "0102030405060708",
      kind: 3,
      startTimeUnixNano: "1",
      endTimeUnixNano: "2",
      status: { code: 2, message: "m" },
      attributes: [
        { key: "s", value: { stringValue: "x" } },
        { key: "i", value: { intValue: "3" } },
        { key: "d", value: { doubleValue: 1.5 } },
        { key: "a", value: { arrayValue: { values: [{ boolValue: true }] } } },
        { key: "kv", value: { kvlistValue: { values: [{ key: "y", value: { stringValue: "z" } }] } } },
        { key: "b", value: { bytesValue: "AQI=" } },
      ],
      events: [{ name: "e", timeUnixNano: "5", attributes: [] }],
    });
    const decoded = decodeOtlpJson(input);
    const encoded = encodeOtlpJson(decoded);
    expect(encoded.resourceSpans).toHaveLength(1);
    expect(encoded.resourceSpans[0]!.scopeSpans[0]!.spans[0]).toMatchObject({ kind: 3, status: { code: 2, message: "m" } });
    expect(decodeOtlpJson(JSON.parse(JSON.stringify(encoded)))).toEqual(decoded);
  });

  it("throws on misuse", () => {
    expect(() => encodeOtlpJson({} as never)).toThrow(TypeError);
  });
});
