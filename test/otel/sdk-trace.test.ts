/**
 * An app with only `@opentelemetry/sdk-trace` (the package SDK 3.x ships instead of sdk-trace-base and
 * sdk-trace-node; 2.9+ publishes it too, with the same API): its `TracerProvider`, and processors whose
 * constructors take one options object. `sdk-trace-base` is hidden from the loader here, so
 * `MlflowSpanProcessor` builds its batch / simple processor from `@opentelemetry/sdk-trace` 2.12.
 * (3.x itself needs `@opentelemetry/api` 1.10 and Node 22.15, which this repository does not pin; see
 * the README.)
 */
import { ROOT_CONTEXT, trace } from "@opentelemetry/api";
import { TracerProvider } from "@opentelemetry/sdk-trace";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { MLFLOW_KEYS } from "../../src/index.js";
import { MlflowExporter, MlflowSpanProcessor } from "../../src/otel/index.js";
import { startMockMlflow, type MockMlflow } from "./mock-mlflow.js";

const loaded: string[] = [];
vi.mock("../../src/otel/load.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/otel/load.js")>();
  return {
    loadOptional: <T,>(names: readonly string[], what: string, install: string) => {
      const result = original.loadOptional<T>(
        names.filter((n) => n !== "@opentelemetry/sdk-trace-base"),
        what,
        install,
      );
      loaded.push(result.name);
      return result;
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

const CHAT = {
  "gen_ai.operation.name": "chat",
  "gen_ai.request.model": "gpt-4o",
  "gen_ai.input.messages": JSON.stringify([{ role: "user", parts: [{ type: "text", content: "Hi" }] }]),
  "gen_ai.output.messages": JSON.stringify([{ role: "assistant", parts: [{ type: "text", content: "Hello" }], finish_reason: "stop" }]),
  "gen_ai.usage.input_tokens": 5,
  "gen_ai.usage.output_tokens": 2,
};

describe("MlflowSpanProcessor on @opentelemetry/sdk-trace (options-object processors)", () => {
  for (const mode of ["batch", "simple"] as const) {
    it(`${mode}: builds the processor from @opentelemetry/sdk-trace and MLflow receives the translated span`, async () => {
      mlflow.requests.length = 0;
      loaded.length = 0;
      const processor = new MlflowSpanProcessor({ mode, exporter: new MlflowExporter({ trackingUri: mlflow.url, experimentId: "8" }) });
      const provider = new TracerProvider({ spanProcessors: [processor as never] });
      const tracer = provider.getTracer("sdk-trace-check");
      const root = tracer.startSpan("POST /ask", { attributes: { "http.request.method": "POST" } });
      tracer.startSpan("chat gpt-4o", { attributes: CHAT }, trace.setSpan(ROOT_CONTEXT, root)).end();
      root.end();
      await provider.shutdown();
      expect(loaded).toContain("@opentelemetry/sdk-trace");
      const spans = mlflow.spans();
      expect(spans.map((s) => s.name)).toEqual(["chat gpt-4o"]);
      expect(mlflow.requests[0]!.headers["x-mlflow-experiment-id"]).toBe("8");
      const got = spans[0]!.attributes;
      expect(JSON.parse(got[MLFLOW_KEYS.spanType] as string)).toBe("CHAT_MODEL");
      expect(JSON.parse(got[MLFLOW_KEYS.inputs] as string)).toEqual({ messages: [{ role: "user", content: "Hi" }], model: "gpt-4o" });
      expect(JSON.parse(got[MLFLOW_KEYS.outputs] as string)).toMatchObject({ choices: [{ index: 0, message: { role: "assistant", content: "Hello" }, finish_reason: "stop" }] });
      expect(JSON.parse(got[MLFLOW_KEYS.tokenUsage] as string)).toEqual({ input_tokens: 5, output_tokens: 2, total_tokens: 7 });
      expect(spans[0]!.parentSpanId).toBe(root.spanContext().spanId);
    });
  }
});
