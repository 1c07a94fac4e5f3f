/** toMlflowAttributes refuses a hand-built canonical span with wrong field types, as fromMlflowSpan does. */
import { describe, expect, it } from "vitest";
import { fromMlflowSpan, toMlflowAttributes, toMlflowSpan, type MlflowSpan } from "../../../src/index.js";

const good = toMlflowSpan({ name: "chat", attributes: { "gen_ai.operation.name": "chat", "gen_ai.request.model": "m", "gen_ai.usage.input_tokens": 3, "gen_ai.usage.output_tokens": 1 } });

describe("toMlflowAttributes on hand-built spans", () => {
  it.each([
    ["tokenUsage", { input_tokens: "3", output_tokens: 1, total_tokens: 4 }, /span\.tokenUsage\.input_tokens/],
    ["model", 42, /span\.model: expected a string/],
    ["provider", { name: "openai" }, /span\.provider: expected a string/],
    ["tools", [{ type: "function" }], /span\.tools\.0/],
    ["spanType", "CHAT", /span\.spanType: not an MLflow span type/],
    ["attributes", null, /span\.attributes/],
  ])("%s with the wrong type throws a TypeError naming it, like fromMlflowSpan", (field, value, message) => {
    const bad = { ...good, [field]: value } as unknown as MlflowSpan;
    expect(() => toMlflowAttributes(bad)).toThrow(TypeError);
    expect(() => toMlflowAttributes(bad)).toThrow(message);
    if (field !== "attributes") expect(() => fromMlflowSpan(bad, { to: "genai" })).toThrow(TypeError);
  });

  it("a span from toMlflowSpan, and one built by hand with the right types, are written", () => {
    expect(toMlflowAttributes(good)["mlflow.chat.tokenUsage"]).toBe(JSON.stringify(good.tokenUsage));
    const byHand: MlflowSpan = { name: "t", spanType: "TOOL", inputs: { a: 1 }, attributes: {}, conventions: [], diagnostics: [] };
    expect(toMlflowAttributes(byHand)).toEqual({ "mlflow.spanType": '"TOOL"', "mlflow.spanInputs": '{"a":1}' });
  });
});
