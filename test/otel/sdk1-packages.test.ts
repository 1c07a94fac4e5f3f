/**
 * An app on SDK 1.x whose node_modules hold the 1.x-era packages: `MlflowSpanProcessor` builds its
 * batch / simple processor from `@opentelemetry/sdk-trace-base` 1.30.1 and `MlflowExporter` sends with
 * `@opentelemetry/exporter-trace-otlp-proto` 0.57.2 (installed here as `sdk-trace-base-v1` and
 * `exporter-trace-otlp-proto-v1`; the loader is pointed at them in place of the 2.x ones).
 */
import { ROOT_CONTEXT, trace } from "@opentelemetry/api";
import { NodeTracerProvider } from "sdk-trace-node-v1";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { MLFLOW_KEYS } from "../../src/index.js";
import { MlflowExporter, MlflowSpanProcessor } from "../../src/otel/index.js";
import { startMockMlflow, type MockMlflow } from "./mock-mlflow.js";

const V1: Record<string, string> = {
  "@opentelemetry/sdk-trace-base": "sdk-trace-base-v1",
  "@opentelemetry/exporter-trace-otlp-proto": "exporter-trace-otlp-proto-v1",
};
const loaded: string[] = [];
vi.mock("../../src/otel/load.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/otel/load.js")>();
  return {
    loadOptional: <T,>(names: readonly string[], what: string, install: string) => {
      const name = names[0]!;
      const result = original.loadOptional<T>([V1[name]!], what, install);
      loaded.push(result.name);
      return { module: result.module, name };
    },
  };
});

let mlflow: MockMlflow;
beforeAll(async () => {
  mlflow = await startMockMlflow();
});
afterAll(async () => {
  await mlflow.close();
});

describe("MlflowSpanProcessor and MlflowExporter built from the SDK 1.x packages", () => {
  for (const mode of ["batch", "simple"] as const) {
    it(`${mode}: sdk-trace-base 1.30.1 processors, exporter-trace-otlp-proto 0.57.2 sending`, async () => {
      mlflow.requests.length = 0;
      loaded.length = 0;
      const processor = new MlflowSpanProcessor({ mode, exporter: new MlflowExporter({ trackingUri: mlflow.url, experimentId: "11", headers: { "x-extra": "yes" } }) });
      expect(loaded).toEqual(["exporter-trace-otlp-proto-v1", "sdk-trace-base-v1"]);
      const provider = new NodeTracerProvider({ spanProcessors: [processor as never] });
      const tracer = provider.getTracer("sdk1-packages");
      const root = tracer.startSpan("POST /ask");
      tracer
        .startSpan("chat m", { attributes: { "gen_ai.operation.name": "chat", "gen_ai.request.model": "m", "gen_ai.usage.input_tokens": 2, "gen_ai.usage.output_tokens": 3 } }, trace.setSpan(ROOT_CONTEXT, root))
        .end();
      root.end();
      await provider.shutdown();
      const spans = mlflow.spans();
      expect(spans.map((s) => s.name)).toEqual(["chat m"]);
      expect(spans[0]!.parentSpanId).toBe(root.spanContext().spanId);
      expect(spans[0]!.scope).toBe("sdk1-packages");
      expect(JSON.parse(spans[0]!.attributes[MLFLOW_KEYS.spanType] as string)).toBe("CHAT_MODEL");
      expect(spans[0]!.attributes[MLFLOW_KEYS.tokenUsage]).toBe('{"input_tokens":2,"output_tokens":3,"total_tokens":5}');
      expect(mlflow.requests[0]!.headers).toMatchObject({ "x-mlflow-experiment-id": "11", "x-extra": "yes", "content-type": "application/x-protobuf" });
    });
  }
});
