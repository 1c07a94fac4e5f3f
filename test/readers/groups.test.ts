/**
 * Key groups (src/readers/groups.ts): a parser skips a table of spellings when detection saw none of
 * its keys, so every key a parser probes under a group must be in that group, or it would never be read.
 * Bits are allocated by the registry (src/conventions/index.ts).
 */
import { describe, expect, it } from "vitest";
import { CONVENTIONS } from "../../src/conventions/index.js";
import { GENAI_PARAM_GROUPS, GENAI_REQUEST_PARAMS, GENAI_USAGE_KEYS, genaiUsageGroup } from "../../src/conventions/genai/tables.js";
import { LLM_PARAMS, OPENLLMETRY_GROUPS } from "../../src/conventions/openllmetry/tables.js";
import { VERCEL_SETTINGS, VERCEL_USAGE_KEYS } from "../../src/conventions/vercel-ai/keys.js";
import { VERCEL_GROUPS } from "../../src/conventions/vercel-ai/tables.js";
import type { ConventionModule } from "../../src/conventions/types.js";
import { keyGroup, type KeyGroup } from "../../src/readers/groups.js";
import { ParseContext } from "../../src/readers/context.js";
import { toMlflowSpan } from "../../src/index.js";

describe("every probed key is in the group its parser tests", () => {
  const cases: [string, readonly string[], (key: string, i: number) => KeyGroup][] = [
    ["GenAI request parameters", GENAI_REQUEST_PARAMS.map((p) => p.key), (_k, i) => GENAI_PARAM_GROUPS[i]!],
    ["GenAI counts", Object.values(GENAI_USAGE_KEYS).flat(), (k) => genaiUsageGroup(k)],
    ["OpenLLMetry llm.* parameters", LLM_PARAMS.map((p) => p.key).filter((k) => k.startsWith("llm.")), () => OPENLLMETRY_GROUPS.params],
    ["AI SDK settings", VERCEL_SETTINGS.map((s) => s.key), () => VERCEL_GROUPS.settings],
    ["AI SDK counts", Object.values(VERCEL_USAGE_KEYS).flat(), () => VERCEL_GROUPS.usage],
  ];
  it.each(cases)("%s", (_name, keys, groupOf) => {
    keys.forEach((key, i) => expect(groupOf(key, i).keys, key).toContain(key));
  });
});

describe("group bits", () => {
  const groups = (CONVENTIONS as readonly ConventionModule[]).flatMap((m) => m.groups ?? []);

  it("every group of a listed module has its own single bit", () => {
    const bits = groups.map((g) => g.bit);
    for (const bit of bits) expect(bit !== 0 && (bit & (bit - 1)) === 0, `bit ${bit}`).toBe(true);
    expect(new Set(bits).size).toBe(bits.length);
  });

  it("a context built without the detection walk probes every group; an unallocated group is probed whenever any group is", () => {
    const unallocated = keyGroup("test.unallocated", ["x.y"]);
    expect(new ParseContext({}, [], "s", undefined, undefined).present(groups[0]!)).toBe(true);
    expect(new ParseContext({}, [], "s", undefined, undefined).present(unallocated)).toBe(true);
    expect(new ParseContext({}, [], "s", undefined, undefined, true, undefined, groups[0]!.bit).present(unallocated)).toBe(true);
    expect(new ParseContext({}, [], "s", undefined, undefined, true, undefined, groups[0]!.bit).present(groups[1]!)).toBe(false);
  });

  it("a span without a group's keys skips it; with one of them, it is present", () => {
    const plain = toMlflowSpan({ attributes: { "gen_ai.operation.name": "chat" } });
    expect(plain.inputs).toBeUndefined();
    const withParam = toMlflowSpan({ attributes: { "gen_ai.operation.name": "chat", "gen_ai.request.seed": 4 } });
    expect(withParam.inputs).toEqual({ seed: 4 });
  });
});

describe("reading through the groups", () => {
  it("a span whose only parameter or count is a rare spelling still has it read", () => {
    const s = toMlflowSpan({ attributes: { "gen_ai.operation.name": "chat", "gen_ai.request.stream": true, "gen_ai.usage.reasoning.output_tokens": 3 } });
    expect(s.inputs).toEqual({ stream: true });
    expect(s.tokenUsage).toMatchObject({ reasoning_tokens: 3 });
  });

  it("an attribute record with a prototype of its own (detected with for-in) gets its groups too", () => {
    const attributes = Object.create({ inherited: 1 }) as Record<string, unknown>;
    Object.assign(attributes, { "gen_ai.operation.name": "chat", "gen_ai.request.temperature": 0.5, "gen_ai.usage.input_tokens": 3, "gen_ai.usage.output_tokens": 1 });
    const s = toMlflowSpan({ attributes: attributes as never });
    expect(s.inputs).toEqual({ temperature: 0.5 });
    expect(s.tokenUsage).toEqual({ input_tokens: 3, output_tokens: 1, total_tokens: 4 });
  });

  it("a second spelling of a count that disagrees is kept raw with keepSource: false, one that agrees is consumed", () => {
    const s = toMlflowSpan({ attributes: { "gen_ai.operation.name": "chat", "gen_ai.usage.input_tokens": 5, "gen_ai.usage.prompt_tokens": 7, "gen_ai.usage.output_tokens": 1, "gen_ai.usage.completion_tokens": 1 } }, { keepSource: false });
    expect(s.tokenUsage).toMatchObject({ input_tokens: 5, output_tokens: 1 });
    expect(s.attributes).toEqual({ "gen_ai.usage.prompt_tokens": 7 });
  });
});
