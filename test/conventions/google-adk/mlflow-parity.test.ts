/**
 * MLflow's own Google ADK test cases (fixtures/google-adk/mlflow-tests__io, from
 * tests/tracing/otel/test_span_translation.py at mlflow a89bed6): every case MLflow stores as its test
 * expects must hold in the project too. All 16 cases are inputs/outputs of `gcp.vertex.agent.*` keys
 * that are not Gemini-shaped (a string, an object, a number): the project keeps the decoded value, as
 * MLflow does. No deliberate difference on these cases; on real ADK spans the project differs on
 * purpose (chat messages instead of the raw Gemini JSON, see test/conventions/google-adk/fixtures.test.ts).
 */
import { describe, expect, it } from "vitest";
import { parityCases, translatedByName } from "../../helpers/mlflow-parity.js";

const ID = "google-adk/mlflow-tests__io";
const spans = translatedByName(ID);

describe("MLflow's Google ADK test cases", () => {
  const cases = parityCases(ID);
  it("are all stored by MLflow as its tests expect", () => {
    expect(cases.length).toBe(16);
    for (const c of cases) expect(c.mlflowPy.agrees, c.span).toBe(true);
  });
  it.each(cases.map((c) => [c.span, c] as const))("%s", (name, c) => {
    const span = spans.get(name)!;
    expect(span.conventions).toContain("google-adk");
    if ("storedInputs" in c.expect) expect(span.inputs).toEqual(JSON.parse(c.expect.storedInputs as string));
    if ("storedOutputs" in c.expect) expect(span.outputs).toEqual(JSON.parse(c.expect.storedOutputs as string));
    expect(span.diagnostics).toEqual([]);
  });
});
