/**
 * MLflow's own Langfuse test cases (docs/langfuse-mlflow-tests.md): every fact MLflow's test asserts
 * and MLflow stores is right here too. Deliberate differences are listed with the reason.
 */
import { describe, expect, it } from "vitest";
import { parityFailures, parityInputs } from "../../helpers/mlflow-parity.js";

/** case -> the facts the project reads differently on purpose, and why. */
const DIFFERENCES: Record<string, { facts: string[]; why: string }> = {
  // The Python SDK writes `json.dumps(result)`: "5" is the JSON of the integer 5. MLflow keeps the
  // text (its test asserts the string "5"); the project decodes every observation output as the JSON
  // value the SDK encoded, so the output is the number 5 (and a string output stays a string).
  add: { facts: ["outputs"], why: "the SDK's JSON of an int is decoded to the int" },
};

describe.each(["mlflow-tests__io", "mlflow-tests__otel-autolog", "mlflow-tests__span-type"])("langfuse/%s", (file) => {
  const { cases, spans } = parityInputs(`langfuse/${file}`);
  it.each(cases.filter((c) => c.mlflowPy?.agrees).map((c) => [c.span, c] as const))("%s", (_name, c) => {
    const failures = parityFailures(c, spans);
    const diff = DIFFERENCES[c.span];
    if (diff === undefined) expect(failures).toEqual([]);
    else {
      // Exactly the listed facts differ.
      expect(failures.map((f) => f.split(":")[0])).toEqual(diff.facts);
    }
  });
});

it("the deliberate difference: output 5, not the text \"5\"", () => {
  const { spans } = parityInputs("langfuse/mlflow-tests__otel-autolog");
  expect(spans.find((s) => s.name === "add")!.outputs).toBe(5);
});
