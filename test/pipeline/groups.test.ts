/**
 * Key groups (src/mappers/groups.ts): a parser skips a table of spellings when detection saw none of
 * its keys, so every key a parser probes under a group must be in that group, or it would never be read.
 */
import { describe, expect, it } from "vitest";
import { GENAI_REQUEST_PARAMS, GENAI_USAGE_KEYS } from "../../src/conventions/genai/tables.js";
import { VERCEL_SETTINGS, VERCEL_USAGE_KEYS } from "../../src/conventions/vercel-ai/keys.js";
import { GROUP, GROUP_OF_KEY, genaiParamGroup, genaiUsageGroup } from "../../src/pipeline/groups.js";
import { LLM_PARAMS } from "../../src/conventions/openllmetry/tables.js";
import { toMlflowSpan } from "../../src/index.js";

const inGroup = (key: string, bit: number) => ((GROUP_OF_KEY.get(key) ?? 0) & bit) !== 0;

describe("every probed key is in the group its parser tests", () => {
  it.each([
    ["GenAI request parameters", GENAI_REQUEST_PARAMS.map((p) => p.key), genaiParamGroup],
    ["GenAI counts", Object.values(GENAI_USAGE_KEYS).flat(), genaiUsageGroup],
    ["OpenLLMetry llm.* parameters", LLM_PARAMS.map((p) => p.key), () => GROUP.openllmetryParams],
    ["AI SDK settings", VERCEL_SETTINGS.map((s) => s.key), () => GROUP.vercelSettings],
    ["AI SDK counts", Object.values(VERCEL_USAGE_KEYS).flat(), () => GROUP.vercelUsage],
  ] as const)("%s", (_name, keys, groupOf) => {
    for (const key of keys) expect(inGroup(key, groupOf(key)), key).toBe(true);
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
