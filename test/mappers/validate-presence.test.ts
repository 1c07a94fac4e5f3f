/** No false errors: a key is required only on the spans the convention requires it on. */
import { describe, expect, it } from "vitest";
import { validateSpan, type Attributes } from "../../src/index.js";

const providerFindings = (attributes: Attributes) =>
  validateSpan({ name: "s", attributes })
    .filter((d) => d.key === "gen_ai.provider.name")
    .map((d) => [d.code, d.severity]);

describe("gen_ai.provider.name", () => {
  it.each(["chat", "text_completion", "generate_content", "embeddings", "create_agent", "invoke_agent"])("required on %s spans", (operation) => {
    expect(providerFindings({ "gen_ai.operation.name": operation })).toEqual([["attribute-missing", "error"]]);
    // The deprecated spelling still satisfies it (with its own deprecation warning).
    expect(providerFindings({ "gen_ai.operation.name": operation, "gen_ai.system": "openai" })).toEqual([]);
  });

  it.each(["execute_tool", "invoke_workflow", "plan", "search_memory", "agent_step"])("not required on %s spans", (operation) => {
    expect(providerFindings({ "gen_ai.operation.name": operation })).toEqual([]);
  });

  it("recommended on retrieval spans (required there only when a provider is involved)", () => {
    expect(providerFindings({ "gen_ai.operation.name": "retrieval" })).toEqual([["attribute-recommended", "warning"]]);
  });
});
