/**
 * READERS (src/conventions/readers.ts), the parse side of CONVENTIONS that detection and `toMlflowSpan`
 * import: it lists the same conventions in the same order, each module is built on its own reader, and
 * the translation path therefore bundles no emitter, validation rule or declared loss.
 */
import { describe, expect, it } from "vitest";
import { CONVENTIONS } from "../../src/conventions/index.js";
import { parserOf, READERS } from "../../src/conventions/readers.js";
import type { ConventionModule, ConventionReader } from "../../src/conventions/types.js";
import { bundledInputs } from "../helpers/bundle.js";

describe("READERS and CONVENTIONS agree", () => {
  it("same ids in the same order (detection bits and parse order come from READERS)", () => {
    expect(READERS.map((r) => r.id)).toEqual(CONVENTIONS.map((m) => m.id));
  });

  it.each(CONVENTIONS.map((m, i) => [m.id, m as ConventionModule, READERS[i] as ConventionReader] as const))(
    "%s: the module carries its reader's own fields (spread, not copied)",
    (_id, module, reader) => {
      for (const key of Object.keys(reader) as (keyof ConventionReader)[]) expect(module[key], key).toBe(reader[key]);
      expect(parserOf(module.id)).toBe(module.parse);
    },
  );

  it("a reader holds only the parse side: no title, doc, rules, emitter or losses", () => {
    for (const reader of READERS) {
      expect(Object.keys(reader).filter((k) => ["title", "doc", "rules", "emit", "losses"].includes(k)), reader.id).toEqual([]);
    }
  });

  it("an unknown id has no parser", () => {
    expect(parserOf("acme")).toBeUndefined();
    expect(parserOf("__proto__")).toBeUndefined();
  });
});

describe("the translation path bundles only the parse side", () => {
  it("toMlflowSpan + toMlflowAttributes: no emit.ts, rules.ts, losses.ts, module index.ts or the CONVENTIONS list", async () => {
    const inputs = await bundledInputs(`export { toMlflowSpan, toMlflowAttributes } from "./src/index.ts";`);
    // The bundle does hold every parser (a check that the metafile is read right).
    for (const m of CONVENTIONS) expect(inputs, m.id).toContain(`src/conventions/${m.id}/reader.ts`);
    const emitSide = inputs.filter((p) => /^src\/conventions\/([^/]+\/(emit|rules|losses|index)|index|rule-types|losses)\.ts$/.test(p));
    expect(emitSide).toEqual([]);
    // Nothing else of the whole API: validation, summaries, the protobuf codec, zod.
    expect(inputs.filter((p) => /^src\/(pipeline\/(validate|summarize|requirements|content)|otlp\/protobuf|schemas\/)|node_modules\/zod\//.test(p))).toEqual([]);
  });
});
