/**
 * `createFullTranslator` (src/pipeline/full-translator.ts, exported by `mlflow-semconv/translator`):
 * over the modules a program chose, `fromMlflowSpan` and `validateSpan` return what the package's
 * functions return for every fixture span whose conventions are chosen; misuse is refused with a
 * TypeError naming the fix; and its bundle holds the chosen conventions' emitters and rules only.
 */
import { describe, expect, it } from "vitest";
import { groupLabel, loadSpans, NONE_LABEL } from "../../bench/corpus.js";
import { CONVENTIONS, EMIT_TARGETS } from "../../src/conventions/index.js";
import type { ConventionModule } from "../../src/conventions/types.js";
import { fromMlflowSpan, REQUIRABLE_FIELDS, toMlflowSpan, validateSpan } from "../../src/index.js";
import { createFullTranslator, genaiModule, genaiReader, mlflowModule, openinferenceModule, vercelAiModule } from "../../src/translator.js";
import { bundledInputs } from "../helpers/bundle.js";
import { FIXTURES } from "../helpers/fixtures.js";

const ALL = CONVENTIONS as readonly ConventionModule[];
const moduleOf = (id: string) => ALL.find((m) => m.id === id)!;
const WRITABLE = ALL.filter((m) => m.emit !== undefined);
const SPANS = loadSpans(FIXTURES);

describe("over a span's own conventions (and every writable one), each function returns the package's result", () => {
  const byLabel = new Map<string, typeof SPANS>();
  for (const span of SPANS) {
    const label = groupLabel(span);
    if (label !== NONE_LABEL) byLabel.set(label, [...(byLabel.get(label) ?? []), span]);
  }

  it.each([...byLabel].map(([label, spans]) => [label, spans.length, spans] as const))("%s (%i spans)", (label, _n, spans) => {
    // The detected conventions plus every writable one, listed in reverse: the translator sorts them.
    const ids = new Set([...label.split("+"), ...WRITABLE.map((m) => m.id)]);
    const t = createFullTranslator({ conventions: [...ids].map(moduleOf).reverse() });
    expect(t.emitTargets).toEqual(EMIT_TARGETS);
    const all = { require: [...REQUIRABLE_FIELDS] };
    for (const span of spans) {
      expect(t.validateSpan(span)).toEqual(validateSpan(span));
      expect(t.validateSpan(span, all)).toEqual(validateSpan(span, all));
      for (const convention of label.split("+") as Exclude<Parameters<typeof validateSpan>[1], undefined>["convention"][]) {
        expect(t.validateSpan(span, { convention, ...all })).toEqual(validateSpan(span, { convention, ...all }));
      }
      const canonical = t.toMlflowSpan(span);
      for (const to of t.emitTargets as readonly (typeof EMIT_TARGETS)[number][]) {
        expect(t.fromMlflowSpan(canonical, { to })).toEqual(fromMlflowSpan(toMlflowSpan(span), { to }));
        expect(t.fromMlflowSpan(span, { to, includeDeprecated: true })).toEqual(fromMlflowSpan(span, { to, includeDeprecated: true }));
      }
    }
  });
});

describe("a choice without some convention", () => {
  it("writes only to the chosen conventions with an emitter", () => {
    const t = createFullTranslator({ conventions: [vercelAiModule, genaiModule] });
    expect(t.conventions).toEqual(["vercel-ai", "genai"]);
    expect(t.emitTargets).toEqual(["genai"]);
  });

  it("without mlflow, a span with no primary convention takes its field hints from the first detected one", () => {
    // AI SDK 7: GenAI spans with optional ai.* keys are held to GenAI; with genai not chosen, none is primary.
    const span = {
      name: "ai.generateText.doGenerate",
      attributes: { "gen_ai.operation.name": "chat", "ai.model.id": "gpt-4o", "ai.model.provider": "openai.chat", "ai.prompt.messages": "[]" },
    };
    const t = createFullTranslator({ conventions: [vercelAiModule] });
    expect(t.toMlflowSpan(span)).toMatchObject({ spanType: "CHAT_MODEL", conventions: ["vercel-ai"] });
    expect(t.validateSpan(span, { require: ["tokenUsage"] })).toEqual([
      {
        code: "missing-field",
        severity: "error",
        key: "tokenUsage",
        message: "the translated CHAT_MODEL span has no tokenUsage; add ai.usage.inputTokens and ai.usage.outputTokens (vercel-ai)",
        spanName: "ai.generateText.doGenerate",
      },
    ]);
  });
});

describe("createFullTranslator and its functions refuse misuse with a TypeError that names the fix", () => {
  const FIX = /pass each module of "mlflow-semconv\/translator" once: \{ conventions: \[genaiModule, \.\.\.\] \}/;
  it.each([
    ["no list", {}, /no conventions/],
    ["a reader instead of its module", { conventions: [genaiReader] }, /conventions\[0\] is not a module/],
    ["a module twice", { conventions: [genaiModule, mlflowModule, genaiModule] }, /genai is listed twice/],
  ])("%s", (_name, options, problem) => {
    const create = () => createFullTranslator(options as never);
    expect(create).toThrow(TypeError);
    expect(create).toThrow(problem);
    expect(create).toThrow(FIX);
  });

  it("fromMlflowSpan to a convention that is not chosen, or when none chosen can be written", () => {
    const span = { attributes: { "gen_ai.operation.name": "chat" } };
    expect(() => createFullTranslator({ conventions: [genaiModule, mlflowModule] }).fromMlflowSpan(span, { to: "openinference" as never })).toThrow(
      new TypeError('fromMlflowSpan (createFullTranslator): options.to must be one of "mlflow", "genai"; got "openinference"'),
    );
    expect(() => createFullTranslator({ conventions: [vercelAiModule] }).fromMlflowSpan(span, { to: "genai" as never })).toThrow(
      new TypeError('fromMlflowSpan (createFullTranslator): options.to names no convention: none of the chosen ones has an emitter; got "genai"'),
    );
  });

  it("validateSpan with a convention that is not chosen (and the package's with one it does not know)", () => {
    const span = { attributes: { "gen_ai.operation.name": "chat" } };
    expect(() => createFullTranslator({ conventions: [openinferenceModule, genaiModule] }).validateSpan(span, { convention: "mlflow" as never })).toThrow(
      new TypeError('validateSpan (createFullTranslator): unknown convention "mlflow"; use one of openinference, genai'),
    );
    expect(() => validateSpan(span, { convention: "acme" as never })).toThrow(/^validateSpan: unknown convention "acme"; use one of mlflow, openinference, /);
  });
});

describe("the bundle", () => {
  it("of createFullTranslator with two modules holds those conventions' folders only, and no declared loss", async () => {
    const inputs = await bundledInputs(
      `import { createFullTranslator, genaiModule, mlflowModule } from "./src/translator.ts";
       export const t = createFullTranslator({ conventions: [genaiModule, mlflowModule] });`,
    );
    const folders = new Set(inputs.flatMap((p) => /^src\/conventions\/([^/]+)\//.exec(p)?.[1] ?? []));
    expect([...folders].sort()).toEqual(["genai", "mlflow"]);
    expect(inputs.filter((p) => /^src\/conventions\/genai\/(emit|rules)\.ts$/.test(p)).sort()).toEqual(["src/conventions/genai/emit.ts", "src/conventions/genai/rules.ts"]);
    // Nor READERS, CONVENTIONS, the package's instances, LOSSES or any losses.ts.
    expect(inputs.filter((p) => /^src\/(conventions\/(readers|index|round-trips|losses)|pipeline\/(detect|translate|validate))\.ts$/.test(p) || p.endsWith("/losses.ts"))).toEqual([]);
  });
});

describe("createFullTranslator refuses a module whose emit is not a function", () => {
  it("at creation, not at the first span", () => {
    expect(() => createFullTranslator({ conventions: [{ ...genaiModule, emit: "genai" } as never] })).toThrow(/conventions\[0\] is not a module/);
  });
});
