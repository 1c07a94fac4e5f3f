/**
 * Model-based test of the precedence context (src/readers/context.ts): any sequence of offer / replace
 * / current calls behaves like a trivial model, one slot per field where "the highest rank wins, the
 * first offer wins a tie, an undefined value is no offer, and replace swaps the value keeping the rank
 * (and does nothing on an empty slot)".
 */
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { ParseContext, RANK, type FieldName } from "../../src/readers/context.js";

const FIELDS: readonly FieldName[] = ["spanType", "inputs", "outputs", "tokenUsage", "model", "provider", "tools", "cost", "messageFormat"];

interface Slot {
  value: unknown;
  rank: number;
}
type Model = Map<FieldName, Slot>;
interface Real {
  ctx: ParseContext;
}

/** Ranks of the real table plus a few around them, so ties and near misses are frequent. */
const rank = fc.oneof(fc.constantFrom(...Object.values(RANK)), fc.integer({ min: -2, max: 110 }));
/** Distinct objects and primitives: the context must hand back the very value offered. */
const value = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.object({ maxDepth: 1 }), fc.constant(undefined));
const field = fc.constantFrom(...FIELDS);

class Offer implements fc.Command<Model, Real> {
  constructor(readonly field: FieldName, readonly value: unknown, readonly rank: number, readonly convention: string) {}
  check = () => true;
  run(model: Model, real: Real): void {
    real.ctx.offer(this.field, this.value as never, this.rank, this.convention);
    const slot = model.get(this.field);
    if (this.value !== undefined && (slot === undefined || this.rank > slot.rank)) model.set(this.field, { value: this.value, rank: this.rank });
    same(model, real, this.field);
  }
  toString = () => `offer(${this.field}, ${fc.stringify(this.value)}, ${this.rank}, ${this.convention})`;
}

class Replace implements fc.Command<Model, Real> {
  constructor(readonly field: FieldName, readonly value: unknown) {}
  check = () => true;
  run(model: Model, real: Real): void {
    real.ctx.replace(this.field, this.value as never);
    const slot = model.get(this.field);
    if (slot !== undefined) slot.value = this.value;
    same(model, real, this.field);
  }
  toString = () => `replace(${this.field}, ${fc.stringify(this.value)})`;
}

class Current implements fc.Command<Model, Real> {
  constructor(readonly field: FieldName) {}
  check = () => true;
  run(model: Model, real: Real): void {
    same(model, real, this.field);
  }
  toString = () => `current(${this.field})`;
}

function same(model: Model, real: Real, touched: FieldName): void {
  const read = (f: FieldName) => {
    const c = real.ctx.current(f);
    return c === undefined ? undefined : { value: c.value, rank: c.rank };
  };
  const expected = model.get(touched);
  const actual = read(touched);
  expect(actual === undefined ? undefined : actual.rank).toBe(expected?.rank);
  // The identical value, not a copy.
  expect(actual === undefined || Object.is(actual.value, expected!.value)).toBe(true);
  // The other fields are untouched.
  for (const f of FIELDS) if (f !== touched) expect(read(f)?.rank).toBe(model.get(f)?.rank);
}

const commands = fc.commands(
  [
    fc.tuple(field, value, rank, fc.constantFrom("a", "b", "c")).map(([f, v, r, c]) => new Offer(f, v, r, c)),
    fc.tuple(field, value).map(([f, v]) => new Replace(f, v)),
    field.map((f) => new Current(f)),
  ],
  { maxCommands: 60 },
);

describe("ParseContext precedence against the model", () => {
  it("offer / replace / current agree with 'highest rank wins, first on tie'", () => {
    fc.assert(
      fc.property(commands, (cmds) => {
        fc.modelRun(() => ({ model: new Map(), real: { ctx: new ParseContext({}, [], "s", undefined, undefined) } }), cmds);
      }),
      { numRuns: 300 },
    );
  });

  it("the winner of a tie is the first offer, whichever convention made it", () => {
    const ctx = new ParseContext({}, [], "s", undefined, undefined);
    ctx.offer("model", "first", RANK.structured, "genai");
    ctx.offer("model", "second", RANK.structured, "openllmetry");
    ctx.offer("model", "lower", RANK.flattened, "openinference");
    expect(ctx.current("model")).toMatchObject({ value: "first", rank: RANK.structured, convention: "genai" });
    ctx.replace("model", "refined");
    expect(ctx.current("model")).toMatchObject({ value: "refined", rank: RANK.structured, convention: "genai" });
  });
});

describe("ParseContext.jsonScalar", () => {
  it("decodes a JSON scalar's text as safeJsonParse does, and gives a text that is not JSON as not ok", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null)), fc.string(), (scalar, junk) => {
        const ctx = new ParseContext({}, [], "s", undefined, undefined);
        expect(ctx.jsonScalar(JSON.stringify(scalar))).toEqual({ ok: true, value: JSON.parse(JSON.stringify(scalar)) });
        let valid = true;
        try {
          JSON.parse(junk);
        } catch {
          valid = false;
        }
        expect(ctx.jsonScalar(junk).ok).toBe(valid);
        expect(ctx.diagnostics).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("parses a text once per span however often it is asked, and each span afresh", () => {
    const text = JSON.stringify("You are a helpful assistant. ".repeat(50));
    const parse = vi.spyOn(JSON, "parse");
    try {
      const ctx = new ParseContext({}, [], "s", undefined, undefined);
      const first = ctx.jsonScalar(text);
      expect(ctx.jsonScalar("42")).toEqual({ ok: true, value: 42 });
      expect(ctx.jsonScalar(`${text}`)).toBe(first);
      expect(parse).toHaveBeenCalledTimes(2);
      new ParseContext({}, [], "t", undefined, undefined).jsonScalar(text);
      expect(parse).toHaveBeenCalledTimes(3);
    } finally {
      parse.mockRestore();
    }
  });
});

describe("ParseContext.jsonMentioning", () => {
  const at = (text: unknown) => new ParseContext({ k: text as string }, [], "s", undefined, undefined);
  it("parses a document that mentions the word, as json(key) does", () => {
    const ctx = at('{"anthropic":{"usage":{"input_tokens":3}}}');
    expect(ctx.jsonMentioning("k", "anthropic")).toEqual({ ok: true, value: { anthropic: { usage: { input_tokens: 3 } } } });
    expect(ctx.jsonMentioning("k", "anthropic")).toBe(ctx.json("k"));
  });
  it("a text without the word is not parsed and not diagnosed, even when it is not JSON", () => {
    const parse = vi.spyOn(JSON, "parse");
    try {
      const ctx = at('{"openai":{"cachedPromptTokens":0}');
      expect(ctx.jsonMentioning("k", "anthropic")).toEqual({ ok: false });
      expect(parse).not.toHaveBeenCalled();
      expect(ctx.diagnostics).toEqual([]);
    } finally {
      parse.mockRestore();
    }
  });
  it("a \\u escape could spell the word, so such a text is parsed", () => {
    expect(at('{"\\u0061nthropic":1}').jsonMentioning("k", "anthropic")).toEqual({ ok: true, value: { anthropic: 1 } });
  });
  it("a broken document that mentions the word is diagnosed as json(key) does; a value that is not a string is returned", () => {
    const ctx = at('{"anthropic":');
    expect(ctx.jsonMentioning("k", "anthropic")).toEqual({ ok: false });
    expect(ctx.diagnostics.map((d) => d.code)).toEqual(["invalid-json"]);
    expect(at(7).jsonMentioning("k", "anthropic")).toEqual({ ok: true, value: 7 });
  });
  it("with a pattern, only a text the pattern matches is parsed", () => {
    const parse = vi.spyOn(JSON, "parse");
    try {
      const count = /"n":(?!0[,}])/;
      const zero = at('{"anthropic":{"n":0}}');
      expect(zero.jsonMentioning("k", count)).toEqual({ ok: false });
      expect(parse).not.toHaveBeenCalled();
      expect(at('{"anthropic":{"n":5}}').jsonMentioning("k", count)).toEqual({ ok: true, value: { anthropic: { n: 5 } } });
      expect(parse).toHaveBeenCalledTimes(1);
    } finally {
      parse.mockRestore();
    }
  });
});
