/**
 * `createTranslator` (src/pipeline/translator.ts, exported as `mlflow-semconv/translator`): over the
 * readers a server chose, it translates every span whose conventions are all chosen exactly as the
 * package's `toMlflowSpan` does, refuses misuse with a TypeError naming the fix, leaves the key-group
 * bits READERS allocated alone, and its bundle holds no other convention's folder.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groupLabel, loadSpans, NONE_LABEL } from "../../bench/corpus.js";
import { detectConventions, toMlflowSpan } from "../../src/index.js";
import { CONVENTIONS } from "../../src/conventions/index.js";
import { READERS } from "../../src/conventions/readers.js";
import type { ConventionReader } from "../../src/conventions/types.js";
import * as entry from "../../src/translator.js";
import { createTranslator, genaiReader, mlflowReader, openinferenceReader, openllmetryReader } from "../../src/translator.js";
import { bundledInputs } from "../helpers/bundle.js";
import { FIXTURES } from "../helpers/fixtures.js";

const ALL = READERS as readonly ConventionReader[];
const readerOf = (id: string) => ALL.find((r) => r.id === id)!;
const SPANS = loadSpans(FIXTURES);

describe("a translator over a span's own conventions translates it as toMlflowSpan does", () => {
  // One translator per set of detected conventions (the rows of bench/corpus.ts).
  const byLabel = new Map<string, typeof SPANS>();
  for (const span of SPANS) {
    const label = groupLabel(span);
    if (label !== NONE_LABEL) byLabel.set(label, [...(byLabel.get(label) ?? []), span]);
  }

  it("loads the fixtures (every convention has spans)", () => {
    const seen = new Set([...byLabel.keys()].flatMap((label) => label.split("+")));
    expect([...seen].sort()).toEqual(ALL.map((r) => r.id).sort());
  });

  it.each([...byLabel].map(([label, spans]) => [label, spans.length, spans] as const))("%s (%i spans)", (label, _n, spans) => {
    // Listed in reverse: the translator puts them back in READERS order.
    const chosen = label.split("+").map(readerOf).reverse();
    const translator = createTranslator({ conventions: chosen });
    for (const span of spans) {
      expect(translator.detectConventions(span)).toEqual(detectConventions(span));
      expect(translator.toMlflowSpan(span)).toEqual(toMlflowSpan(span));
      expect(translator.toMlflowSpan(span, { keepSource: false })).toEqual(toMlflowSpan(span, { keepSource: false }));
    }
  });

  it("one over every reader translates every fixture span (HTTP spans included) as toMlflowSpan does", () => {
    const translator = createTranslator({ conventions: [...ALL] });
    expect(translator.conventions).toEqual(ALL.map((r) => r.id));
    for (const span of SPANS) expect(translator.toMlflowSpan(span)).toEqual(toMlflowSpan(span));
  });

  it("on generated spans: equal whenever the chosen readers include every detected convention", () => {
    const keys = fc.constantFrom(...new Set(ALL.flatMap((r) => [...r.detect.map((d) => d.prefix), ...(r.groups ?? []).flatMap((g) => g.keys)])));
    const key = fc.oneof(keys, fc.tuple(keys, fc.constantFrom("0.content", "0.role", "x", "1.message.role")).map(([k, s]) => k + s));
    const value = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.constantFrom("chat", '{"a":1}', "[]", "gemini-cli"));
    const subset = fc.subarray(ALL.map((_, i) => i), { minLength: 1 });
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 6 }), subset, (attributes, picked) => {
        const span = { name: "s", attributes };
        const translator = createTranslator({ conventions: picked.map((i) => ALL[i]!) });
        const chosen = new Set(translator.conventions as readonly string[]);
        if (detectConventions(span).every((id) => chosen.has(id))) expect(translator.toMlflowSpan(span)).toEqual(toMlflowSpan(span));
      }),
      { numRuns: 300 },
    );
  });
});

describe("spans of other conventions", () => {
  it("a span with none of the chosen conventions gets the no-convention result", () => {
    const span = SPANS.find((s) => detectConventions(s).join() === "openinference")!;
    const out = createTranslator({ conventions: [genaiReader] }).toMlflowSpan(span);
    expect({ spanType: out.spanType, conventions: out.conventions, codes: out.diagnostics.map((d) => d.code) }).toEqual({
      spanType: "UNKNOWN",
      conventions: [],
      codes: ["no-convention"],
    });
    expect(out.attributes).toEqual(span.attributes);
  });

  it("a key an unchosen convention would claim counts for a chosen one whose rule also matches it", () => {
    const span = { attributes: { "gen_ai.prompt.0.role": "user", "gen_ai.prompt.0.content": "hi" } };
    expect(detectConventions(span)).toEqual(["openllmetry"]);
    expect(createTranslator({ conventions: [genaiReader] }).detectConventions(span)).toEqual(["genai"]);
    expect(createTranslator({ conventions: [genaiReader, openllmetryReader] }).detectConventions(span)).toEqual(["openllmetry"]);
  });
});

describe("createTranslator refuses misuse with a TypeError that names the fix", () => {
  const FIX = /pass each reader of "mlflow-semconv\/translator" once: \{ conventions: \[genaiReader, \.\.\.\] \}/;
  it.each([
    ["no options", undefined, /no conventions/],
    ["no list", {}, /no conventions/],
    ["an empty list", { conventions: [] }, /no conventions/],
    ["an id instead of its reader", { conventions: ["genai"] }, /conventions\[0\] is not a reader/],
    ["a copy without a parser", { conventions: [genaiReader, { id: "openinference", detect: [] }] }, /conventions\[1\] is not a reader/],
    ["an unknown convention", { conventions: [{ ...genaiReader, id: "acme" }] }, /conventions\[0\] is not a reader/],
    ["null", { conventions: [null] }, /conventions\[0\] is not a reader/],
    ["a reader twice", { conventions: [genaiReader, mlflowReader, genaiReader] }, /genai is listed twice/],
  ])("%s", (_name, options, problem) => {
    const create = () => createTranslator(options as never);
    expect(create).toThrow(TypeError);
    expect(create).toThrow(problem);
    expect(create).toThrow(FIX);
  });

  it("sorts the chosen readers into READERS order (detection ties and parse order)", () => {
    expect(createTranslator({ conventions: [genaiReader, openinferenceReader, mlflowReader] }).conventions).toEqual(["mlflow", "openinference", "genai"]);
  });

  it("never throws on span data: only on a span that is not an object, as toMlflowSpan", () => {
    const translator = createTranslator({ conventions: [genaiReader] });
    expect(() => translator.toMlflowSpan(null as never)).toThrow("toMlflowSpan expects a span object");
    expect(() => translator.detectConventions(null as never)).toThrow("detectConventions expects a span object");
    expect(translator.toMlflowSpan({ attributes: { "gen_ai.input.messages": "{not json" } }).conventions).toEqual(["genai"]);
  });
});

describe("key groups and the entry point", () => {
  it("a translator over a subset leaves the group bits READERS allocated unchanged", () => {
    const groups = ALL.flatMap((r) => r.groups ?? []);
    const bits = groups.map((g) => g.bit);
    expect(new Set(bits).size).toBe(groups.length);
    expect(bits.every((b) => b > 0 && (b & (b - 1)) === 0)).toBe(true);
    createTranslator({ conventions: [openllmetryReader, genaiReader] });
    expect(groups.map((g) => g.bit)).toEqual(bits);
  });

  it("mlflow-semconv/translator exports both factories, toMlflowAttributes, every reader and every module", () => {
    const readers = Object.entries(entry).filter(([name]) => name.endsWith("Reader"));
    expect(readers.map(([, r]) => r).sort((a, b) => ALL.indexOf(a as ConventionReader) - ALL.indexOf(b as ConventionReader))).toEqual([...ALL]);
    const modules = Object.entries(entry).filter(([name]) => name.endsWith("Module"));
    expect(modules.map(([, m]) => m).sort((a, b) => CONVENTIONS.indexOf(a as never) - CONVENTIONS.indexOf(b as never))).toEqual([...CONVENTIONS]);
    // Each exported under the name of its reader: `xReader` and `xModule` are the same convention.
    for (const [name, m] of modules) expect((entry as Record<string, unknown>)[name.replace(/Module$/, "Reader")]).toMatchObject({ id: (m as { id: string }).id });
    expect(Object.keys(entry).filter((name) => !name.endsWith("Reader") && !name.endsWith("Module")).sort()).toEqual(["createFullTranslator", "createTranslator", "toMlflowAttributes"]);
  });

  it("a bundle of createTranslator with two readers holds no other convention's folder", async () => {
    const inputs = await bundledInputs(
      `import { createTranslator, genaiReader, openinferenceReader } from "./src/translator.ts";
       export const t = createTranslator({ conventions: [genaiReader, openinferenceReader] });`,
    );
    const folders = new Set(inputs.flatMap((p) => /^src\/conventions\/([^/]+)\//.exec(p)?.[1] ?? []));
    expect([...folders].sort()).toEqual(["genai", "openinference"]);
    // Nor READERS, CONVENTIONS or the default detector; nor a module object, an emitter, rules, or the
    // code that writes and validates (createFullTranslator's).
    expect(inputs.filter((p) => /^src\/(conventions\/(readers|index)|pipeline\/(detect|translate|from-mlflow|validator|requirements))\.ts$/.test(p))).toEqual([]);
    expect(inputs.filter((p) => /^src\/conventions\/[^/]+\/(index|emit|rules|losses)\.ts$/.test(p))).toEqual([]);
  });
});
