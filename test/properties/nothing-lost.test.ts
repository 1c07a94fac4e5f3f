/**
 * Nothing is lost: every source attribute is either represented in a canonical field or present
 * verbatim in `attributes`.
 * - default options: every source key is in `attributes` with its value unchanged (the same value, not
 *   a copy that happens to compare equal after parsing);
 * - `keepSource: false`: the keys that go are keys of a detected convention, each dropped key with
 *   content left its information in the canonical field it feeds (messages in inputs/outputs, counts
 *   in tokenUsage, …), and a key whose value was refused with a diagnostic (bad JSON, bad count,
 *   hostile index) stays raw, since no canonical field holds it.
 * Sources: canonical spans written by each emitter (valid values), every captured fixture, and
 * arbitrary values under real keys (malformed ones).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { conventionOfKey } from "../../src/pipeline/detect.js";
import { EMIT_TARGETS, fromMlflowSpan, toMlflowSpan, type Attributes, type MlflowSpan, type SpanLike } from "../../src/index.js";
import { listFixtures, loadFixture } from "../helpers/fixtures.js";
import { itFixture } from "../helpers/known-failures.js";

/** The canonical field a key's content ends up in, by the key's spelling in each convention. */
const FEEDS: readonly [RegExp, (s: MlflowSpan) => unknown][] = [
  [/^(mlflow\.spanInputs|gen_ai\.input\.messages|gen_ai\.system_instructions|gen_ai\.prompt(\.|$)|llm\.input_messages\.|llm\.prompts|llm\.invocation_parameters|input\.value|traceloop\.entity\.input|gen_ai\.request\.(temperature|top_p|top_k|max_tokens|seed|stop_sequences|frequency_penalty|presence_penalty)|gen_ai\.tool\.call\.arguments|embedding\.embeddings\.\d+\.embedding\.text|reranker\.(query|input_documents)|ai\.prompt(\.messages|\.toolChoice)?$|ai\.settings\.|ai\.toolCall\.(args|input)$|ai\.values?$|ai\.documents$)/, (s) => s.inputs],
  [/^(mlflow\.spanOutputs|gen_ai\.output\.messages|gen_ai\.completion(\.|$)|llm\.output_messages\.|llm\.choices|output\.value|traceloop\.entity\.output|gen_ai\.tool\.call\.result|retrieval\.documents\.|reranker\.output_documents|embedding\.embeddings\.\d+\.embedding\.vector|ai\.response\.(text|reasoning|toolCalls|object|finishReason|id)$|ai\.toolCall\.(result|output)$|ai\.embeddings?$|ai\.ranking$)/, (s) => s.outputs],
  [/^(mlflow\.chat\.tokenUsage|gen_ai\.usage\.|llm\.usage\.|llm\.token_count\.|ai\.usage\.)/, (s) => s.tokenUsage],
  [/^(mlflow\.llm\.model|gen_ai\.(request|response)\.model|llm\.(model_name|request\.model_name|response\.model_name)|embedding\.model_name|reranker\.model_name|ai\.model\.id|ai\.response\.model)$/, (s) => s.model],
  [/^(mlflow\.llm\.provider|gen_ai\.(provider\.name|system)|llm\.(provider|system))$/, (s) => s.provider],
  [/^(mlflow\.chat\.tools|gen_ai\.tool\.definitions|llm\.tools\.|llm\.request\.functions\.|ai\.prompt\.tools$)/, (s) => s.tools],
  [/^(mlflow\.llm\.cost|llm\.cost\.)/, (s) => s.cost],
];
/** Diagnostics that refuse a value and promise to keep it raw (README, "Diagnostics"). */
const KEPT_RAW = new Set([
  "invalid-json", "json-too-large", "json-too-deep", "invalid-token-count", "unsafe-key", "index-too-large", "indexed-key-conflict",
  "invalid-value", "unknown-span-type", "unknown-span-kind", "invalid-message",
]);

// JSON null, or an empty JSON object or list, holds nothing to represent (`llm.invocation_parameters: "{}"`).
const hasContent = (v: unknown) => v !== undefined && v !== null && v !== "" && v !== "null" && v !== "{}" && v !== "[]" && !(Array.isArray(v) && v.length === 0);
// `{}` counts as a value: an entity input `{"args":[],"kwargs":{}}` says "no arguments", and `{}` says it too.
const isEmpty = (v: unknown) => v === undefined;

/** Checks one source span; returns the dropped keys so callers can assert something was dropped. */
function check(source: SpanLike): string[] {
  const attrs = source.attributes ?? {};
  const full = toMlflowSpan(source);
  for (const key of Object.keys(attrs)) {
    expect(Object.prototype.hasOwnProperty.call(full.attributes, key), key).toBe(true);
    expect(Object.is(full.attributes[key], attrs[key]), key).toBe(true);
  }

  const lean = toMlflowSpan(source, { keepSource: false });
  // The canonical fields do not depend on the option.
  const { attributes: _a, ...leanFields } = lean;
  const { attributes: _b, ...fullFields } = full;
  expect(leanFields).toEqual(fullFields);
  const dropped = Object.keys(attrs).filter((k) => !Object.prototype.hasOwnProperty.call(lean.attributes, k));
  for (const key of Object.keys(lean.attributes)) expect(Object.is(lean.attributes[key], attrs[key]), key).toBe(true);
  for (const key of dropped) {
    expect(conventionOfKey(key), `${key} dropped but belongs to no convention`).toBeDefined();
    const value = attrs[key];
    const feed = FEEDS.find(([re]) => re.test(key));
    if (feed && hasContent(value)) expect(isEmpty(feed[1](lean)), `${key} dropped but its canonical field is empty`).toBe(false);
  }
  for (const d of lean.diagnostics) {
    if (d.key !== undefined && KEPT_RAW.has(d.code) && Object.prototype.hasOwnProperty.call(attrs, d.key)) {
      expect(Object.prototype.hasOwnProperty.call(lean.attributes, d.key), `${d.code}: ${d.key} refused but dropped`).toBe(true);
    }
  }
  return dropped;
}

// Canonical spans to emit: a small fixed variety is enough here, the round-trip files generate more.
const word = fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/);
const chat = fc
  .record({
    user: fc.string({ minLength: 1, maxLength: 10 }),
    reply: fc.option(fc.string({ minLength: 1, maxLength: 10 }), { nil: undefined }),
    call: fc.option(word, { nil: undefined }),
    model: word,
    provider: fc.constantFrom("openai", "anthropic"),
    usage: fc.option(fc.tuple(fc.nat(1000), fc.nat(1000), fc.option(fc.nat(50), { nil: undefined })), { nil: undefined }),
    tool: fc.option(word, { nil: undefined }),
    temperature: fc.option(fc.double({ min: 0, max: 2, noNaN: true }), { nil: undefined }),
    spanType: fc.constantFrom("CHAT_MODEL", "LLM", "AGENT", "TOOL", "CHAIN", "RETRIEVER"),
  })
  .map((g): MlflowSpan => {
    const span: MlflowSpan = { name: "s", spanType: g.spanType as MlflowSpan["spanType"], attributes: { "http.method": "POST", "session.id": "abc" }, conventions: [], diagnostics: [] };
    if (g.spanType === "CHAT_MODEL" || g.spanType === "LLM") {
      span.inputs = { messages: [{ role: "user", content: g.user }], ...(g.temperature === undefined ? {} : { temperature: g.temperature }) };
      if (g.reply !== undefined || g.call !== undefined) {
        const message = g.call === undefined ? { role: "assistant", content: g.reply ?? null } : { role: "assistant", content: null, tool_calls: [{ id: "c1", type: "function", function: { name: g.call, arguments: "{}" } }] };
        span.outputs = { choices: [{ index: 0, message, finish_reason: g.call === undefined ? "stop" : "tool_calls" }] };
      }
      span.model = g.model;
      span.provider = g.provider;
      if (g.usage) {
        const [input, output, cached] = g.usage;
        span.tokenUsage = { input_tokens: input + (cached ?? 0), output_tokens: output, total_tokens: input + (cached ?? 0) + output, ...(cached === undefined ? {} : { cache_read_input_tokens: cached }) };
      }
      if (g.tool !== undefined) span.tools = [{ type: "function", function: { name: g.tool, parameters: { type: "object" } } }];
    } else if (g.spanType === "RETRIEVER") {
      span.inputs = g.user;
      span.outputs = [{ id: "d1", page_content: g.reply ?? "doc", metadata: { score: 0.5 } }];
    } else {
      span.inputs = { q: g.user };
      if (g.reply !== undefined) span.outputs = g.reply;
    }
    return span;
  });

const realKeys = [
  "gen_ai.input.messages", "gen_ai.output.messages", "gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens", "gen_ai.request.model", "gen_ai.operation.name",
  "gen_ai.prompt.0.content", "gen_ai.prompt.0.role", "gen_ai.completion.0.content", "gen_ai.tool.definitions", "llm.request.type", "llm.usage.total_tokens",
  "traceloop.span.kind", "traceloop.entity.input", "traceloop.entity.output", "openinference.span.kind", "llm.input_messages.0.message.role",
  "llm.input_messages.0.message.content", "llm.output_messages.0.message.content", "llm.token_count.prompt", "llm.token_count.completion",
  "llm.invocation_parameters", "llm.model_name", "input.value", "output.value", "llm.tools.0.tool.json_schema", "retrieval.documents.0.document.content",
  "llm.input_messages.4294967295.message.content", "llm.input_messages.__proto__.message.content", "mlflow.spanType", "mlflow.spanInputs", "mlflow.chat.tokenUsage", "mlflow.llm.model",
  "ai.operationId", "ai.prompt", "ai.prompt.messages", "ai.prompt.tools", "ai.response.text", "ai.response.toolCalls", "ai.response.finishReason", "ai.usage.inputTokens",
  "ai.usage.outputTokens", "ai.toolCall.args", "ai.toolCall.result", "ai.values", "ai.embeddings", "ai.model.id", "ai.settings.temperature",
];
const value: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 12 }), fc.json({ maxDepth: 2 }), fc.json({ maxDepth: 2 }).map((j) => j.slice(0, -1)), fc.integer({ min: -5, max: 1000 }), fc.double(), fc.boolean(),
  fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.json({ maxDepth: 1 })), { maxLength: 3 }),
  fc.constantFrom("chat", "LLM", "workflow", "ai.generateText.doGenerate", "ai.toolCall", '{"prompt":"hi"}', '[{"role":"user","content":[{"type":"text","text":"hi"}]}]', '[{"role":"user","content":"hi"}]', '[{"role":"user","parts":[{"type":"text","content":"hi"}]}]', '"CHAT_MODEL"', '{"input_tokens":1,"output_tokens":2}'),
);

describe("nothing lost", () => {
  it("canonical spans written by each emitter: verbatim by default, only consumed convention keys dropped with keepSource: false", () => {
    fc.assert(
      fc.property(chat, fc.constantFrom(...EMIT_TARGETS), (span, to) => {
        const emitted = fromMlflowSpan(span, { to });
        const dropped = check(emitted);
        // Whatever convention keys the emitter wrote are consumed (GenAI writes none for a CHAIN span),
        // and the span's own non-LLM keys never are.
        const written = Object.keys(emitted.attributes).filter((k) => conventionOfKey(k) !== undefined);
        if (written.length > 0) expect(dropped.length).toBeGreaterThan(0);
        expect(dropped).not.toContain("http.method");
        expect(dropped).not.toContain("session.id");
      }),
      { numRuns: 200 },
    );
  });

  it("arbitrary values under real keys: refused values stay raw, dropped keys fed a canonical field", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...realKeys), value, { maxKeys: 8 }), (attrs) => {
        check({ name: "s", attributes: attrs as Attributes });
      }),
      { numRuns: 500 },
    );
  });

  describe("captured fixtures", () => {
    for (const fixture of listFixtures()) {
      itFixture("nothing-lost", fixture.id)(fixture.id, () => {
        for (const source of loadFixture(fixture)) check(source);
      });
    }
  });
});
