/**
 * The otel pieces one by one: the exporter's configuration from options and the MLFLOW_* variables,
 * its misuse errors, and the processor's guarantees (the SDK span is never modified, nothing thrown
 * into the app, a span that is not an LLM span is left alone).
 */
import { diag, DiagLogLevel } from "@opentelemetry/api";
import { afterEach, describe, expect, it } from "vitest";
import { startMockMlflow } from "./mock-mlflow.js";
import { MLFLOW_KEYS } from "../../src/index.js";
import {
  MlflowExporter,
  MlflowSpanProcessor,
  presentSpan,
  resolveMlflowExporterConfig,
  type ReadableSpan,
  type SdkReadableSpan,
  type SpanProcessor,
} from "../../src/otel/index.js";
import { loadFixture } from "../helpers/fixtures.js";
import { SDKS } from "./sdks.js";

describe("MlflowExporter configuration", () => {
  it("takes the tracking URI, experiment and token from MLflow's environment variables", () => {
    const config = resolveMlflowExporterConfig({
      env: { MLFLOW_TRACKING_URI: "https://mlflow.example.com/base/", MLFLOW_EXPERIMENT_ID: "17", MLFLOW_TRACKING_TOKEN: "tok" },
    });
    expect(config).toEqual({
      url: "https://mlflow.example.com/base/v1/traces",
      experimentId: "17",
      headers: { Authorization: "Bearer tok", "x-mlflow-experiment-id": "17" },
    });
  });

  it("prefers options over the environment; headers given in any case replace the built ones", () => {
    const config = resolveMlflowExporterConfig({
      trackingUri: "http://127.0.0.1:5000",
      experimentId: "3",
      headers: { authorization: "Bearer other", "X-Custom": "1" },
      env: { MLFLOW_TRACKING_URI: "http://ignored:1", MLFLOW_EXPERIMENT_ID: "9", MLFLOW_TRACKING_TOKEN: "tok" },
    });
    expect(config).toEqual({
      url: "http://127.0.0.1:5000/v1/traces",
      experimentId: "3",
      headers: { "x-mlflow-experiment-id": "3", authorization: "Bearer other", "X-Custom": "1" },
    });
  });

  it('defaults the experiment to "0" (the Default experiment) and uses basic auth from username and password', () => {
    const config = resolveMlflowExporterConfig({
      env: { MLFLOW_TRACKING_URI: "http://localhost:5000", MLFLOW_TRACKING_USERNAME: "ann", MLFLOW_TRACKING_PASSWORD: "pw" },
    });
    expect(config.experimentId).toBe("0");
    expect(config.headers).toEqual({ Authorization: `Basic ${Buffer.from("ann:pw").toString("base64")}`, "x-mlflow-experiment-id": "0" });
  });

  it("throws on misuse with a message that names the fix", () => {
    expect(() => new MlflowExporter({ env: {} })).toThrow(/no MLflow tracking URI; pass new MlflowExporter\(\{ trackingUri: .* or set MLFLOW_TRACKING_URI/);
    expect(() => new MlflowExporter({ env: { MLFLOW_TRACKING_URI: "  " } })).toThrow(/MLFLOW_TRACKING_URI/);
    expect(() => new MlflowExporter({ trackingUri: "file:///tmp/mlruns" })).toThrow(/not an http\(s\) URL.*tracking server/);
    expect(() => new MlflowExporter({ trackingUri: "databricks" })).toThrow(/not an http\(s\) URL/);
    expect(() => new MlflowExporter({ trackingUri: "http://x", experimentId: " " })).toThrow(/experimentId must be a non-empty string/);
    // The processor builds its default exporter from the environment, so it reports the same fix.
    const saved = process.env["MLFLOW_TRACKING_URI"];
    delete process.env["MLFLOW_TRACKING_URI"];
    try {
      expect(() => new MlflowSpanProcessor()).toThrow(/MLFLOW_TRACKING_URI/);
    } finally {
      if (saved !== undefined) process.env["MLFLOW_TRACKING_URI"] = saved;
    }
    expect(() => new MlflowSpanProcessor({ spanFilter: "llm-only" as never, processor: recorder().processor })).toThrow(/spanFilter must be/);
    expect(() => new MlflowSpanProcessor({ mode: "fast" as never, processor: recorder().processor })).toThrow(/mode must be "batch" or "simple"/);
  });
});

function recorder(): { processor: SpanProcessor; ended: ReadableSpan[] } {
  const ended: ReadableSpan[] = [];
  return {
    ended,
    processor: {
      onStart: () => {},
      onEnd: (span) => void ended.push(span as ReadableSpan),
      forceFlush: async () => {},
      shutdown: async () => {},
    },
  };
}

afterEach(() => diag.disable());

describe.each(SDKS)("MlflowSpanProcessor with $label spans", (sdk) => {
  /** Real SDK spans: a provider of this major with a recording processor behind ours. */
  function endSpans(processor: SpanProcessor, spans: Array<{ name: string; attributes: Record<string, string | number> }>): void {
    const provider = sdk.provider([processor]) as unknown as { getTracer(name: string): { startSpan(name: string, options: object): { end(): void } } };
    const tracer = provider.getTracer("units");
    for (const s of spans) tracer.startSpan(s.name, { attributes: s.attributes }).end();
  }

  it("adds the mlflow.* attributes without modifying the SDK span, and keeps every other attribute", () => {
    const { processor, ended } = recorder();
    const seen: SdkReadableSpan[] = [];
    const spy: SpanProcessor = { ...processor, onEnd: (span) => void seen.push(span) };
    const chat = { "gen_ai.operation.name": "chat", "gen_ai.request.model": "gpt-4o", "gen_ai.usage.input_tokens": 3, "gen_ai.usage.output_tokens": 4, "custom.key": "kept" };
    endSpans(
      { onStart: () => {}, onEnd: (span) => { spy.onEnd(span); new MlflowSpanProcessor({ processor }).onEnd(span); }, forceFlush: async () => {}, shutdown: async () => {} },
      [{ name: "chat gpt-4o", attributes: chat }, { name: "GET /health", attributes: { "http.request.method": "GET" } }],
    );
    expect(ended.map((s) => s.name)).toEqual(["chat gpt-4o"]); // the default filter
    const out = ended[0]!;
    // Translated when the exporter first reads the attributes (behind a batch processor: in the background).
    expect(typeof Object.getOwnPropertyDescriptor(out, "attributes")?.get).toBe("function");
    expect(out.attributes).toMatchObject(chat);
    expect(out.attributes).toBe(out.attributes);
    expect(JSON.parse(out.attributes[MLFLOW_KEYS.spanType] as string)).toBe("CHAT_MODEL");
    expect(JSON.parse(out.attributes[MLFLOW_KEYS.tokenUsage] as string)).toEqual({ input_tokens: 3, output_tokens: 4, total_tokens: 7 });
    // The SDK's own span object is untouched, and the presented one carries its identity.
    expect(Object.keys(seen[0]!.attributes).some((k) => k.startsWith("mlflow."))).toBe(false);
    expect(out.spanContext()).toEqual(seen[0]!.spanContext());
    expect(out.instrumentationScope.name).toBe("units");
  });

  it("never throws into the app: a failing filter, a failing wrapped processor, a span the library cannot read", () => {
    const errors: string[] = [];
    diag.setLogger({ error: (m) => errors.push(m), warn: (m) => errors.push(m), info: () => {}, debug: () => {}, verbose: () => {} }, DiagLogLevel.WARN);
    const throwing: SpanProcessor = {
      onStart: () => {
        throw new Error("onStart boom");
      },
      onEnd: () => {
        throw new Error("onEnd boom");
      },
      forceFlush: () => Promise.reject(new Error("flush boom")),
      shutdown: () => Promise.reject(new Error("shutdown boom")),
    };
    const badFilter = new MlflowSpanProcessor({ processor: recorder().processor, spanFilter: () => { throw new Error("filter boom"); } });
    const failing = new MlflowSpanProcessor({ processor: throwing, spanFilter: "all" });
    expect(() => endSpans(badFilter, [{ name: "chat", attributes: { "gen_ai.operation.name": "chat" } }])).not.toThrow();
    expect(() => endSpans(failing, [{ name: "chat", attributes: { "gen_ai.operation.name": "chat" } }])).not.toThrow();
    // A span object whose attributes cannot be read at all: handed on untouched.
    const { processor, ended } = recorder();
    const broken = { ...presentSpan(loadSdkLikeSpan()), get attributes(): never { throw new Error("no attributes"); } };
    expect(() => new MlflowSpanProcessor({ processor, spanFilter: "all" }).onEnd(broken as unknown as SdkReadableSpan)).not.toThrow();
    expect(errors.some((m) => m.includes("spanFilter threw"))).toBe(true);
    expect(errors.some((m) => m.includes("could not be handed"))).toBe(true);
    return Promise.all([failing.forceFlush(), failing.shutdown()]).then((results) => {
      expect(results).toEqual([undefined, undefined]);
      expect(errors.filter((m) => m.includes("of the wrapped span processor failed"))).toHaveLength(2);
      expect(ended).toHaveLength(1);
    });
  });
});

describe.each(SDKS)("MlflowExporter behind a stock $label span processor", (sdk) => {
  it("translates the spans itself, so MLflow gets the mlflow.* attributes without MlflowSpanProcessor", async () => {
    const mlflow = await startMockMlflow();
    try {
      const provider = sdk.provider([sdk.batch(new MlflowExporter({ trackingUri: mlflow.url, experimentId: "4" }))]) as unknown as {
        getTracer(name: string): { startSpan(name: string, options: object): { end(): void } };
        shutdown(): Promise<void>;
      };
      const tracer = provider.getTracer("stock");
      tracer.startSpan("chat", { attributes: { "gen_ai.operation.name": "chat", "gen_ai.request.model": "m", "gen_ai.usage.input_tokens": 1, "gen_ai.usage.output_tokens": 1 } }).end();
      tracer.startSpan("GET /", { attributes: { "http.request.method": "GET" } }).end();
      await provider.shutdown();
      const byName = new Map(mlflow.spans().map((span) => [span.name, span]));
      // A stock processor sends every span; only the LLM one gets mlflow.* keys.
      expect([...byName.keys()].sort()).toEqual(["GET /", "chat"]);
      expect(JSON.parse(byName.get("chat")!.attributes[MLFLOW_KEYS.spanType] as string)).toBe("CHAT_MODEL");
      expect(byName.get("chat")!.attributes[MLFLOW_KEYS.tokenUsage]).toBe('{"input_tokens":1,"output_tokens":1,"total_tokens":2}');
      expect(byName.get("GET /")!.attributes).toEqual({ "http.request.method": "GET" });
      expect(mlflow.requests[0]!.headers["x-mlflow-experiment-id"]).toBe("4");
    } finally {
      await mlflow.close();
    }
  });
});

/** A ReadableSpan-shaped object of a captured span (the presenter reads only its fields). */
function loadSdkLikeSpan(): SdkReadableSpan {
  const decoded = loadFixture("genai/otel-openai__chat")[0]!;
  return {
    name: decoded.name ?? "",
    kind: 2,
    spanContext: () => ({ traceId: decoded.traceId!, spanId: decoded.spanId!, traceFlags: 1 }),
    startTime: [0, 0],
    endTime: [0, 0],
    status: { code: 0 },
    attributes: decoded.attributes as ReadableSpan["attributes"],
    links: [],
    events: [],
    duration: [0, 0],
    ended: true,
    resource: { attributes: {} },
    instrumentationScope: { name: "x" },
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
  };
}
