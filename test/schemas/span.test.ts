import { describe, expect, it } from "vitest";
import { SPAN_TYPES, toMlflowSpan } from "../../src/index.js";
import { MlflowSpanSchema } from "../../src/schemas/index.js";
import { listFixtures, loadFixture } from "../helpers/fixtures.js";

describe("canonical span schema", () => {
  it("lists MLflow's span types", () => {
    expect(SPAN_TYPES).toEqual([
      "LLM", "CHAT_MODEL", "EMBEDDING", "RETRIEVER", "RERANKER", "TOOL", "AGENT", "CHAIN", "PARSER", "MEMORY",
      "WORKFLOW", "TASK", "GUARDRAIL", "EVALUATOR", "UNKNOWN",
    ]);
  });

  it("every fixture translates to a span that satisfies the schema", () => {
    for (const fixture of listFixtures()) {
      for (const span of loadFixture(fixture)) {
        const result = MlflowSpanSchema.safeParse(toMlflowSpan(span));
        expect(result.success, `${fixture.id}: ${result.error?.message}`).toBe(true);
      }
    }
  });

  it("rejects a span with a negative token count or a bad id", () => {
    const base = { name: "s", spanType: "LLM", attributes: {}, conventions: [], diagnostics: [] };
    expect(MlflowSpanSchema.safeParse(base).success).toBe(true);
    expect(MlflowSpanSchema.safeParse({ ...base, tokenUsage: { input_tokens: -1, output_tokens: 0, total_tokens: 0 } }).success).toBe(false);
    expect(MlflowSpanSchema.safeParse({ ...base, spanId: "XYZ" }).success).toBe(false);
  });
});
