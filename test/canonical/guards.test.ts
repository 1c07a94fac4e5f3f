/**
 * The hand-written guards (src/canonical/guards.ts) accept exactly what the zod schemas of the
 * `mlflow-semconv/schemas` subpath accept, on generated values near the boundary (test/helpers/near.ts):
 * missing fields, wrong types, null, extra keys, own `__proto__` keys, objects without prototype.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { isChatChoice, isChatMessage, isChatTool, isCost, isTokenUsage, typedFieldsIssue } from "../../src/canonical/guards.js";
import { SPAN_TYPES } from "../../src/canonical/span.js";
import { ChatChoiceSchema, ChatMessageSchema, ChatToolSchema, CostSchema, MlflowSpanSchema, TokenUsageSchema } from "../../src/schemas/index.js";
import { near } from "../helpers/near.js";

const str = fc.string({ maxLength: 6 });
const count = fc.nat({ max: 10_000 });
const toolCall = fc.record({ id: str, type: fc.constant("function"), function: fc.record({ name: str, arguments: str }) });
const part = fc.oneof(
  fc.record({ type: fc.constant("text"), text: str }),
  fc.record({ type: fc.constant("image_url"), image_url: fc.record({ url: str, detail: str }, { requiredKeys: ["url"] }) }),
  fc.record({ type: fc.constant("reasoning"), text: str }),
  fc.record({ type: fc.constant("input_audio"), input_audio: fc.record({ data: str, format: str }) }),
  fc.record({ type: str, extra: fc.jsonValue({ maxDepth: 1 }) }),
);
const message = fc.record(
  {
    role: fc.constantFrom("user", "assistant", "tool", "system"),
    content: fc.oneof(str, fc.constant(null), fc.array(part, { maxLength: 3 })),
    tool_calls: fc.array(toolCall, { maxLength: 2 }),
    tool_call_id: str,
    name: str,
    refusal: str,
  },
  { requiredKeys: ["role", "content"] },
);
const choice = fc.record({ index: count, message, finish_reason: fc.oneof(str, fc.constant(null)) });
const tool = fc.record({
  type: fc.constant("function"),
  function: fc.record(
    { name: str, description: str, parameters: fc.dictionary(str, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }), strict: fc.boolean() },
    { requiredKeys: ["name"] },
  ),
});
const usage = fc.record(
  {
    input_tokens: count, output_tokens: count, total_tokens: count, cache_read_input_tokens: count,
    cache_creation_input_tokens: count, reasoning_tokens: count, input_audio_tokens: count, output_audio_tokens: count,
  },
  { requiredKeys: ["input_tokens", "output_tokens", "total_tokens"] },
);
const cost = fc.record({ input_cost: fc.double({ noNaN: true, noDefaultInfinity: true }), output_cost: fc.double({ noNaN: true, noDefaultInfinity: true }), total_cost: fc.double({ noNaN: true, noDefaultInfinity: true }) }, { requiredKeys: [] });
const typed = fc.record(
  { spanType: fc.constantFrom(...SPAN_TYPES), tokenUsage: usage, model: str, provider: str, tools: fc.array(tool, { maxLength: 2 }), cost, messageFormat: str },
  { requiredKeys: ["spanType"] },
);
const TypedFieldsSchema = z.pick(MlflowSpanSchema, { spanType: true, tokenUsage: true, model: true, provider: true, tools: true, cost: true, messageFormat: true });

const CASES: readonly [name: string, guard: (v: unknown) => boolean, schema: z.ZodMiniType, valid: fc.Arbitrary<unknown>][] = [
  ["isChatMessage", isChatMessage, ChatMessageSchema, message],
  ["isChatChoice", isChatChoice, ChatChoiceSchema, choice],
  ["isChatTool", isChatTool, ChatToolSchema, tool],
  ["isCost", isCost, CostSchema, cost],
  ["isTokenUsage", isTokenUsage, TokenUsageSchema, usage],
  ["typedFieldsIssue", (v) => typedFieldsIssue(v) === undefined, TypedFieldsSchema, typed],
];

describe("canonical guards accept exactly what the zod schemas accept", () => {
  for (const [name, guard, schema, valid] of CASES) {
    it(`${name}: valid values`, () => {
      fc.assert(fc.property(valid, (v) => guard(v) && schema.safeParse(v).success));
    });
    it(`${name}: values near the boundary`, () => {
      fc.assert(
        fc.property(near(valid), (v) => {
          expect({ guard: guard(v), value: v }).toEqual({ guard: schema.safeParse(v).success, value: v });
        }),
        { numRuns: 500 },
      );
    });
  }
});

describe("null optional message keys (MLflow's chat schema: Optional[...] = None)", () => {
  // What MLflow's OpenAI autolog stores as the reply (fixtures/mlflow/mlflow-autolog__chat).
  const raw = { role: "assistant", content: "Paris.", refusal: null, tool_calls: null, annotations: [], audio: null, function_call: null };
  it("a raw OpenAI reply message is a chat message for the guard and the schema", () => {
    expect(isChatMessage(raw)).toBe(true);
    expect(ChatMessageSchema.safeParse(raw).success).toBe(true);
    for (const key of ["refusal", "tool_calls", "name", "tool_call_id"]) expect(isChatMessage({ role: "user", content: "hi", [key]: null }), key).toBe(true);
  });
  it("a wrong non-null type is still refused", () => {
    for (const [key, value] of [["refusal", 1], ["tool_calls", {}], ["name", false], ["tool_call_id", []]] as const) {
      expect(isChatMessage({ role: "user", content: "hi", [key]: value }), key).toBe(false);
      expect(ChatMessageSchema.safeParse({ role: "user", content: "hi", [key]: value }).success, key).toBe(false);
    }
  });
});
