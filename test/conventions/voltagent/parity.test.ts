/**
 * MLflow's own VoltAgent test cases (docs/voltagent-mlflow-tests.md): every fact MLflow's test asserts
 * and MLflow stores is right here too. No deliberate differences: chat content is compared as facts
 * (the project's `{messages}` / `{choices}` hold the messages and text MLflow keeps raw).
 */
import { describe, expect, it } from "vitest";
import { parityFailures, parityInputs } from "../../helpers/mlflow-parity.js";

describe.each(["mlflow-tests__io", "mlflow-tests__span-type", "mlflow-tests__token-usage"])("voltagent/%s", (file) => {
  const { cases, spans } = parityInputs(`voltagent/${file}`);
  it.each(cases.filter((c) => c.mlflowPy?.agrees).map((c) => [c.span, c] as const))("%s", (_name, c) => {
    expect(parityFailures(c, spans)).toEqual([]);
  });
});

it("where MLflow's test and MLflow's translator disagree, the project follows the test", () => {
  // tokens-llm-usage: MLflow stores only the total; its test (and the project) read all three counts.
  const { cases, spans } = parityInputs("voltagent/mlflow-tests__token-usage");
  const c = cases.find((x) => x.span === "tokens-llm-usage")!;
  expect(c.mlflowPy?.agrees).toBe(false);
  expect(parityFailures(c, spans)).toEqual([]);
});
