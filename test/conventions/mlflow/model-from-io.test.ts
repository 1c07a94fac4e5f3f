/** Issue 13 class 5: the model from `mlflow.spanInputs.model` / `mlflow.spanOutputs.model` when no model key is present. */
import { describe, expect, it } from "vitest";
import { toMlflowSpan } from "../../../src/index.js";
import { loadFixture } from "../../helpers/fixtures.js";

const span = (attributes: Record<string, string>) => toMlflowSpan({ name: "s", attributes: { "mlflow.spanType": '"CHAT_MODEL"', ...attributes } });

describe("model from the span's inputs / outputs", () => {
  it("the request's model", () => {
    expect(span({ "mlflow.spanInputs": '{"model":"gpt-4o","messages":[]}' }).model).toBe("gpt-4o");
  });
  it("the request's model wins over the response's, as MLflow's server fills mlflow.llm.model (run.py gives gpt-4o)", () => {
    expect(span({ "mlflow.spanInputs": '{"model":"gpt-4o"}', "mlflow.spanOutputs": '{"model":"gpt-4o-2024-08-06","choices":[]}' }).model).toBe("gpt-4o");
  });
  it("the response's model when the request names none", () => {
    expect(span({ "mlflow.spanInputs": '{"messages":[]}', "mlflow.spanOutputs": '{"model":"gpt-4o-2024-08-06","choices":[]}' }).model).toBe("gpt-4o-2024-08-06");
  });
  it("a model key wins", () => {
    expect(span({ "mlflow.spanInputs": '{"model":"gpt-4o"}', "mlflow.llm.model": '"my-model"' }).model).toBe("my-model");
    expect(span({ "mlflow.spanInputs": '{"model":"gpt-4o"}', "gen_ai.request.model": "other" }).model).toBe("other");
  });
  it("no model named: none", () => {
    expect(span({ "mlflow.spanInputs": '{"messages":[]}' }).model).toBeUndefined();
    expect(span({ "mlflow.spanInputs": '"text"' }).model).toBeUndefined();
  });
});

describe("model from the inputs of a real MLflow span (fixtures/mlflow, MLflow 3.9 OpenAI autolog)", () => {
  it("the request's gpt-4o-mini, not the response's gpt-4o-mini-2024-07-18: what MLflow's server stores as mlflow.llm.model (run.py)", () => {
    for (const id of ["mlflow/mlflow-autolog__chat", "mlflow/mlflow-autolog__chat-tools"]) {
      const [span, ...rest] = loadFixture(id).map((s) => toMlflowSpan(s));
      expect(rest, id).toEqual([]);
      expect(span!.model, id).toBe("gpt-4o-mini");
      expect(span!.diagnostics, id).toEqual([]);
    }
  });
});
