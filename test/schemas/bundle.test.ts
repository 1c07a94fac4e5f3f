/**
 * The `mlflow-semconv/schemas` subpath bundles the schemas and zod, not the translator: its enum of
 * convention ids comes from conventions/ids.ts (checked against CONVENTIONS by the compiler), and zod is
 * imported as a namespace so a bundler keeps only what the schemas call (`import { z }` kept every
 * locale and the JSON Schema converters). npm run size measures the minified bundle.
 */
import { describe, expect, it } from "vitest";
import { CONVENTION_IDS } from "../../src/index.js";
import { CONVENTION_ID_LIST } from "../../src/conventions/ids.js";
import { MlflowSpanSchema } from "../../src/schemas/index.js";
import { bundledInputs } from "../helpers/bundle.js";

describe("the schemas subpath bundle", () => {
  it("holds no convention module and no zod locale but English", async () => {
    const inputs = await bundledInputs(`export * from "./src/schemas/index.ts";`);
    expect(inputs).toContain("src/schemas/index.ts");
    expect(inputs.filter((p) => p.startsWith("src/conventions/"))).toEqual(["src/conventions/ids.ts"]);
    expect(inputs.filter((p) => /zod\/v4\/locales\//.test(p)).map((p) => p.replace(/^.*zod\//, "zod/"))).toEqual(["zod/v4/locales/en.js"]);
  });

  it("the id list is CONVENTION_IDS, and the span schema's enum accepts exactly those ids", () => {
    expect([...CONVENTION_ID_LIST]).toEqual(CONVENTION_IDS);
    const span = { name: "s", spanType: "LLM", attributes: {}, diagnostics: [] };
    for (const id of CONVENTION_IDS) expect(MlflowSpanSchema.safeParse({ ...span, conventions: [id] }).success, id).toBe(true);
    const wrong = MlflowSpanSchema.safeParse({ ...span, conventions: ["not-a-convention"] });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues.map((i) => [i.code, i.path.join("."), i.message])).toEqual([
      ["invalid_value", "conventions.0", `Invalid option: expected one of ${CONVENTION_IDS.map((id) => `"${id}"`).join("|")}`],
    ]);
  });
});
