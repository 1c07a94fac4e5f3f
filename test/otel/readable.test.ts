/**
 * `toReadableSpan` builds objects the stock OTel exporters accept: every captured fixture, written in
 * each target convention, goes through the real OTLP serializers of SDK 2.x (`@opentelemetry/otlp-transformer`
 * 0.223) and 1.x (0.57, `otlp-transformer-v1`), JSON and protobuf, and comes back with the same
 * attributes, ids, times, kind, status, events, scope and resource.
 */
import { JsonTraceSerializer, ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import {
  JsonTraceSerializer as JsonTraceSerializer1,
  ProtobufTraceSerializer as ProtobufTraceSerializer1,
} from "otlp-transformer-v1";
import { statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeOtlpJson, EMIT_TARGETS, fromMlflowSpan, toMlflowSpan, type MlflowSpan, type SpanLike } from "../../src/index.js";
import { toReadableSpan, toReadableSpans, type ReadableSpan } from "../../src/otel/index.js";
import { listFixtures, loadFixture, type Fixture } from "../helpers/fixtures.js";
import { decodeProtobufTraces } from "./mock-mlflow.js";

interface Serializer {
  serializeRequest(spans: never[]): Uint8Array | undefined;
}
const JSON_SERIALIZERS: Array<[string, Serializer]> = [
  ["otlp-transformer 0.223 (SDK 2.x)", JsonTraceSerializer as unknown as Serializer],
  ["otlp-transformer 0.57 (SDK 1.x)", JsonTraceSerializer1 as unknown as Serializer],
];
const PROTOBUF_SERIALIZERS: Array<[string, Serializer]> = [
  ["otlp-transformer 0.223 (SDK 2.x)", ProtobufTraceSerializer as unknown as Serializer],
  ["otlp-transformer 0.57 (SDK 1.x)", ProtobufTraceSerializer1 as unknown as Serializer],
];

const serialize = (serializer: Serializer, spans: ReadableSpan[]): Uint8Array => {
  const bytes = serializer.serializeRequest(spans as never[]);
  if (!bytes) throw new Error("the serializer returned nothing");
  return bytes;
};

/** JSON round trip of plain values (the serializers carry integers and doubles, arrays and maps). */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value ?? {}));

/**
 * The serializers are the subject here, not the translation (test/golden covers every fixture): per
 * fixture folder, the two largest captures (the most attributes, events and value types). Every fixture
 * in every target took a quarter of the suite's time once the captures passed 200.
 */
function sample(all: Fixture[]): Fixture[] {
  const byFolder = new Map<string, Fixture[]>();
  for (const f of all) {
    const folder = f.id.split("/")[0]!;
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), f]);
  }
  return [...byFolder.values()].flatMap((list) => list.sort((a, b) => statSync(b.tracePath).size - statSync(a.tracePath).size || a.id.localeCompare(b.id)).slice(0, 2));
}
const fixtures = sample(listFixtures()).map((f) => ({ id: f.id, canonical: loadFixture(f).map((s) => toMlflowSpan(s)) }));

describe("toReadableSpan through the stock OTLP serializers", () => {
  it("found two fixtures of every fixture folder", () => {
    expect(fixtures.length).toBeGreaterThan(25);
  });

  for (const [label, serializer] of JSON_SERIALIZERS) {
    it(`JSON, ${label}: two fixtures of every folder, in every target convention, come back unchanged`, () => {
      for (const { id, canonical } of fixtures) {
        for (const to of EMIT_TARGETS) {
          const emitted = canonical.map((span) => fromMlflowSpan(span, { to }));
          const readable = toReadableSpans(canonical, { to });
          const text = new TextDecoder().decode(serialize(serializer, readable));
          const decoded = decodeOtlpJson(text);
          // One resource (the fixture's) and one scope group per instrumentation scope, as the SDK sends them.
          expect(JSON.parse(text).resourceSpans, `${id} ${to}`).toHaveLength(1);
          const byId = new Map(decoded.map((s) => [s.spanId, s]));
          expect(decoded, `${id} ${to}`).toHaveLength(emitted.length);
          for (const source of emitted) {
            const back = byId.get(source.spanId)!;
            const where = `${id} ${to} ${source.name}`;
            expect(back, where).toBeDefined();
            expect(back.name, where).toBe(source.name);
            expect(plain(back.attributes), where).toEqual(plain(source.attributes));
            expect([back.traceId, back.parentSpanId, back.startTimeUnixNano, back.endTimeUnixNano], where).toEqual([
              source.traceId,
              source.parentSpanId,
              source.startTimeUnixNano,
              source.endTimeUnixNano,
            ]);
            expect(back.kind, where).toBe(source.kind === "UNSPECIFIED" ? "INTERNAL" : source.kind);
            expect(back.status ?? { code: "UNSET" }, where).toEqual(source.status ?? { code: "UNSET" });
            expect(plain(back.events ?? []), where).toEqual(plain(source.events ?? []));
            expect(back.scope?.name, where).toBe(source.scope?.name);
            expect(plain(back.resource?.attributes), where).toEqual(plain(source.resource?.attributes));
          }
          // The target convention's reading of the exported spans is the reading of the emitted ones.
          for (const span of decoded) {
            const source = emitted.find((s) => s.spanId === span.spanId)!;
            const a = toMlflowSpan(span);
            const b = toMlflowSpan(source);
            expect({ ...a, diagnostics: [] }, `${id} ${to}`).toEqual({ ...b, diagnostics: [] });
          }
        }
      }
    });
  }

  for (const [label, serializer] of PROTOBUF_SERIALIZERS) {
    it(`protobuf, ${label}: attributes, ids and times survive (decoded by generated protobufjs code)`, () => {
      for (const { id, canonical } of fixtures) {
        for (const to of EMIT_TARGETS) {
          const emitted = canonical.map((span) => fromMlflowSpan(span, { to }));
          const received = decodeProtobufTraces(serialize(serializer, toReadableSpans(canonical, { to })));
          expect(received, `${id} ${to}`).toHaveLength(emitted.length);
          for (const source of emitted) {
            const back = received.find((s) => s.spanId === source.spanId)!;
            const where = `${id} ${to} ${source.name}`;
            expect(back.attributes, where).toEqual(plain(source.attributes));
            expect([back.traceId, back.parentSpanId || undefined, back.startTimeUnixNano, back.endTimeUnixNano], where).toEqual([
              source.traceId,
              source.parentSpanId,
              source.startTimeUnixNano,
              source.endTimeUnixNano,
            ]);
            expect(back.events.map((e) => [e.name, e.timeUnixNano]), where).toEqual((source.events ?? []).map((e) => [e.name, e.timeUnixNano]));
          }
        }
      }
    });
  }

  it("takes any span: a plain attribute object gets ids, a default scope and zero times", () => {
    const span = toReadableSpan({ attributes: { "gen_ai.operation.name": "chat", "gen_ai.request.model": "gpt-4o" } }, { to: "openinference" });
    expect(span.attributes).toMatchObject({ "openinference.span.kind": "LLM", "llm.model_name": "gpt-4o" });
    expect(span.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(span.spanContext().spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(span.instrumentationScope).toEqual({ name: "mlflow-semconv" });
    expect([span.startTime, span.endTime, span.duration]).toEqual([[0, 0], [0, 0], [0, 0]]);
    expect(span.parentSpanContext).toBeUndefined();
    const text = new TextDecoder().decode(serialize(JsonTraceSerializer as unknown as Serializer, [span]));
    expect(toMlflowSpan(decodeOtlpJson(text)[0]!).model).toBe("gpt-4o");
  });

  it("keeps nanosecond times exact and applies the resource and scope options to spans without their own", () => {
    const canonical: MlflowSpan = {
      ...toMlflowSpan({ attributes: { "gen_ai.operation.name": "chat" } }),
      traceId: "0af7651916cd43dd8448eb211c80319c",
      spanId: "b7ad6b7169203331",
      parentSpanId: "00f067aa0ba902b7",
      startTimeUnixNano: "1735689600123456789",
      endTimeUnixNano: "1735689601000000001",
      kind: "CLIENT",
      status: { code: "ERROR", message: "boom" },
    };
    const span = toReadableSpan(canonical, { to: "genai", resource: { "service.name": "exported" }, scope: { name: "my-exporter", version: "1.2.3" } });
    expect([span.startTime, span.endTime, span.duration]).toEqual([[1735689600, 123456789], [1735689601, 1], [0, 876543212]]);
    expect(span.kind).toBe(2);
    expect(span.status).toEqual({ code: 2, message: "boom" });
    expect(span.parentSpanContext?.spanId).toBe("00f067aa0ba902b7");
    expect(span.parentSpanId).toBe("00f067aa0ba902b7");
    expect(span.resource.attributes).toEqual({ "service.name": "exported" });
    expect(span.instrumentationScope).toEqual({ name: "my-exporter", version: "1.2.3" });
    const back = decodeOtlpJson(new TextDecoder().decode(serialize(JsonTraceSerializer as unknown as Serializer, [span])))[0]!;
    expect([back.startTimeUnixNano, back.endTimeUnixNano]).toEqual(["1735689600123456789", "1735689601000000001"]);
  });

  it("throws on misuse only, as fromMlflowSpan does", () => {
    expect(() => toReadableSpan({ attributes: {} }, { to: "vercel-ai" as never })).toThrow(/options.to must be one of/);
    expect(() => toReadableSpan(null as unknown as SpanLike, { to: "genai" })).toThrow(/expects a span object/);
  });
});
