/**
 * The hand-written GenAI message checks (src/readers/genai-shapes.ts) agree with the zod schemas
 * pinned from semconv-genai (src/schemas/genai.ts) on values near the boundary (test/helpers/near.ts):
 * - genAiPartIssue / genAiMessageIssue accept exactly what the schema accepts once own `__proto__` keys
 *   are dropped (withoutProtoKeys);
 * - isGenAiPart / isGenAiMessage (the fast path) are true exactly for plain objects, without own
 *   `__proto__` keys in them or their parts, that the schema accepts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod/mini";
import { genAiMessageIssue, genAiPartIssue, isGenAiMessage, isGenAiPart, withoutProtoKeys } from "../../../src/readers/genai-shapes.js";
import { isPlainObject } from "../../../src/internal/records.js";
import { GenAiInputMessageSchema, GenAiOutputMessageSchema, GenAiPartSchema } from "../../../src/schemas/genai.js";
import { near } from "../../helpers/near.js";

const str = fc.string({ maxLength: 5 });
const nullable = fc.oneof(str, fc.constant(null));
const typedRecord = fc.record({ type: str, extra: fc.jsonValue({ maxDepth: 1 }) }, { requiredKeys: ["type"] });
const modality = fc.constantFrom("image", "audio", "video", "document", "other");
const part = fc.oneof(
  fc.record({ type: fc.constant("text"), content: str }),
  fc.record({ type: fc.constant("reasoning"), content: str }),
  fc.record({ type: fc.constant("tool_call"), id: nullable, name: str, arguments: fc.jsonValue({ maxDepth: 1 }) }, { requiredKeys: ["type", "name"] }),
  fc.record({ type: fc.constant("tool_call_response"), id: nullable, response: fc.jsonValue({ maxDepth: 1 }) }, { requiredKeys: ["type", "response"] }),
  fc.record({ type: fc.constant("server_tool_call"), id: nullable, name: str, server_tool_call: typedRecord }, { requiredKeys: ["type", "name", "server_tool_call"] }),
  fc.record({ type: fc.constant("server_tool_call_response"), id: nullable, server_tool_call_response: typedRecord }, { requiredKeys: ["type", "server_tool_call_response"] }),
  fc.record({ type: fc.constant("blob"), mime_type: nullable, modality, content: str, transcript: nullable }, { requiredKeys: ["type", "modality", "content"] }),
  fc.record({ type: fc.constant("file"), mime_type: nullable, modality, file_id: str, transcript: nullable }, { requiredKeys: ["type", "modality", "file_id"] }),
  fc.record({ type: fc.constant("uri"), mime_type: nullable, modality, uri: str, transcript: nullable }, { requiredKeys: ["type", "modality", "uri"] }),
  fc.record({ type: fc.constant("compaction"), id: nullable, content: nullable }, { requiredKeys: ["type"] }),
  typedRecord,
);
const message = (output: boolean) =>
  fc.record(
    { role: fc.constantFrom("system", "user", "assistant", "tool", "x"), parts: fc.array(part, { maxLength: 3 }), name: nullable, ...(output ? { finish_reason: nullable } : {}) },
    { requiredKeys: ["role", "parts"] },
  );

const hasOwnProto = (v: unknown) => v !== null && typeof v === "object" && Object.prototype.hasOwnProperty.call(v, "__proto__");
const accepts = (schema: z.ZodMiniType, v: unknown) => schema.safeParse(withoutProtoKeys(v)).success;
/** What the fast path may say yes to: a plain object without own `__proto__`, nor in its parts. */
function plain(v: unknown, withParts: boolean): boolean {
  if (!isPlainObject(v) || hasOwnProto(v)) return false;
  if (!withParts) return true;
  const parts = (v as { parts?: unknown }).parts;
  return !Array.isArray(parts) || parts.every((p) => isPlainObject(p) && !hasOwnProto(p));
}

describe("GenAI shapes agree with the pinned semconv schemas", () => {
  it("parts: genAiPartIssue and isGenAiPart", () => {
    fc.assert(
      fc.property(near(part), (v) => {
        const schema = accepts(GenAiPartSchema, v);
        expect({ issue: genAiPartIssue(v) ?? "ok", value: v }).toEqual({ issue: schema ? "ok" : expect.any(String), value: v });
        expect({ fast: isGenAiPart(v), value: v }).toEqual({ fast: schema && plain(v, false), value: v });
      }),
      { numRuns: 1000 },
    );
  });

  for (const output of [false, true]) {
    const schema = output ? GenAiOutputMessageSchema : GenAiInputMessageSchema;
    it(`${output ? "output" : "input"} messages: genAiMessageIssue and isGenAiMessage`, () => {
      fc.assert(
        fc.property(near(message(output), 4), (v) => {
          const ok = accepts(schema, v);
          expect({ issue: genAiMessageIssue(v, output) ?? "ok", value: v }).toEqual({ issue: ok ? "ok" : expect.any(String), value: v });
          expect({ fast: isGenAiMessage(v, output), value: v }).toEqual({ fast: ok && plain(v, true), value: v });
        }),
        { numRuns: 1000 },
      );
    });
  }

  it("withoutProtoKeys drops own __proto__ keys of a message and its parts, and nothing else", () => {
    const part = JSON.parse('{"type":"text","content":"a","__proto__":{"x":1}}') as object;
    const raw = JSON.parse('{"role":"user","__proto__":1,"parts":[]}') as { parts: unknown[] };
    raw.parts.push(part);
    const copy = withoutProtoKeys(raw) as Record<string, unknown>;
    expect(Object.keys(copy)).toEqual(["role", "parts"]);
    expect(Object.keys((copy.parts as object[])[0]!)).toEqual(["type", "content"]);
    const clean = { role: "user", parts: [{ type: "text", content: "a" }] };
    expect(withoutProtoKeys(clean)).toBe(clean);
  });
});
