/** detectScopes: conventions known by their instrumentation scope name (pipeline/detect.ts). */
import { describe, expect, it } from "vitest";
import { detectConventions, toMlflowSpan } from "../../src/index.js";

const chat = { "gen_ai.operation.name": "chat" };

describe("detection by scope name", () => {
  it("a scope-name prefix adds the convention to the key-detected ones, in CONVENTIONS order", () => {
    expect(detectConventions({ attributes: chat, scope: { name: "strands-agents" } })).toEqual(["strands", "genai"]);
    expect(detectConventions({ attributes: chat, scope: { name: "pydantic-ai", version: "2.33.0" } as { name: string } })).toEqual(["pydantic-ai", "genai"]);
  });
  it("a scope alone does not make a span an LLM span, in detection as in translation (Spring Boot names every tracer org.springframework.boot)", () => {
    for (const name of ["strands-agents", "org.springframework.boot", "gcp.vertex.agent"]) {
      const http = { "http.request.method": "GET" };
      expect(detectConventions({ attributes: http, scope: { name } })).toEqual([]);
      expect(toMlflowSpan({ attributes: http, instrumentationScope: { name } }).conventions).toEqual([]);
    }
  });
  it("ADK's and Spring AI's scope names mark their spans that carry GenAI keys only", () => {
    expect(detectConventions({ attributes: chat, scope: { name: "gcp.vertex.agent" } })).toEqual(["google-adk", "genai"]);
    expect(detectConventions({ attributes: chat, scope: { name: "org.springframework.boot" } })).toEqual(["spring-ai", "genai"]);
  });
  it("other, empty or missing scope names change nothing", () => {
    for (const scope of [{ name: "@opentelemetry/instrumentation-http" }, { name: "" }, undefined]) {
      expect(detectConventions({ attributes: chat, scope })).toEqual(["genai"]);
    }
  });
  it("an OTel SDK ReadableSpan's instrumentationScope is read by toMlflowSpan", () => {
    const span = toMlflowSpan({ attributes: chat, instrumentationScope: { name: "strands-agents" } });
    expect(span.conventions).toEqual(["strands", "genai"]);
  });
  it("thousands of distinct scope names (a hostile stream): same answers, no throw (the memo is bounded)", () => {
    for (let i = 0; i < 2000; i++) {
      expect(detectConventions({ attributes: chat, scope: { name: `scope-${i}` } })).toEqual(["genai"]);
    }
    expect(detectConventions({ attributes: chat, scope: { name: "strands-agents-extra" } })).toEqual(["strands", "genai"]);
  });
});
