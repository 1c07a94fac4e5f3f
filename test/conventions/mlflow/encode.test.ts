import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeMlflowValue, fromMlflowSpan, toMlflowAttributes, toMlflowSpan, type MlflowSpan } from "../../../src/index.js";

function looksDoubleEncoded(value: unknown): boolean {
  if (typeof value !== "string") return false;
  try {
    const inner: unknown = JSON.parse(value);
    return typeof inner === "string" || (inner !== null && typeof inner === "object");
  } catch {
    return false;
  }
}

const chatSpan: MlflowSpan = {
  name: "chat gpt-4o",
  spanType: "CHAT_MODEL",
  inputs: { messages: [{ role: "user", content: "Hi" }], temperature: 0.2 },
  outputs: { choices: [{ index: 0, message: { role: "assistant", content: "Hello" }, finish_reason: "stop" }] },
  tokenUsage: { input_tokens: 10, output_tokens: 0, total_tokens: 10, cache_read_input_tokens: 4 },
  model: "gpt-4o",
  provider: "openai",
  tools: [{ type: "function", function: { name: "get_weather", parameters: { type: "object", properties: {} } } }],
  cost: { input_cost: 0.1, output_cost: 0, total_cost: 0.1 },
  messageFormat: "openai",
  attributes: { "service.tier": "gold" },
  conventions: [],
  diagnostics: [],
};

describe("toMlflowAttributes", () => {
  it("writes exactly MLflow's keys, each JSON-encoded, plus the preserved attributes", () => {
    expect(toMlflowAttributes(chatSpan)).toEqual({
      "service.tier": "gold",
      "mlflow.spanType": '"CHAT_MODEL"',
      "mlflow.spanInputs": '{"messages":[{"role":"user","content":"Hi"}],"temperature":0.2}',
      "mlflow.spanOutputs": '{"choices":[{"index":0,"message":{"role":"assistant","content":"Hello"},"finish_reason":"stop"}]}',
      "mlflow.chat.tokenUsage": '{"input_tokens":10,"output_tokens":0,"total_tokens":10,"cache_read_input_tokens":4}',
      "mlflow.llm.model": '"gpt-4o"',
      "mlflow.llm.provider": '"openai"',
      "mlflow.chat.tools": '[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object","properties":{}}}}]',
      "mlflow.message.format": '"openai"',
      "mlflow.llm.cost": '{"input_cost":0.1,"output_cost":0,"total_cost":0.1}',
    });
  });

  it("writes only the span type when nothing else is known, and string inputs stay JSON strings", () => {
    const attrs = toMlflowAttributes({ name: "x", spanType: "TOOL", inputs: "plain", attributes: {}, conventions: [], diagnostics: [] });
    expect(attrs).toEqual({ "mlflow.spanType": '"TOOL"', "mlflow.spanInputs": '"plain"' });
  });

  it("throws on misuse", () => {
    expect(() => toMlflowAttributes({} as MlflowSpan)).toThrow(/toMlflowSpan/);
  });
});

describe("reading mlflow.* attributes", () => {
  it("MlflowSpan -> MLflow attributes -> MlflowSpan keeps every field (and keeps zero counts)", () => {
    const back = toMlflowSpan({ name: chatSpan.name, attributes: toMlflowAttributes(chatSpan) as never });
    expect(back).toMatchObject({
      spanType: chatSpan.spanType,
      inputs: chatSpan.inputs,
      outputs: chatSpan.outputs,
      tokenUsage: chatSpan.tokenUsage,
      model: chatSpan.model,
      provider: chatSpan.provider,
      tools: chatSpan.tools,
      cost: chatSpan.cost,
      messageFormat: chatSpan.messageFormat,
      conventions: ["mlflow"],
      diagnostics: [],
    });
  });

  it("MLflow attributes -> MlflowSpan -> MLflow attributes is the identity", () => {
    const stored = toMlflowAttributes(chatSpan);
    expect(toMlflowAttributes(toMlflowSpan({ attributes: stored as never }))).toEqual(stored);
    const emitted = fromMlflowSpan({ attributes: stored as never }, { to: "mlflow" });
    expect(emitted.attributes).toEqual(stored);
  });

  it("is tolerant: raw strings, native values and double-encoded JSON", () => {
    const span = toMlflowSpan({
      attributes: {
        "mlflow.spanType": "LLM", // @mlflow/vercel writes it raw
        "mlflow.llm.model": '"\\"gpt-4o\\""', // JSON-encoded twice
        "mlflow.spanInputs": '"{\\"q\\": 1}"', // an object encoded twice
        "mlflow.chat.tokenUsage": { input_tokens: "5", output_tokens: 2 } as never, // native kvlist, a count as a string
      },
    });
    expect(span).toMatchObject({ spanType: "LLM", model: "gpt-4o", inputs: { q: 1 }, tokenUsage: { input_tokens: 5, output_tokens: 2, total_tokens: 7 } });
  });

  it("keeps primitives from one layer of JSON as they are (never turns \"1\" into 1)", () => {
    expect(decodeMlflowValue('"1"')).toEqual({ value: "1", json: true });
    expect(decodeMlflowValue('"true"')).toEqual({ value: "true", json: true });
    expect(decodeMlflowValue("not json")).toEqual({ value: "not json", json: false });
  });

  it("UNKNOWN does not count as a span type; invalid values become diagnostics", () => {
    const span = toMlflowSpan({
      attributes: {
        "mlflow.spanType": '"UNKNOWN"',
        "mlflow.chat.tokenUsage": '{"input_tokens": -3, "output_tokens": 1.5}',
        "mlflow.llm.cost": "[1]",
        "mlflow.chat.tools": '{"not": "a list"}',
      },
    });
    expect(span.spanType).toBe("UNKNOWN");
    expect(span.diagnostics.map((d) => [d.code, d.key])).toEqual([
      ["invalid-token-count", "mlflow.chat.tokenUsage.input_tokens"],
      ["invalid-token-count", "mlflow.chat.tokenUsage.output_tokens"],
      ["invalid-value", "mlflow.chat.tools"],
      ["invalid-value", "mlflow.llm.cost"],
    ]);
    expect(span.tokenUsage).toBeUndefined();
    expect(span.attributes["mlflow.llm.cost"]).toBe("[1]");
  });

  it("a span type MLflow does not know is reported", () => {
    const span = toMlflowSpan({ attributes: { "mlflow.spanType": '"BANANA"' } });
    expect(span.spanType).toBe("UNKNOWN");
    expect(span.diagnostics[0]).toMatchObject({ code: "unknown-span-type", key: "mlflow.spanType" });
  });

  it("keepSource: false drops the consumed mlflow.* keys and keeps the rest", () => {
    const span = toMlflowSpan({ attributes: { "mlflow.spanType": '"TOOL"', "mlflow.traceRequestId": '"tr-1"', other: 1 } }, { keepSource: false });
    expect(span.attributes).toEqual({ "mlflow.traceRequestId": '"tr-1"', other: 1 });
  });

  it("known ambiguity, shared with MLflow's sanitize_attributes: a string input that is itself JSON comes back decoded", () => {
    const back = toMlflowSpan({ attributes: toMlflowAttributes({ ...chatSpan, inputs: '{"a":1}' }) as never });
    expect(back.inputs).toEqual({ a: 1 });
  });

  it("round trip property: any JSON inputs/outputs survive MLflow encoding", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (inputs, outputs) => {
        // Excluded on purpose: the double-encoding ambiguity tested above (a string whose text is JSON).
        fc.pre(!looksDoubleEncoded(inputs) && !looksDoubleEncoded(outputs));
        const span: MlflowSpan = { ...chatSpan, inputs, outputs };
        const back = toMlflowSpan({ attributes: toMlflowAttributes(span) as never });
        // JSON cannot carry -0; MLflow stores JSON, so compare through JSON.
        expect(JSON.parse(JSON.stringify(back.inputs ?? null))).toEqual(JSON.parse(JSON.stringify(inputs)));
        expect(JSON.parse(JSON.stringify(back.outputs ?? null))).toEqual(JSON.parse(JSON.stringify(outputs)));
      }),
      { numRuns: 2000 },
    );
  });
});
