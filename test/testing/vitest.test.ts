import { describe, expect, it } from "vitest";
import { mlflowMatchers, type MlflowMatchers } from "../../src/testing/vitest.js";

declare module "vitest" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Assertion<T> extends MlflowMatchers<void> {}
}
expect.extend(mlflowMatchers);

const tool = { name: "t", attributes: { "mlflow.spanType": '"TOOL"', "mlflow.spanInputs": '{"q":1}' } };

describe("toTranslateToMlflow", () => {
  it("passes when no finding reaches failOn", () => {
    expect([tool]).toTranslateToMlflow({ require: ["spanType", "inputs"] });
    expect(tool).toTranslateToMlflow();
  });

  it("fails with a message listing the findings", () => {
    expect(() => expect([tool]).toTranslateToMlflow({ require: ["outputs"] })).toThrow(
      /1 span\(s\) to translate to MLflow cleanly; 1 finding\(s\):\n {2}- error missing-field \[outputs\] on span "t"/,
    );
  });

  it("honours failOn and .not", () => {
    const deprecated = { attributes: { "gen_ai.operation.name": "chat", "gen_ai.system": "openai" } };
    expect(deprecated).toTranslateToMlflow();
    expect(deprecated).not.toTranslateToMlflow({ failOn: "warning" });
  });

  it("ignore: accepted codes do not fail it, as the CLI's --ignore", () => {
    const deprecated = { attributes: { "gen_ai.operation.name": "chat", "gen_ai.system": "openai" } };
    expect(deprecated).toTranslateToMlflow({ failOn: "warning", ignore: ["deprecated-attribute", "attribute-recommended"] });
    expect(deprecated).not.toTranslateToMlflow({ failOn: "warning", ignore: ["deprecated-attribute"] });
  });

  it("fails on an empty list", () => {
    expect(() => expect([]).toTranslateToMlflow()).toThrow(/at least one span/);
  });
});
