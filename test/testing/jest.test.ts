/**
 * The same matchers through jest's `expect` (the `expect` package is what jest itself uses, and what
 * `@jest/globals` re-exports): `expect.extend(mlflowMatchers)` must pass, fail with the findings listed,
 * and honour `.not`, exactly as in vitest. The outer assertions are vitest's.
 */
import { expect as jestExpect, JestAssertionError } from "expect";
import { describe, expect, it } from "vitest";
import { mlflowMatchers, type MlflowMatchers } from "../../src/testing/vitest.js";

// The typing a jest user adds (the README shows it): jest's Matchers interface gains the matcher.
declare module "expect" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Matchers<R extends void | Promise<void>, T = unknown> extends MlflowMatchers<R> {}
}
jestExpect.extend(mlflowMatchers);

const tool = { name: "t", attributes: { "mlflow.spanType": '"TOOL"', "mlflow.spanInputs": '{"q":1}' } };
const deprecated = { name: "d", attributes: { "gen_ai.operation.name": "chat", "gen_ai.system": "openai" } };

describe("toTranslateToMlflow with jest's expect", () => {
  it("passes when no finding reaches failOn", () => {
    expect(() => jestExpect([tool]).toTranslateToMlflow({ require: ["spanType", "inputs"] })).not.toThrow();
    expect(() => jestExpect(deprecated).toTranslateToMlflow()).not.toThrow();
  });

  it("fails with jest's assertion error listing the findings", () => {
    let thrown: unknown;
    try {
      jestExpect([tool]).toTranslateToMlflow({ require: ["outputs"] });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(JestAssertionError);
    expect((thrown as Error).message).toMatch(
      /1 span\(s\) to translate to MLflow cleanly; 1 finding\(s\):\n {2}- error missing-field \[outputs\] on span "t": the translated TOOL span has no outputs; add mlflow.spanOutputs \(mlflow\)/,
    );
  });

  it("honours failOn and .not", () => {
    expect(() => jestExpect(deprecated).not.toTranslateToMlflow({ failOn: "warning" })).not.toThrow();
    expect(() => jestExpect(deprecated).toTranslateToMlflow({ failOn: "warning" })).toThrow(/warning deprecated-attribute \[gen_ai.system\]/);
    expect(() => jestExpect(tool).not.toTranslateToMlflow()).toThrow(/expected some of the 1 span\(s\) not to translate cleanly, but all did/);
  });

  it("fails on an empty list", () => {
    expect(() => jestExpect([]).toTranslateToMlflow()).toThrow(/at least one span/);
  });
});
