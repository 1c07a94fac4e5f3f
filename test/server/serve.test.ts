/**
 * `serve` end to end: real OTel JS exporters -> the receiver -> a mock MLflow that decodes protobuf
 * with its own schema (protobufjs), and the receiver's answers to bad, large and partial requests.
 */
import { afterEach, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { request as httpRequest } from "node:http";
import { OTLPTraceExporter as ProtoExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { OTLPTraceExporter as JsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPLogExporter } from "@opentelemetry/exporter-logs-otlp-http";
import { decodeOtlpJson, toMlflowAttributes, toMlflowSpan, type DecodedSpan } from "../../src/index.js";
import type { Receiver } from "../../src/server/receiver.js";
import { listFixtures, loadFixture } from "../helpers/fixtures.js";
import { attributeMap, fixtureRecords, MockMlflow, replayThroughSdk, replayWithLogs, startServe, waitFor, type OtlpJsonSpan } from "./helpers.js";
import { jsonToProtobuf, RpcStatus, TraceResponse } from "../helpers/otlp-proto.js";

const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanup.length > 0) await cleanup.pop()!();
});

async function setup(overrides: Parameters<typeof startServe>[0] = {}) {
  const mlflow = await new MockMlflow().start();
  cleanup.push(() => mlflow.stop());
  const logs: string[] = [];
  const serve = await startServe({ mlflow: mlflow.url, experimentId: "7", headers: { authorization: "Bearer t0ken" }, joinWindowMs: 0, ...overrides }, logs);
  cleanup.push(() => serve.close());
  return { mlflow, serve, logs };
}

/** mlflow.* attributes the library writes for a span recorded with the same content. */
function expectedMlflowAttributes(span: DecodedSpan): Record<string, unknown> {
  const stored = toMlflowAttributes(toMlflowSpan({ name: span.name, kind: span.kind, attributes: span.attributes, events: span.events, status: span.status }));
  return Object.fromEntries(Object.entries(stored).filter(([k]) => k.startsWith("mlflow.")));
}

function mlflowAttributes(span: OtlpJsonSpan): Record<string, unknown> {
  return Object.fromEntries(Object.entries(attributeMap(span)).filter(([k]) => k.startsWith("mlflow.")));
}

const REPLAYED = [
  "genai/anthropic-native__messages-tools",
  "openinference/openinference-anthropic__messages-tools",
  "openllmetry/traceloop-anthropic__messages-stream",
  "vercel-ai/vercel-ai-anthropic__generate-text-tools",
];

async function post(receiver: Receiver, path: string, body: Uint8Array | string, headers: Record<string, string>) {
  const response = await fetch(`${receiver.url}${path}`, { method: "POST", body, headers });
  return { status: response.status, headers: response.headers, body: new Uint8Array(await response.arrayBuffer()) };
}

describe("serve forwards spans from the real OTel exporters to MLflow", () => {
  for (const [label, makeExporter] of [
    ["http/protobuf with gzip", (url: string) => new ProtoExporter({ url: `${url}/v1/traces`, compression: "gzip" as never })],
    ["http/json", (url: string) => new JsonExporter({ url: `${url}/v1/traces` })],
  ] as const) {
    it(`${label}: every span arrives with the experiment header, the mlflow.* attributes and its own attributes`, async () => {
      const { mlflow, serve } = await setup();
      const sent = new Map<string, DecodedSpan>();
      for (const id of REPLAYED) {
        for (const [spanId, source] of await replayThroughSdk(loadFixture(id), makeExporter(serve.url))) sent.set(spanId, source);
      }
      await waitFor(() => mlflow.spans().length === sent.size, `${sent.size} spans at the mock MLflow`);
      for (const request of mlflow.requests) {
        expect(request.headers["x-mlflow-experiment-id"]).toBe("7");
        expect(request.headers.authorization).toBe("Bearer t0ken");
      }
      const types = new Set<unknown>();
      for (const span of mlflow.spans()) {
        const attributes = attributeMap(span);
        const source = sent.get(span.spanId)!;
        expect(source.name).toBe(span.name);
        // Every source attribute is still there, next to the mlflow.* ones.
        for (const key of Object.keys(source.attributes)) expect(attributes).toHaveProperty([key]);
        expect(mlflowAttributes(span)).toEqual(expectedMlflowAttributes(source));
        types.add(attributes["mlflow.spanType"]);
      }
      expect(types).toContain('"CHAT_MODEL"');
      // Counted once the upstream's answer is read, just after the mock has stored the spans.
      await waitFor(() => serve.stats.total(serve.stats.spansOut) === sent.size, "the out counter");
      expect(serve.stats.total(serve.stats.spansIn)).toBe(sent.size);
    });
  }

  it("keeps the parent/child shape and trace ids", async () => {
    const { mlflow, serve } = await setup();
    const spans = loadFixture("vercel-ai/vercel-ai-anthropic__generate-text-tools");
    await replayThroughSdk(spans, new ProtoExporter({ url: `${serve.url}/v1/traces` }));
    await waitFor(() => mlflow.spans().length === spans.length, "the spans");
    const got = mlflow.spans();
    const roots = got.filter((s) => !s.parentSpanId);
    expect(roots).toHaveLength(spans.filter((s) => !s.parentSpanId).length);
    expect(new Set(got.map((s) => s.traceId)).size).toBe(1);
    for (const span of got) if (span.parentSpanId) expect(got.map((s) => s.spanId)).toContain(span.parentSpanId);
  });
});

describe("the span envelope passes through", () => {
  it("links, trace state, flags, kind, status, events, scope and resource reach MLflow as sent", async () => {
    const { mlflow, serve } = await setup();
    const span = {
      traceId: "5".repeat(32),
      spanId: "6".repeat(16),
      parentSpanId: "7".repeat(16),
      traceState: "vendor=abc",
      flags: 257,
      name: "with links",
      kind: 3,
      startTimeUnixNano: "1735689600000000001",
      endTimeUnixNano: "1735689600000000009",
      attributes: [{ key: "gen_ai.operation.name", value: { stringValue: "chat" } }],
      events: [{ timeUnixNano: "1735689600000000002", name: "e", attributes: [{ key: "k", value: { intValue: "1" } }] }],
      links: [{ traceId: "8".repeat(32), spanId: "9".repeat(16), traceState: "x=y", attributes: [{ key: "l", value: { boolValue: true } }], flags: 1 }],
      status: { code: 2, message: "boom" },
    };
    const request = { resourceSpans: [{ resource: { attributes: [{ key: "service.name", value: { stringValue: "svc" } }] }, scopeSpans: [{ scope: { name: "lib", version: "1.2" }, spans: [span] }] }] };
    expect((await post(serve, "/v1/traces", jsonToProtobuf("traces", request), { "content-type": "application/x-protobuf" })).status).toBe(200);
    await waitFor(() => mlflow.spans().length === 1, "the span");
    const got = mlflow.requests[0]!.json as unknown as typeof request;
    const out = got.resourceSpans[0]!.scopeSpans[0]!.spans[0]!;
    expect(got.resourceSpans[0]!.resource).toEqual(request.resourceSpans[0]!.resource);
    expect(got.resourceSpans[0]!.scopeSpans[0]!.scope).toEqual({ name: "lib", version: "1.2" });
    const { attributes: _a, ...envelope } = out;
    const { attributes: _b, ...sentEnvelope } = span;
    expect(envelope).toEqual(sentEnvelope);
    expect(out.attributes.map((a) => a.key)).toEqual(["gen_ai.operation.name", ...Object.keys(expectedMlflowAttributes(decodeOtlpJson(request)[0]!))]);
  });
});

describe("GenAI content in log records is joined to its span", () => {
  const fixture = listFixtures().find((f) => f.id === "genai/otel-openai__chat")!;
  const traceJson = readFileSync(fixture.tracePath, "utf8");
  const logsJson = readFileSync(fixture.logsPath!, "utf8");
  const joined = decodeOtlpJson(traceJson, { logs: logsJson })[0]!;
  const expected = expectedMlflowAttributes(joined);

  it("the expected translation has the content (the test can fail)", () => {
    expect(expected["mlflow.spanInputs"]).toContain("messages");
    expect(expectedMlflowAttributes(decodeOtlpJson(traceJson)[0]!)).not.toEqual(expected);
  });

  for (const order of ["logs-first", "span-first"] as const) {
    it(`through the real OTel exporters (spans http/protobuf, logs http/json), ${order === "logs-first" ? "logs exported before the span" : "logs exported after the span"}`, async () => {
      const { mlflow, serve } = await setup({ joinWindowMs: order === "logs-first" ? 60_000 : 1000 });
      const source = decodeOtlpJson(traceJson)[0]!;
      const spanId = await replayWithLogs(
        source,
        fixtureRecords(logsJson),
        new ProtoExporter({ url: `${serve.url}/v1/traces` }),
        new OTLPLogExporter({ url: `${serve.url}/v1/logs` }),
        order,
      );
      if (order === "logs-first") await serve.close(); // the span is held for 60 s: stopping releases it
      await waitFor(() => mlflow.spans().length === 1, "the joined span");
      const span = mlflow.spans()[0]!;
      expect(span.spanId).toBe(spanId);
      expect(span.events?.map((e) => e.name)).toEqual(joined.events.map((e) => e.name));
      expect(mlflowAttributes(span)).toEqual(expected);
      expect(serve.stats.logRecordsJoined).toBe(joined.events.length);
    });
  }

  it("logs before the span (protobuf traces, JSON logs)", async () => {
    const { mlflow, serve } = await setup({ joinWindowMs: 60_000 });
    expect((await post(serve, "/v1/logs", logsJson, { "content-type": "application/json" })).status).toBe(200);
    const traces = jsonToProtobuf("traces", JSON.parse(traceJson));
    expect((await post(serve, "/v1/traces", traces, { "content-type": "application/x-protobuf" })).status).toBe(200);
    // Held for the window (60 s): the close below releases it, as SIGTERM does.
    expect(serve.pipeline.heldSpans).toBe(1);
    await serve.close();
    const [span] = mlflow.spans();
    expect(mlflowAttributes(span!)).toEqual(expected);
    expect(span!.events?.map((e) => e.name)).toEqual(joined.events.map((e) => e.name));
    expect(serve.stats.logRecordsJoined).toBe(joined.events.length);
  });

  it("logs after the span, within the join window (JSON traces, protobuf logs)", async () => {
    const { mlflow, serve } = await setup({ joinWindowMs: 300 });
    expect((await post(serve, "/v1/traces", traceJson, { "content-type": "application/json" })).status).toBe(200);
    const logs = jsonToProtobuf("logs", JSON.parse(logsJson));
    expect((await post(serve, "/v1/logs", logs, { "content-type": "application/x-protobuf" })).status).toBe(200);
    await waitFor(() => mlflow.spans().length === 1, "the joined span after the window");
    expect(mlflowAttributes(mlflow.spans()[0]!)).toEqual(expected);
  });

  it("a span whose logs never come leaves after the window, without them", async () => {
    const { mlflow, serve } = await setup({ joinWindowMs: 100 });
    expect((await post(serve, "/v1/traces", traceJson, { "content-type": "application/json" })).status).toBe(200);
    await waitFor(() => mlflow.spans().length === 1, "the span");
    expect(mlflowAttributes(mlflow.spans()[0]!)).toEqual(expectedMlflowAttributes(decodeOtlpJson(traceJson)[0]!));
  });
});

describe("the join stores are bounded", () => {
  const fixture = listFixtures().find((f) => f.id === "genai/otel-openai__chat")!;
  const traceJson = readFileSync(fixture.tracePath, "utf8");
  const logsJson = readFileSync(fixture.logsPath!, "utf8");
  const other = (spanId: string) => traceJson.replaceAll("0d49b97419a40d3d", spanId);

  it("held spans count toward the buffer: past it, 503", async () => {
    const { serve } = await setup({ joinWindowMs: 60_000, maxBufferedSpans: 1 });
    expect((await post(serve, "/v1/traces", traceJson, { "content-type": "application/json" })).status).toBe(200);
    expect(serve.pipeline.heldSpans).toBe(1);
    const second = await post(serve, "/v1/traces", other("1111111111111111"), { "content-type": "application/json" });
    expect(second.status).toBe(503);
    expect(second.headers.get("retry-after")).toBe("2");
  });

  it("records waiting for their span are bounded in bytes, and counted unmatched when their span never comes", async () => {
    const { serve } = await setup({ joinWindowMs: 0, logHoldMs: 100, maxWaitingLogBytes: 100 });
    expect((await post(serve, "/v1/logs", logsJson, { "content-type": "application/json" })).status).toBe(200);
    expect(serve.pipeline.waitingLogSpans).toBe(1);
    expect((await post(serve, "/v1/logs", logsJson, { "content-type": "application/json" })).status).toBe(503);
    await waitFor(() => serve.pipeline.waitingLogSpans === 0, "the hold time to pass");
    expect(serve.stats.logRecordsUnmatched).toBe(3);
    expect((await post(serve, "/v1/logs", logsJson, { "content-type": "application/json" })).status).toBe(200);
  });
});

describe("nothing is lost", () => {
  it("the upstream dies mid-run and comes back: every span arrives", async () => {
    const { mlflow, serve } = await setup({ batchSize: 8 });
    const exporter = () => new ProtoExporter({ url: `${serve.url}/v1/traces` });
    const spans = loadFixture("openinference/openinference-anthropic__messages-tools");
    const sentIds: string[] = [];
    const round = async () => sentIds.push(...(await replayThroughSdk(spans, exporter())).keys());
    await round();
    await waitFor(() => mlflow.spans().length === sentIds.length, "the first round");
    await mlflow.stop();
    for (let i = 0; i < 5; i++) await round();
    await waitFor(() => serve.stats.retries >= 2, "failed attempts while the upstream is down");
    expect(serve.pipeline.bufferedSpans).toBeGreaterThan(0);
    await mlflow.start(); // same port
    for (let i = 0; i < 3; i++) await round();
    await waitFor(() => new Set(mlflow.spans().map((s) => s.spanId)).size === sentIds.length, "every span after the upstream is back");
    expect(new Set(mlflow.spans().map((s) => s.spanId))).toEqual(new Set(sentIds));
    // Released once the upstream's answer is read, just after the mock has stored the spans.
    await waitFor(() => serve.pipeline.bufferedSpans === 0, "the buffer to empty");
    expect(serve.stats.upstreamRejected).toBe(0);
  });

  it("a request whose body is still arriving when the receiver stops gets 503, not a 200 for spans never sent", async () => {
    const { mlflow, serve } = await setup();
    const body = JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: "c".repeat(32), spanId: "d".repeat(16), name: "late" }] }] }] });
    const status = new Promise<{ status: number; retryAfter: string | undefined }>((resolve, reject) => {
      const req = httpRequest(`${serve.url}/v1/traces`, { method: "POST", headers: { "content-type": "application/json", "content-length": String(body.length) } }, (res) => {
        res.resume();
        resolve({ status: res.statusCode!, retryAfter: res.headers["retry-after"] as string | undefined });
      });
      req.on("error", reject);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        void serve.close();
        req.end(body.slice(10));
      }, 50);
    });
    expect(await status).toEqual({ status: 503, retryAfter: "2" });
    expect(mlflow.spans()).toHaveLength(0);
  });

  it("an upstream that answers 503 is retried until it accepts", async () => {
    const { mlflow, serve } = await setup();
    mlflow.failWith = 503;
    const ids = await replayThroughSdk(loadFixture("genai/anthropic-native__messages"), new JsonExporter({ url: `${serve.url}/v1/traces` }));
    await waitFor(() => serve.stats.retries >= 3, "three retries");
    mlflow.failWith = undefined;
    await waitFor(() => mlflow.spans().length === ids.size, "the span");
    expect(mlflow.spans().map((s) => s.spanId)).toEqual([...ids.keys()]);
  });

  it("a full buffer answers 503 with Retry-After; the request is taken once there is room", async () => {
    const { mlflow, serve } = await setup({ maxBufferedSpans: 1 });
    await mlflow.stop();
    const request = (spanId: string) =>
      JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: "1".repeat(32), spanId, name: "s" }] }] }] });
    expect((await post(serve, "/v1/traces", request("a".repeat(16)), { "content-type": "application/json" })).status).toBe(200);
    const busy = await post(serve, "/v1/traces", jsonToProtobuf("traces", JSON.parse(request("b".repeat(16)))), { "content-type": "application/x-protobuf" });
    expect(busy.status).toBe(503);
    expect(busy.headers.get("retry-after")).toBe("2");
    expect(RpcStatus.toObject(RpcStatus.decode(busy.body))).toMatchObject({ code: 14, message: expect.stringContaining("buffer full") });
    await mlflow.start();
    await waitFor(() => serve.pipeline.bufferedSpans === 0, "the buffer to empty");
    expect((await post(serve, "/v1/traces", request("b".repeat(16)), { "content-type": "application/json" })).status).toBe(200);
    await waitFor(() => mlflow.spans().length === 2, "both spans");
  });
});

describe("answers to bad requests", () => {
  const good = JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: "2".repeat(32), spanId: "3".repeat(16), name: "ok" }] }] }] });

  it("413 for a body over the limit, declared or streamed, and for a gzip body that inflates past it", async () => {
    const { serve } = await setup({ maxBodyBytes: 4096 });
    const big = JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: "2".repeat(32), spanId: "3".repeat(16), name: "x".repeat(8000) }] }] }] });
    const declared = await post(serve, "/v1/traces", big, { "content-type": "application/json" });
    expect(declared.status).toBe(413);
    expect(JSON.parse(Buffer.from(declared.body).toString())).toMatchObject({ code: 8, message: expect.stringContaining("limit") });
    const bomb = gzipSync(Buffer.alloc(1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(4096);
    const inflated = await post(serve, "/v1/traces", bomb, { "content-type": "application/json", "content-encoding": "gzip" });
    expect(inflated.status).toBe(413);
    expect((await post(serve, "/v1/traces", good, { "content-type": "application/json" })).status).toBe(200);
  });

  it("400 with the reason, as protobuf or JSON like the request", async () => {
    const { serve } = await setup();
    const proto = await post(serve, "/v1/traces", Uint8Array.from([0x0a, 0xff, 0xff, 0x01]), { "content-type": "application/x-protobuf" });
    expect(proto.status).toBe(400);
    expect(proto.headers.get("content-type")).toBe("application/x-protobuf");
    expect(RpcStatus.toObject(RpcStatus.decode(proto.body))).toMatchObject({ code: 3, message: expect.stringContaining("ExportTraceServiceRequest") });
    const json = await post(serve, "/v1/traces", '{"resourceSpans": 5}', { "content-type": "application/json" });
    expect(json.status).toBe(400);
    expect(JSON.parse(Buffer.from(json.body).toString())).toEqual({ code: 3, message: expect.stringContaining("resourceSpans") });
    const gz = await post(serve, "/v1/traces", "not gzip", { "content-type": "application/json", "content-encoding": "gzip" });
    expect(gz.status).toBe(400);
    expect((await post(serve, "/v1/logs", "[1,2]", { "content-type": "application/json" })).status).toBe(400);
    expect((await post(serve, "/v1/traces", good, { "content-type": "text/plain" })).status).toBe(415);
    expect((await post(serve, "/v1/traces", good, { "content-type": "application/json", "content-encoding": "br" })).status).toBe(415);
    expect((await fetch(`${serve.url}/v1/metrics`, { method: "POST", body: good })).status).toBe(404);
    expect((await fetch(`${serve.url}/healthz`)).status).toBe(200);
  });

  it("200 with partial_success and the rejected count when some spans are bad", async () => {
    const { mlflow, serve } = await setup();
    const request = {
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                { traceId: "4".repeat(32), spanId: "5".repeat(16), name: "good" },
                { traceId: "4".repeat(32), spanId: "6".repeat(16), name: "bad attributes", attributes: { not: "a list" } },
                { traceId: "4".repeat(32), name: "no span id" },
              ],
            },
          ],
        },
      ],
    };
    const json = await post(serve, "/v1/traces", JSON.stringify(request), { "content-type": "application/json" });
    expect(json.status).toBe(200);
    expect(JSON.parse(Buffer.from(json.body).toString())).toEqual({
      partialSuccess: { rejectedSpans: "2", errorMessage: expect.stringContaining("resourceSpans[0].scopeSpans[0].spans[1].attributes") },
    });
    // protobuf cannot carry the bad attribute list; the span without an id is still refused
    const proto = await post(serve, "/v1/traces", jsonToProtobuf("traces", { resourceSpans: [{ scopeSpans: [{ spans: [request.resourceSpans[0]!.scopeSpans[0]!.spans[0], request.resourceSpans[0]!.scopeSpans[0]!.spans[2]] }] }] }), {
      "content-type": "application/x-protobuf",
    });
    expect(proto.status).toBe(200);
    expect(TraceResponse.toObject(TraceResponse.decode(proto.body), { longs: Number })).toMatchObject({ partialSuccess: { rejectedSpans: 1 } });
    await waitFor(() => mlflow.spans().length === 2, "the two good spans");
    expect(mlflow.spans().map((s) => s.name)).toEqual(["good", "good"]);
    // A request whose every span is bad is a 400.
    const allBad = await post(serve, "/v1/traces", JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [{ name: "no ids" }] }] }] }), { "content-type": "application/json" });
    expect(allBad.status).toBe(400);
    // `{}` is an empty request, not an error.
    expect((await post(serve, "/v1/traces", "{}", { "content-type": "application/json" })).status).toBe(200);
  });
});
