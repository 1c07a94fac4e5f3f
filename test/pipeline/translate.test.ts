import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import { detectConventions, fromMlflowSpan, toMlflowSpan, type MlflowSpan } from "../../src/index.js";

describe("detectConventions", () => {
  it.each([
    [{ "http.request.method": "GET" }, []],
    [{ "gen_ai.operation.name": "chat" }, ["genai"]],
    [{ "gen_ai.prompt.0.content": "hi", "gen_ai.system": "OpenAI" }, ["openllmetry", "genai"]],
    [{ "gen_ai.prompt": "hi" }, ["genai"]],
    [{ "gen_ai.prompt.x": "hi" }, ["genai"]],
    [{ "llm.request.type": "chat" }, ["openllmetry"]],
    [{ "llm.usage.total_tokens": 3 }, ["openllmetry"]],
    // OpenLLMetry 0.27: GenAI keys plus Traceloop's own total.
    [{ "gen_ai.operation.name": "chat", "gen_ai.usage.total_tokens": 3 }, ["openllmetry", "genai"]],
    [{ "traceloop.span.kind": "workflow" }, ["openllmetry"]],
    [{ "openinference.span.kind": "LLM" }, ["openinference"]],
    [{ "llm.input_messages.0.message.role": "user" }, ["openinference"]],
    [{ "llm.token_count.prompt": 1, "llm.model_name": "m" }, ["openinference"]],
    [{ "input.value": "x" }, ["openinference"]],
    [{ "input.values": "x" }, []],
    [{ "mlflow.spanType": '"LLM"', "openinference.span.kind": "LLM" }, ["mlflow", "openinference"]],
  ] as const)("%j -> %j", (attributes, expected) => {
    expect(detectConventions({ attributes })).toEqual(expected);
  });

  it("counts GenAI span events", () => {
    expect(detectConventions({ attributes: {}, events: [{ name: "gen_ai.user.message" }] })).toEqual(["genai"]);
  });
});

describe("toMlflowSpan", () => {
  it("a span with no LLM convention keeps everything, gets UNKNOWN and a no-convention diagnostic", () => {
    const span = toMlflowSpan({ name: "GET /", spanId: "00f067aa0ba902b7", attributes: { "http.request.method": "GET" } });
    expect(span).toEqual({
      name: "GET /",
      spanType: "UNKNOWN",
      conventions: [],
      diagnostics: [
        {
          code: "no-convention",
          severity: "info",
          message: "no LLM tracing convention recognised; the span keeps its attributes and gets span type UNKNOWN",
          spanName: "GET /",
          spanId: "00f067aa0ba902b7",
        },
      ],
      spanId: "00f067aa0ba902b7",
      attributes: { "http.request.method": "GET" },
    });
  });

  it("mlflow.* values win over every convention", () => {
    const span = toMlflowSpan({
      attributes: {
        "mlflow.spanType": '"TOOL"',
        "mlflow.llm.model": '"kept"',
        "openinference.span.kind": "LLM",
        "llm.model_name": "other",
        "gen_ai.operation.name": "chat",
        "gen_ai.request.model": "other",
      },
    });
    expect(span.spanType).toBe("TOOL");
    expect(span.model).toBe("kept");
  });

  it("does not alias the caller's attributes, and a __proto__ attribute key stays an own key", () => {
    const attributes: Record<string, unknown> = { a: 1 };
    Object.defineProperty(attributes, "__proto__", { value: "x", enumerable: true });
    const span = toMlflowSpan({ attributes: attributes as never });
    expect(span.attributes).not.toBe(attributes);
    expect(Object.prototype.hasOwnProperty.call(span.attributes, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(span.attributes)).toBe(Object.prototype);
  });

  it("throws on misuse, naming the fix", () => {
    expect(() => toMlflowSpan(null as never)).toThrow(TypeError);
    expect(() => toMlflowSpan("span" as never)).toThrow(/expects a span object/);
    expect(() => toMlflowSpan({ attributes: [{ key: "a", value: { stringValue: "b" } }] } as never)).toThrow(/decodeOtlpJson/);
  });

  it("accepts an OTel SDK ReadableSpan as is", async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    const tracer = provider.getTracer("test-scope", "9.9.9");
    const parentSpan = tracer.startSpan("parent");
    const child = tracer.startSpan(
      "chat m",
      { kind: SpanKind.CLIENT, attributes: { "mlflow.spanType": '"CHAT_MODEL"', "custom.n": 3 }, startTime: [1735689600, 5] },
      trace.setSpan(ROOT_CONTEXT, parentSpan),
    );
    child.addEvent("something", { k: "v" }, [1735689600, 6]);
    child.setStatus({ code: SpanStatusCode.ERROR, message: "boom" });
    child.end([1735689601, 0]);
    parentSpan.end();
    await provider.forceFlush();
    const [finishedChild, parent] = exporter.getFinishedSpans();
    const span = toMlflowSpan(finishedChild!); // no cast: a ReadableSpan is a SpanLike
    expect(span).toMatchObject({
      name: "chat m",
      spanType: "CHAT_MODEL",
      kind: "CLIENT",
      status: { code: "ERROR", message: "boom" },
      traceId: parent!.spanContext().traceId,
      spanId: finishedChild!.spanContext().spanId,
      parentSpanId: parent!.spanContext().spanId,
      startTimeUnixNano: "1735689600000000005",
      endTimeUnixNano: "1735689601000000000",
      events: [{ name: "something", timeUnixNano: "1735689600000000006", attributes: { k: "v" } }],
      scope: { name: "test-scope", version: "9.9.9" },
      attributes: { "custom.n": 3 },
    });
    expect(span.resource?.attributes["telemetry.sdk.language"]).toBe("nodejs");
  });
});

describe("fromMlflowSpan", () => {
  const canonical = (fields: Record<string, unknown>) => ({ name: "s", spanType: "CHAT_MODEL", attributes: {}, conventions: [], diagnostics: [], ...fields }) as MlflowSpan;

  it("a canonical span with a typed field of the wrong type is misuse: a TypeError names the field", () => {
    expect(() => fromMlflowSpan(canonical({ tools: [null] }), { to: "genai" })).toThrow(/^fromMlflowSpan: span\.tools\.0: .*build canonical spans with toMlflowSpan\(\) or fix that field$/);
    expect(() => fromMlflowSpan(canonical({ tokenUsage: { input_tokens: "3" } }), { to: "openinference" })).toThrow(TypeError);
    expect(() => fromMlflowSpan(canonical({ model: 4 }), { to: "openllmetry" })).toThrow(/span\.model/);
  });

  it("inputs that are not all chat messages are written as a value, not half as messages", () => {
    const span = canonical({ spanType: "CHAIN", inputs: { messages: [{ role: "user", content: "hi" }, { content: 5 }] } });
    const out = fromMlflowSpan(span, { to: "openinference" });
    expect(out.attributes["llm.input_messages.0.message.role"]).toBeUndefined();
    expect(JSON.parse(out.attributes["input.value"] as string)).toEqual(span.inputs);
    expect(toMlflowSpan(out).inputs).toEqual(span.inputs);
  });

  it("rejects an unknown target with the list of targets", () => {
    expect(() => fromMlflowSpan({ attributes: {} }, { to: "zipkin" as never })).toThrow(/"mlflow", "openinference", "openllmetry", "genai"/);
    expect(() => fromMlflowSpan({ attributes: {} }, undefined as never)).toThrow(TypeError);
  });

  it("to mlflow: the envelope plus MLflow's stored attributes", () => {
    const out = fromMlflowSpan({ name: "n", kind: "CLIENT", attributes: { "mlflow.spanType": '"LLM"', x: 1 } }, { to: "mlflow" });
    expect(out).toEqual({ name: "n", kind: "CLIENT", attributes: { "mlflow.spanType": '"LLM"', x: 1 } });
  });
});
