/**
 * Hostile and broken input, generated here where size matters. Each case: no throw, a diagnostic
 * where the input is wrong, the raw value kept. Times are not asserted (see `npm run bench`); the
 * sizes below keep each case well under a second on the CI machine.
 */
import { describe, expect, it } from "vitest";
import { decodeOtlpJson, toMlflowSpan, validateSpan, type Attributes } from "../../src/index.js";
import { safeJsonParse } from "../../src/internal/json.js";
import { unflattenIndexed } from "../../src/readers/unflatten.js";

const codesOf = (attributes: Attributes) => toMlflowSpan({ attributes }).diagnostics.map((d) => d.code);

describe("hostile input", () => {
  it("a 50 MB attribute value is kept raw and not parsed", () => {
    const huge = `[${"1,".repeat(25 * 1024 * 1024)}1]`;
    expect(huge.length).toBeGreaterThan(50 * 1024 * 1024);
    expect(safeJsonParse(huge)).toMatchObject({ ok: false, reason: "too-long" });
    const span = toMlflowSpan({ attributes: { "mlflow.spanInputs": huge, "gen_ai.input.messages": huge } });
    expect(span.attributes["gen_ai.input.messages"]).toBe(huge);
    expect(span.inputs).toBe(huge);
    expect(span.diagnostics).toContainEqual(expect.objectContaining({ code: "json-too-large", key: "mlflow.spanInputs" }));
  });

  it("100k attributes on one span are all kept", () => {
    const attributes: Attributes = {};
    for (let i = 0; i < 100_000; i++) attributes[`custom.key_${i}`] = i;
    attributes["llm.input_messages.0.message.role"] = "user";
    const span = toMlflowSpan({ attributes });
    expect(Object.keys(span.attributes)).toHaveLength(100_001);
  });

  it("100k indexed keys expand linearly; 100k-deep JSON is refused", () => {
    const attributes: Attributes = {};
    for (let i = 0; i < 100_000; i++) attributes[`p.${i}.v`] = i;
    const result = unflattenIndexed(attributes, "p");
    expect((result.value as unknown[]).length).toBe(10_001); // indices above LIMITS.maxIndex are refused
    expect(result.problems.filter((p) => p.code === "index-too-large")).toHaveLength(89_999);
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    expect(safeJsonParse(deep)).toMatchObject({ ok: false });
    const span = toMlflowSpan({ attributes: { "gen_ai.input.messages": deep, "mlflow.spanInputs": deep } });
    expect(span.diagnostics).toContainEqual(expect.objectContaining({ code: "json-too-deep", key: "mlflow.spanInputs" }));
    expect(span.attributes["gen_ai.input.messages"]).toBe(deep);
  });

  it("100k refused keys on one span: 100 diagnostics listed, the rest counted in one summary, every key kept", () => {
    const attributes: Attributes = { "openinference.span.kind": "LLM" };
    for (let i = 0; i < 100_000; i++) attributes[`llm.input_messages.${20_000 + i}.message.content`] = "x";
    const span = toMlflowSpan({ attributes }, { keepSource: false });
    expect(span.diagnostics).toHaveLength(101);
    const summary = span.diagnostics[100]!;
    expect(summary).toMatchObject({ code: "too-many-diagnostics", severity: "warning" });
    expect(summary.message).toMatch(/^99900 more diagnostics on this span are counted, not listed \(index-too-large ×99900\)$/);
    expect(span.diagnostics.slice(0, 100).every((d) => d.code === "index-too-large")).toBe(true);
    expect(Object.keys(span.attributes)).toHaveLength(100_000);
  });

  it("an index of 2^32, negative and duplicate-looking indices never allocate", () => {
    const result = unflattenIndexed(
      { "x.4294967296.role": "a", "x.-1.role": "b", "x.0.role": "c", "x.00.role": "d", "x.0.role.extra": "e" },
      "x",
    );
    expect(result.problems.map((p) => [p.code, p.key])).toContainEqual(["index-too-large", "x.4294967296.role"]);
    expect(result.value).toEqual({ "-1": { role: "b" }, "0": { role: "c" }, "00": { role: "d" } });
  });

  it("invalid UTF-16 surrogates pass through unchanged", () => {
    const lone = "\uD800abc\uDFFF";
    const span = toMlflowSpan({ attributes: { "mlflow.spanInputs": JSON.stringify(lone), other: lone } });
    expect(span.inputs).toBe(lone);
    expect(span.attributes.other).toBe(lone);
  });

  it("numbers as strings, strings as numbers, NaN and Infinity", () => {
    const span = toMlflowSpan({
      attributes: { "mlflow.chat.tokenUsage": '{"input_tokens":"12","output_tokens":1e400}', "gen_ai.usage.input_tokens": Number.NaN },
    });
    expect(span.tokenUsage).toMatchObject({ input_tokens: 12 });
    expect(span.diagnostics.map((d) => d.code)).toContain("invalid-token-count");
    expect(codesOf({ "mlflow.spanType": 42 as never })).toContain("unknown-span-type");
    const diagnostics = validateSpan({ attributes: { "gen_ai.operation.name": "chat", "gen_ai.usage.input_tokens": Number.POSITIVE_INFINITY } });
    expect(diagnostics.map((d) => d.code)).toContain("wrong-type");
  });

  it("NaN and Infinity survive the OTLP round trip", () => {
    const [span] = decodeOtlpJson({
      resourceSpans: [{ scopeSpans: [{ spans: [{ name: "s", attributes: [{ key: "d", value: { doubleValue: "Infinity" } }] }] }] }],
    });
    expect(toMlflowSpan(span!).attributes.d).toBe(Number.POSITIVE_INFINITY);
  });
});
