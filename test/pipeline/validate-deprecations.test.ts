/**
 * Deprecations `validate` flags, each naming its replacement (issue 13), on captured fixtures where one
 * shows it (docs/issue-13-fixtures.md maps them) and on hand-built spans only where no capture does
 * (a retrieval span with gen_ai.request.top_k). Each case lists every deprecation finding of a span:
 * [code, severity, key, replacement].
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateSpan, type Attributes, type Diagnostic } from "../../src/index.js";
import { decodeOtlpJson, type DecodedSpan } from "../../src/otlp/decode.js";
import { EMIT_FIXTURES, listFixtures, loadFixture } from "../helpers/fixtures.js";

type Finding = [code: string, severity: string, key: string | undefined, replacement: string | undefined];

/** The replacement a deprecation message names (`…; use X`). */
const replacement = (d: Diagnostic) => /; use (.+)$/.exec(d.message)?.[1];
const deprecations = (span: Parameters<typeof validateSpan>[0]): Finding[] =>
  validateSpan(span)
    .filter((d) => d.code === "deprecated-attribute" || d.code === "deprecated-event")
    .map((d) => [d.code, d.severity, d.key, replacement(d)]);

const fixtures = new Map(listFixtures().map((f) => [f.id, f]));
function spans(id: string): DecodedSpan[] {
  const fixture = fixtures.get(id);
  if (!fixture) throw new Error(`no fixture ${id}`);
  return loadFixture(fixture);
}
/** Deprecation findings per span name, for every span of a fixture that has some. */
function byName(id: string): Record<string, Finding[]> {
  const out: Record<string, Finding[]> = {};
  for (const span of spans(id)) {
    const found = deprecations(span);
    if (found.length > 0) (out[span.name] ??= []).push(...found);
  }
  return out;
}

const SYSTEM: Finding = ["deprecated-attribute", "warning", "gen_ai.system", "gen_ai.provider.name"];
const OPERATION_DETAILS = "or a gen_ai.client.inference.operation.details event";
const event = (name: string, instead: string): Finding => ["deprecated-event", "warning", name, instead];
const USER = event("gen_ai.user.message", `gen_ai.input.messages (${OPERATION_DETAILS})`);
const ASSISTANT = event("gen_ai.assistant.message", `gen_ai.input.messages (${OPERATION_DETAILS})`);
const TOOL = event("gen_ai.tool.message", `gen_ai.input.messages (${OPERATION_DETAILS})`);
const CHOICE = event("gen_ai.choice", `gen_ai.output.messages (${OPERATION_DETAILS})`);
const SYSTEM_MESSAGE = event("gen_ai.system.message", `gen_ai.system_instructions (or gen_ai.input.messages / gen_ai.output.messages on the span, ${OPERATION_DETAILS})`);
const CACHE_CREATION: Finding = ["deprecated-attribute", "info", "gen_ai.usage.cache_creation.input_tokens", "gen_ai.usage.cache_write.input_tokens"];
const AI7_LEGACY: Finding = ["deprecated-attribute", "warning", "ai.operationId", "the OpenTelemetry integration of @ai-sdk/otel (GenAI spans, gen_ai.operation.name)"];

describe("GenAI content events (span events or joined log records)", () => {
  it("@opentelemetry/instrumentation-openai 0.22 chat completions: each content record is flagged once, naming the message attribute that replaces it", () => {
    expect(byName("genai/otel-openai-022__chat")).toEqual({ "chat gpt-4o-mini": [SYSTEM, SYSTEM_MESSAGE, USER, CHOICE] });
    expect(byName("genai/otel-openai-022__chat-tool-result")).toEqual({ "chat gpt-4o-mini": [SYSTEM, USER, ASSISTANT, TOOL, CHOICE] });
  });

  it("the same instrumentation's Responses API writes operation.details records: no event is flagged", () => {
    const [span] = spans("genai/otel-openai-022__responses");
    expect(span!.events.map((e) => e.name)).toEqual(["gen_ai.client.inference.operation.details", "gen_ai.client.inference.operation.details"]);
    expect(byName("genai/otel-openai-022__responses")).toEqual({});
  });
});

describe("gen_ai.usage.cache_creation.input_tokens -> cache_write.input_tokens (renamed upstream, not released)", () => {
  it("an info, not a warning, on AI SDK 7 and Traceloop Anthropic spans that write the old name alone", () => {
    expect(byName("genai/ai-sdk-otel__anthropic-generate-text")).toEqual({ "invoke_agent claude-haiku-4-5": [CACHE_CREATION], "chat claude-haiku-4-5": [CACHE_CREATION] });
    expect(byName("openllmetry/traceloop-anthropic-more__cache-uncached-larger")).toEqual({ "chat claude-haiku-4-5": [CACHE_CREATION] });
  });

  it("nothing when the span also has the new name (the transition form: both keys)", () => {
    for (const span of spans("genai/ai-sdk-otel__anthropic-generate-text")) {
      const old = span.attributes["gen_ai.usage.cache_creation.input_tokens"];
      if (old === undefined) continue;
      expect(deprecations({ ...span, attributes: { ...span.attributes, "gen_ai.usage.cache_write.input_tokens": old } })).toEqual([]);
    }
  });

  it("the GenAI emitter's output (fixtures/emit, both keys) gets no cache finding", () => {
    const emitted = decodeOtlpJson(readFileSync(join(EMIT_FIXTURES, "usage-cache-reasoning.genai.otlp.json"), "utf8"));
    expect(emitted.some((span) => span.attributes["gen_ai.usage.cache_write.input_tokens"] !== undefined && span.attributes["gen_ai.usage.cache_creation.input_tokens"] !== undefined)).toBe(true);
    expect(emitted.flatMap((span) => deprecations(span)).filter(([, , key]) => key?.startsWith("gen_ai.usage.cache"))).toEqual([]);
  });

  it("the new name alone is a known int key", () => {
    const chat: Attributes = { "gen_ai.operation.name": "chat", "gen_ai.provider.name": "anthropic", "gen_ai.usage.cache_write.input_tokens": 5 };
    expect(validateSpan({ name: "s", attributes: chat }).filter((d) => d.key === "gen_ai.usage.cache_write.input_tokens")).toEqual([]);
    expect(validateSpan({ name: "s", attributes: { ...chat, "gen_ai.usage.cache_write.input_tokens": "5" } }).map((d) => [d.code, d.key])).toContainEqual(["wrong-type", "gen_ai.usage.cache_write.input_tokens"]);
  });
});

describe("gen_ai.request.top_k on a retrieval span -> gen_ai.retrieval.top_k", () => {
  // No capture has a GenAI retrieval span: a hand-built one for this rule.
  const retrieval: Attributes = { "gen_ai.operation.name": "retrieval", "gen_ai.provider.name": "pinecone", "gen_ai.retrieval.query.text": "q" };
  it("flagged on retrieval spans, with the replacement", () => {
    expect(deprecations({ name: "retrieval", attributes: { ...retrieval, "gen_ai.request.top_k": 5 } })).toEqual([["deprecated-attribute", "warning", "gen_ai.request.top_k", "gen_ai.retrieval.top_k"]]);
    expect(deprecations({ name: "retrieval", attributes: { ...retrieval, "gen_ai.retrieval.top_k": 5 } })).toEqual([]);
  });
  it("not on inference spans, where it is the sampling setting", () => {
    expect(deprecations({ name: "chat", attributes: { "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.request.top_k": 40 } })).toEqual([]);
  });
});

describe("OpenLLMetry legacy aliases (removed or renamed by semconv_ai 0.5)", () => {
  it("a Traceloop OpenAI 0.22 chat span with tools: every legacy key and indexed family, once each, with its GenAI replacement", () => {
    expect(byName("openllmetry/traceloop-legacy-openai__chat-tools")).toEqual({
      "openai.chat": [
        ["deprecated-attribute", "warning", "llm.request.type", "gen_ai.operation.name"],
        ["deprecated-attribute", "warning", "gen_ai.prompt.N.*", "gen_ai.input.messages"],
        ["deprecated-attribute", "warning", "llm.request.functions.N.*", "gen_ai.tool.definitions"],
        ["deprecated-attribute", "warning", "llm.usage.total_tokens", "gen_ai.usage.total_tokens"],
        ["deprecated-attribute", "warning", "gen_ai.completion.N.*", "gen_ai.output.messages"],
        SYSTEM,
        ["deprecated-attribute", "warning", "gen_ai.usage.completion_tokens", "gen_ai.usage.output_tokens"],
        ["deprecated-attribute", "warning", "gen_ai.usage.prompt_tokens", "gen_ai.usage.input_tokens"],
      ],
    });
  });

  it("a current Traceloop Anthropic 0.27 span (GenAI message keys) has none of them (only the unreleased cache rename, as an info)", () => {
    expect(Object.values(byName("openllmetry/traceloop-anthropic__messages")).flat()).toEqual([CACHE_CREATION]);
  });

  it("the cache keys' underscore spellings name the GenAI keys", () => {
    const span = { name: "chat", attributes: { "llm.request.type": "chat", "gen_ai.usage.cache_read_input_tokens": 1, "gen_ai.usage.cache_creation_input_tokens": 2 } };
    expect(deprecations(span).filter(([, , key]) => key !== "llm.request.type")).toEqual([
      ["deprecated-attribute", "warning", "gen_ai.usage.cache_read_input_tokens", "gen_ai.usage.cache_read.input_tokens"],
      ["deprecated-attribute", "warning", "gen_ai.usage.cache_creation_input_tokens", "gen_ai.usage.cache_write.input_tokens"],
    ]);
  });
});

describe("AI SDK 7 legacy ai.* spans (LegacyOpenTelemetry)", () => {
  it("flagged where the span shows ai 7: its user agent in the request headers, or an operation only ai 7 has", () => {
    expect(byName("vercel-ai/vercel-ai-v7-legacy__anthropic-generate-text")).toEqual({
      "ai.generateText": [AI7_LEGACY],
      "ai.generateText.doGenerate": [AI7_LEGACY, SYSTEM],
    });
    expect(byName("vercel-ai/vercel-ai-v7-legacy__decide")).toEqual({ "ai.decide": [AI7_LEGACY], "ai.decide.doDecide": [AI7_LEGACY] });
    expect(byName("vercel-ai/vercel-ai-v7-legacy__embed")).toEqual({ "ai.embed": [AI7_LEGACY], "ai.embed.doEmbed": [AI7_LEGACY] });
  });

  it("a streamed call records no request headers: its spans look exactly like ai 6 ones and are not flagged (a known limit)", () => {
    expect(byName("vercel-ai/vercel-ai-v7-legacy__openai-stream")).toEqual({ "ai.streamText.doStream": [SYSTEM] });
  });

  it("ai 5 / 6 spans are not flagged", () => {
    const ids = ["vercel-ai/vercel-ai-v5__anthropic-generate-text", ...[...fixtures.keys()].filter((k) => k.startsWith("vercel-ai/vercel-ai__"))];
    expect(ids.length).toBeGreaterThan(5);
    for (const id of ids) {
      const found = Object.values(byName(id)).flat();
      expect(found.filter(([, , key]) => key === "ai.operationId"), id).toEqual([]);
    }
  });
});
