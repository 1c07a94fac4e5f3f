/**
 * The Laminar captures (`@lmnr-ai/lmnr` 0.8.46 with its bundled `@traceloop/instrumentation-openai`
 * 0.27.0, openai 6.49.0 against the mock): observe() spans read from `lmnr.span.*`; the instrumented
 * chat spans still read by OpenLLMetry / GenAI, with Laminar detected next to them.
 */
import { describe, expect, it } from "vitest";
import { toMlflowSpan, validateSpan, type MlflowSpan } from "../../../src/index.js";
import { loadFixture } from "../../helpers/fixtures.js";

const spans = (id: string): MlflowSpan[] => loadFixture(`laminar/${id}`).map((s) => toMlflowSpan(s));

describe("observe() spans", () => {
  it("types, arguments (one argument unwrapped) and return values", () => {
    const parsed = spans("laminar__observe-agent");
    expect(parsed.map((s) => [s.name, s.spanType, s.conventions.join("+")])).toEqual([
      ["weather_agent", "AGENT", "laminar"],
      ["get_weather", "TOOL", "laminar"],
      ["chat gpt-4o-mini", "CHAT_MODEL", "openllmetry+laminar+genai"],
      ["chat gpt-4o-mini", "CHAT_MODEL", "openllmetry+laminar+genai"],
    ]);
    expect(parsed[0]!.inputs).toBe("What's the weather like in Paris today?");
    expect(parsed[0]!.outputs).toBe("It is currently 18 °C and sunny in Paris.");
    expect(parsed[1]!.inputs).toEqual({ city: "Paris", unit: "celsius" });
    expect(parsed[1]!.outputs).toEqual({ city: "Paris", temperature: 18, condition: "sunny" });
    for (const s of parsed) expect(s.diagnostics).toEqual([]);
    // Session and user stay attributes.
    expect(parsed[0]!.attributes["lmnr.association.properties.session_id"]).toBe("session-fixture-0001");
  });

  it("observe() without a type is a CHAIN; the chat call under it keeps its GenAI reading and usage", () => {
    const [step, chat] = spans("laminar__observe-default");
    expect(step!.spanType).toBe("CHAIN");
    expect(step!.outputs).toEqual({ answer: "The capital of France is Paris." });
    expect(chat!.spanType).toBe("CHAT_MODEL");
    // The bundled instrumentation's input count is OpenAI's prompt_tokens: it includes the cache.
    expect(chat!.tokenUsage).toMatchObject({ input_tokens: 26, output_tokens: 12, total_tokens: 38 });
  });

  it("an exception event is status ERROR (Laminar leaves the OTel status UNSET)", () => {
    const [failing] = spans("laminar__observe-error");
    expect(failing!.status).toEqual({ code: "ERROR", message: "document doc-404 not found" });
    expect(failing!.inputs).toBe("doc-404");
  });

  it("validate --convention laminar: no errors on the observe() spans", () => {
    for (const s of loadFixture("laminar/laminar__observe-agent").slice(0, 2)) {
      expect(validateSpan(s, { convention: "laminar" }).filter((d) => d.severity === "error")).toEqual([]);
    }
  });
});

describe("bad input", () => {
  it("an unknown lmnr.span.type and a broken input: diagnostics, kept, never thrown", () => {
    const s = toMlflowSpan({ name: "x", attributes: { "lmnr.span.type": "ROBOT", "lmnr.span.input": "[1, 2" } }, { keepSource: false });
    expect(s.diagnostics.map((d) => d.code)).toEqual(["unknown-span-kind", "invalid-json"]);
    expect(s.spanType).toBe("CHAIN");
    expect(s.attributes).toEqual({ "lmnr.span.type": "ROBOT", "lmnr.span.input": "[1, 2" });
  });
});
