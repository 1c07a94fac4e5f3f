import { describe, expect, it } from "vitest";
import { decodeOtlpJson, encodeOtlpJson, OtlpDecodeError, toMlflowSpan } from "../../src/index.js";

/** A one-span request with the given span fields. */
function request(span: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    resourceSpans: [{ ...extra, scopeSpans: [{ scope: { name: "lib" }, spans: [{ name: "s", ...span }] }] }],
  };
}

function decodeError(input: unknown, options = {}): OtlpDecodeError {
  try {
    decodeOtlpJson(input, options);
  } catch (error) {
    expect(error).toBeInstanceOf(OtlpDecodeError);
    return error as OtlpDecodeError;
  }
  throw new Error("expected a decode error");
}

function nested(kind: "arrayValue" | "kvlistValue", depth: number): unknown {
  let value: unknown = { stringValue: "leaf" };
  for (let i = 0; i < depth; i++) {
    value = kind === "arrayValue" ? { arrayValue: { values: [value] } } : { kvlistValue: { values: [{ key: "k", value }] } };
  }
  return value;
}

describe("decodeOtlpJson robustness", () => {
  it.each(["arrayValue", "kvlistValue"] as const)("%s nested 3,000 deep is an OtlpDecodeError with a path, not a RangeError", (kind) => {
    const error = decodeError(request({ attributes: [{ key: "deep", value: nested(kind, 3000) }] }));
    expect(error.path.startsWith("resourceSpans[0].scopeSpans[0].spans[0].attributes[0].value")).toBe(true);
    expect(error.message).toContain("nested more than 128 deep");
  });

  it("nesting up to the bound decodes", () => {
    const [span] = decodeOtlpJson(request({ attributes: [{ key: "deep", value: nested("arrayValue", 128) }] }));
    let v: unknown = span!.attributes.deep;
    let depth = 0;
    while (Array.isArray(v)) {
      v = v[0];
      depth++;
    }
    expect([depth, v]).toEqual([128, "leaf"]);
  });

  it("joins a JSON Lines logs file to its JSON Lines traces in linear work (each line reuses one index)", () => {
    const n = 2400;
    const id = (i: number) => (i + 1).toString(16).padStart(16, "0");
    const traceLines = Array.from({ length: n }, (_, i) => JSON.stringify(request({ spanId: id(i), traceId: "1".repeat(32) })));
    const logs = Array.from({ length: n }, (_, i) =>
      JSON.stringify({ resourceLogs: [{ scopeLogs: [{ logRecords: [{ spanId: id(i), timeUnixNano: "5", eventName: `e${i}` }] }] }] }),
    ).join("\n");
    // What the CLI does: decode line by line with the same logs text. Count record visits through a
    // getter on the parsed text is not possible, so count through the result: every span gets exactly its record.
    const names = traceLines.map((line) => decodeOtlpJson(line, { logs })[0]!.events.map((e) => e.name));
    expect(names).toEqual(Array.from({ length: n }, (_, i) => [`e${i}`]));
  });

  it("a shared logs index is not mutated through a decoded span", () => {
    const logs = { resourceLogs: [{ scopeLogs: [{ logRecords: [{ spanId: "0000000000000001", eventName: "e", attributes: [{ key: "a", value: { stringValue: "1" } }] }] }] }] };
    const first = decodeOtlpJson(request({ spanId: "0000000000000001" }), { logs });
    first[0]!.events[0]!.attributes.a = "changed";
    const second = decodeOtlpJson(request({ spanId: "0000000000000001" }), { logs });
    expect(second[0]!.events[0]!.attributes).toEqual({ a: "1" });
  });

  it("keeps links, traceState and flags through decode and encode", () => {
    const input = request({
      traceId: "5b8efff798038103d269b633813fc60c",
      spanId: "eee19b7ec3c1b174",
      kind: 1,
      status: { code: 0 },
      traceState: "vendor=a,other=b",
      flags: 0x301,
      links: [
        { traceId: "0102030405060708090a0b0c0d0e0f10", spanId: "0102030405060708", traceState: "x=y", flags: 1, attributes: [{ key: "k", value: { intValue: "2" } }] },
        { traceId: "AQIDBAUGBwgJCgsMDQ4PEA==", spanId: "AQIDBAUGBwg=" },
      ],
    });
    const [span] = decodeOtlpJson(input);
    expect(span).toMatchObject({
      traceState: "vendor=a,other=b",
      flags: 0x301,
      links: [
        { traceId: "0102030405060708090a0b0c0d0e0f10", spanId: "0102030405060708", traceState: "x=y", flags: 1, attributes: { k: 2 } },
        { traceId: "0102030405060708090a0b0c0d0e0f10", spanId: "0102030405060708", attributes: {} },
      ],
    });
    const encoded = encodeOtlpJson([span!]).resourceSpans[0]!.scopeSpans[0]!.spans[0]!;
    expect(encoded).toMatchObject({ traceState: "vendor=a,other=b", flags: 0x301 });
    expect(encoded.links).toEqual([
      { traceId: "0102030405060708090a0b0c0d0e0f10", spanId: "0102030405060708", traceState: "x=y", flags: 1, attributes: [{ key: "k", value: { intValue: "2" } }] },
      { traceId: "0102030405060708090a0b0c0d0e0f10", spanId: "0102030405060708", attributes: [] },
    ]);
    expect(decodeOtlpJson(JSON.parse(JSON.stringify(encodeOtlpJson([span!]))))).toEqual([span]);
  });

  it("encodes the links of an OTel SDK span (Link with a context)", () => {
    const encoded = encodeOtlpJson([
      {
        name: "sdk",
        attributes: {},
        links: [{ context: { traceId: "0102030405060708090a0b0c0d0e0f10", spanId: "0102030405060708", traceFlags: 1, traceState: { serialize: () => "a=b" } }, attributes: { x: "y" } }],
      },
    ]);
    expect(encoded.resourceSpans[0]!.scopeSpans[0]!.spans[0]!.links).toEqual([
      { traceId: "0102030405060708090a0b0c0d0e0f10", spanId: "0102030405060708", traceState: "a=b", flags: 1, attributes: [{ key: "x", value: { stringValue: "y" } }] },
    ]);
  });

  it("accepts proto3 JSON null for resource, kind and status.code", () => {
    const [span] = decodeOtlpJson(request({ kind: null, status: { code: null, message: "m" } }, { resource: null }));
    expect(span!.kind).toBeUndefined();
    expect(span!.status).toEqual({ code: "UNSET", message: "m" });
    expect(span!.resource).toEqual({ attributes: {} });
  });

  it.each(["0x10", "0b1", " ", "1_000", "Infinityx"])('doubleValue "%s" is not a number', (raw) => {
    const error = decodeError(request({ attributes: [{ key: "d", value: { doubleValue: raw } }] }));
    expect(error.path).toBe("resourceSpans[0].scopeSpans[0].spans[0].attributes[0].value.doubleValue");
  });

  it("doubleValue strings in JSON number syntax are numbers", () => {
    const [span] = decodeOtlpJson(request({ attributes: [["a", "1.5"], ["b", "-2e3"], ["c", ".5"], ["d", "7"]].map(([key, v]) => ({ key, value: { doubleValue: v } })) }));
    expect(span!.attributes).toEqual({ a: 1.5, b: -2000, c: 0.5, d: 7 });
  });

  it("accepts bigint intValue and times (what int64-aware readers give), exact beyond 2^53, and encodes bigint attributes", () => {
    const [span] = decodeOtlpJson(
      request({
        startTimeUnixNano: 1735689600000000001n,
        attributes: [
          { key: "small", value: { intValue: 42n } },
          { key: "big", value: { intValue: 9223372036854775807n } },
          { key: "neg", value: { intValue: -9007199254740993n } },
        ],
      }),
    );
    expect(span!.attributes).toEqual({ small: 42, big: "9223372036854775807", neg: "-9007199254740993" });
    expect(span!.startTimeUnixNano).toBe("1735689600000000001");
    // A bigint attribute is taken as decoding gives an int64: a number when exact, else its digits.
    const encoded = encodeOtlpJson([{ name: "b", attributes: { n: 9223372036854775807n as never, m: 5n as never } }]);
    expect(encoded.resourceSpans[0]!.scopeSpans[0]!.spans[0]!.attributes).toEqual([
      { key: "n", value: { stringValue: "9223372036854775807" } },
      { key: "m", value: { intValue: "5" } },
    ]);
  });

  it("toMlflowSpan takes bigint attribute values (as int64-aware readers give them) without throwing", () => {
    const span = toMlflowSpan({
      name: "chat",
      attributes: { "gen_ai.operation.name": "chat", "gen_ai.usage.input_tokens": 10n, "gen_ai.usage.output_tokens": 2n, big: 2n ** 70n, list: [1n, 2] } as never,
    });
    expect(span.tokenUsage).toMatchObject({ input_tokens: 10, output_tokens: 2, total_tokens: 12 });
    expect(span.attributes).toMatchObject({ big: "1180591620717411303424", list: [1, 2] });
  });

  it("{} is a legal empty request: zero spans", () => {
    expect(decodeOtlpJson({})).toEqual([]);
    expect(decodeOtlpJson("{}")).toEqual([]);
    expect(decodeOtlpJson({ resourceSpans: null })).toEqual([]);
    // Not every object is a request: unknown keys alone still say what is missing.
    expect(decodeError({ spans: [] }).path).toBe("(root)");
  });
});
